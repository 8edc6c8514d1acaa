package dev.kassa.server.banktransfer.application;

import dev.kassa.server.account.domain.Account;
import dev.kassa.server.account.domain.AccountRepository;
import dev.kassa.server.banktransfer.domain.BankTransfer;
import dev.kassa.server.db.TenantRows;
import dev.kassa.server.ledger.application.Ledger;
import dev.kassa.server.payment.application.IncomingPayments;
import dev.kassa.server.payment.application.PaymentOutcomes;
import dev.kassa.server.payment.domain.PaymentAttempt;
import dev.kassa.server.ledger.domain.SystemAccount;
import dev.kassa.server.ledger.domain.TransactionType;
import dev.kassa.server.shared.Ids;
import dev.kassa.server.shared.KassaException;
import dev.kassa.server.shared.Money;
import dev.kassa.server.shared.PageRequest;
import dev.kassa.server.shared.References;
import dev.kassa.server.payment.domain.TopUp;
import dev.kassa.server.payment.domain.TopUpRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Records money that arrived at a tenant's bank exactly once per bank transaction id, matches it
 * to a top-up or an account by reference, and credits it.
 */
@ApplicationScoped
public class BankTransferService {
    private EntityManager em;
    private AccountRepository accounts;
    private TopUpRepository topUps;
    private IncomingPayments incoming;
    private Ledger ledger;
    private PaymentOutcomes outcomes;
    private Clock clock;

    protected BankTransferService() {
    }

    @Inject
    public BankTransferService(EntityManager em, AccountRepository accounts, TopUpRepository topUps,
                               IncomingPayments incoming, Ledger ledger, PaymentOutcomes outcomes, Clock clock) {
        this.em = em;
        this.accounts = accounts;
        this.topUps = topUps;
        this.incoming = incoming;
        this.ledger = ledger;
        this.outcomes = outcomes;
        this.clock = clock;
    }

    public record Report(String bankTransactionId, String reference, Money amount, String payerName,
                         Instant receivedAt) { }

    /** The transfer, and whether this call recorded it (false: it was reported before). */
    public record Outcome(BankTransfer transfer, boolean created) { }

    @Transactional
    public Outcome report(String tenantId, Report report) {
        Match match = match(tenantId, report.reference());
        Account account = match.account();
        TopUp topUp = match.topUp();
        if (account != null && !report.amount().currency().equals(account.currency())) {
            // Only a conversion can refuse (no fresh rate): look for an earlier report first, so that a
            // repeat is still answered with it. Otherwise the claim below is the only check.
            Optional<BankTransfer> known = findByBankTransactionId(tenantId, report.bankTransactionId());
            if (known.isPresent()) {
                return new Outcome(known.get(), false);
            }
        }
        // Priced before anything is written: a missing rate refuses the report (409) and records nothing.
        IncomingPayments.Credit credit = account == null ? null
                : incoming.price(tenantId, account, topUp, report.amount());
        String id = Ids.next("btr");
        Instant now = clock.instant();
        // Stored with microseconds, as both databases keep them: the answer matches a later GET.
        Instant receivedAt = report.receivedAt() == null ? null
                : report.receivedAt().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        // Claim the bank transaction id first: a concurrent report of the same transaction waits
        // here for ours to commit and then inserts nothing.
        int inserted = em.createNativeQuery("insert into bank_transfers (id, tenant_id, bank_transaction_id,"
                        + " reference, amount_minor, currency, payer_name, received_at, status, account_id, top_up_id,"
                        + " credited_minor, credited_currency, created_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7,"
                        // typed casts: a null parameter is otherwise bound as text
                        + " cast(?8 as timestamp with time zone), ?9, ?10, ?11, cast(?12 as bigint),"
                        + " cast(?13 as char(3)), ?14) on conflict do nothing")
                .setParameter(1, id).setParameter(2, tenantId).setParameter(3, report.bankTransactionId())
                .setParameter(4, report.reference()).setParameter(5, report.amount().minor())
                .setParameter(6, report.amount().currency().code()).setParameter(7, report.payerName())
                .setParameter(8, receivedAt == null ? null : Timestamp.from(receivedAt))
                .setParameter(9, (account == null ? BankTransfer.Status.UNMATCHED : BankTransfer.Status.MATCHED).name())
                .setParameter(10, account == null ? null : account.id())
                .setParameter(11, topUp == null ? null : topUp.id())
                .setParameter(12, credit == null ? null : credit.amount().minor())
                .setParameter(13, credit == null ? null : credit.amount().currency().code())
                .setParameter(14, Timestamp.from(now))
                .executeUpdate();
        if (inserted == 0) {
            return new Outcome(findByBankTransactionId(tenantId, report.bankTransactionId()).orElseThrow(), false);
        }
        String description = "Bank transfer " + report.bankTransactionId();
        if (account == null) {
            ledger.move(tenantId, report.amount(), SystemAccount.UNALLOCATED, SystemAccount.BANK_CLEARING,
                    TransactionType.UNMATCHED_RECEIPT, description, report.reference());
        } else {
            // The common case, an account reference in the account's currency: one statement where the
            // database allows it. Otherwise (a top-up, a conversion, H2, or the account changed
            // currency since it was priced) under the locks.
            boolean posted = topUp == null && credit.fx() == null && ledger.creditById(tenantId, account.id(),
                    credit.amount(), SystemAccount.BANK_CLEARING, TransactionType.BANK_TRANSFER, description,
                    account.reference()).isPresent();
            if (!posted) {
                creditUnderLocks(tenantId, report, account, topUp, credit, description);
            }
        }
        // What was just inserted, without reading it back.
        return new Outcome(BankTransfer.recorded(id, tenantId, report.bankTransactionId(), report.reference(),
                report.amount(), report.payerName(), receivedAt, account == null ? null : account.id(),
                topUp == null ? null : topUp.id(), credit == null ? null : credit.amount(), now), true);
    }

    private void creditUnderLocks(String tenantId, Report report, Account account, TopUp topUp,
                                  IncomingPayments.Credit credit, String description) {
        // Lock order everywhere: attempt, top-up, account.
        List<PaymentAttempt> offline = topUp == null ? List.of() : outcomes.lockOffline(tenantId, topUp);
        TopUp lockedTopUp = topUp == null ? null : topUps.lock(tenantId, topUp.id());
        Account lockedAccount = accounts.lock(tenantId, account.id());
        if (!lockedAccount.currency().equals(credit.amount().currency())) {
            // The account changed currency after we priced: roll back, the tenant reports again.
            throw KassaException.conflict("request.conflict", "Concurrent update",
                    "The account changed currency while this transfer was recorded; nothing was changed. Retry.");
        }
        incoming.apply(credit, report.amount(), lockedAccount, lockedTopUp, SystemAccount.BANK_CLEARING,
                topUp == null ? TransactionType.BANK_TRANSFER : TransactionType.TOP_UP, description,
                topUp == null ? lockedAccount.reference() : topUp.reference());
        outcomes.settleOffline(offline, report.amount(), description);
    }

    @Transactional
    public BankTransfer assign(String tenantId, String transferId, String accountId) {
        BankTransfer transfer = TenantRows.lock(em, BankTransfer.class, tenantId, transferId)
                .orElseThrow(KassaException::notFound);
        Account account = accounts.lock(tenantId, accountId);
        IncomingPayments.Credit credit = incoming.price(tenantId, account, null, transfer.amount());
        transfer.assign(account.id(), credit.amount(), clock.instant());
        incoming.apply(credit, transfer.amount(), account, null, SystemAccount.UNALLOCATED, TransactionType.ASSIGNMENT,
                "Bank transfer " + transfer.bankTransactionId(), account.reference());
        return transfer;
    }

    @Transactional
    public BankTransfer get(String tenantId, String transferId) {
        return TenantRows.find(em, BankTransfer.class, tenantId, transferId).orElseThrow(KassaException::notFound);
    }

    @Transactional
    public List<BankTransfer> list(String tenantId, BankTransfer.Status status, PageRequest page) {
        var query = em.createQuery("select b from BankTransfer b where b.tenantId = :tenant"
                        + (status == null ? "" : " and b.status = :status")
                        + (page.after() == null ? "" : " and b.id < :after") + " order by b.id desc", BankTransfer.class)
                .setParameter("tenant", tenantId);
        if (status != null) {
            query.setParameter("status", status.name());
        }
        if (page.after() != null) {
            query.setParameter("after", page.after());
        }
        return query.setMaxResults(page.limit() + 1).getResultList();
    }

    private Optional<BankTransfer> findByBankTransactionId(String tenantId, String bankTransactionId) {
        return em.createQuery("select b from BankTransfer b where b.tenantId = :tenant"
                        + " and b.bankTransactionId = :bankTx", BankTransfer.class)
                .setParameter("tenant", tenantId).setParameter("bankTx", bankTransactionId)
                .getResultStream().findFirst();
    }

    /** What a reference points to: a top-up and its account, an account alone, or nothing. */
    private record Match(Account account, TopUp topUp) { }

    /** A top-up reference wins over an account reference; the first code found wins among equals. */
    private Match match(String tenantId, String reference) {
        var candidates = References.candidates(reference);
        for (String code : candidates) {
            if (code.startsWith(References.TOP_UP)) {
                Optional<TopUp> topUp = em.createQuery("select t from TopUp t where t.reference = :ref"
                                + " and t.tenantId = :tenant", TopUp.class)
                        .setParameter("ref", code).setParameter("tenant", tenantId).getResultStream().findFirst();
                if (topUp.isPresent()) {
                    return new Match(accounts.require(tenantId, topUp.get().accountId()), topUp.get());
                }
            }
        }
        for (String code : candidates) {
            if (code.startsWith(References.ACCOUNT)) {
                Optional<Account> account = accounts.findByReference(tenantId, code);
                if (account.isPresent()) {
                    return new Match(account.get(), null);
                }
            }
        }
        return new Match(null, null);
    }
}
