package dev.kassa.server.banktransfer.application;

import dev.kassa.server.account.domain.Account;
import dev.kassa.server.account.domain.AccountRepository;
import dev.kassa.server.banktransfer.domain.BankTransfer;
import dev.kassa.server.banktransfer.domain.BankTransferRepository;
import dev.kassa.server.billing.application.InvoiceBoundPayments;
import dev.kassa.server.billing.application.InvoiceBoundPayments.OpenInvoice;
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
import jakarta.transaction.Transactional;
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
    private BankTransferRepository transfers;
    private AccountRepository accounts;
    private TopUpRepository topUps;
    private IncomingPayments incoming;
    private Ledger ledger;
    private PaymentOutcomes outcomes;
    private InvoiceBoundPayments invoices;
    private Clock clock;

    protected BankTransferService() {
    }

    @Inject
    public BankTransferService(BankTransferRepository transfers, AccountRepository accounts, TopUpRepository topUps,
                               IncomingPayments incoming, Ledger ledger, PaymentOutcomes outcomes,
                               InvoiceBoundPayments invoices, Clock clock) {
        this.transfers = transfers;
        this.accounts = accounts;
        this.topUps = topUps;
        this.incoming = incoming;
        this.ledger = ledger;
        this.outcomes = outcomes;
        this.invoices = invoices;
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
        OpenInvoice invoice = match.invoice();
        if (account != null && !report.amount().currency().equals(account.currency())) {
            // Only a conversion can refuse (no fresh rate): look for an earlier report first, so that a
            // repeat is still answered with it. Otherwise the claim below is the only check.
            Optional<BankTransfer> known = transfers.findByBankTransactionId(tenantId, report.bankTransactionId());
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
        BankTransfer transfer = BankTransfer.recorded(id, tenantId, report.bankTransactionId(), report.reference(),
                report.amount(), report.payerName(), receivedAt, account == null ? null : account.id(),
                topUp == null ? null : topUp.id(), credit == null ? null : credit.amount(), now);
        // Claim the bank transaction id first: a concurrent report of the same transaction waits
        // here for ours to commit and then inserts nothing.
        if (!transfers.addIfNew(transfer)) {
            return new Outcome(transfers.findByBankTransactionId(tenantId, report.bankTransactionId()).orElseThrow(),
                    false);
        }
        String description = "Bank transfer " + report.bankTransactionId();
        if (account == null) {
            ledger.move(tenantId, report.amount(), SystemAccount.UNALLOCATED, SystemAccount.BANK_CLEARING,
                    TransactionType.UNMATCHED_RECEIPT, description, report.reference());
        } else {
            // The common case, an account reference in the account's currency: one statement where the
            // database allows it. Otherwise (a top-up, a conversion, H2, or the account changed
            // currency since it was priced) under the locks.
            boolean posted = topUp == null && invoice == null && credit.fx() == null && ledger.creditById(tenantId, account.id(),
                    credit.amount(), SystemAccount.BANK_CLEARING, TransactionType.BANK_TRANSFER, description,
                    account.reference()).isPresent();
            if (!posted) {
                creditUnderLocks(tenantId, report, account, topUp, invoice, credit, description);
            }
        }
        // What was just inserted, without reading it back.
        return new Outcome(transfer, true);
    }

    private void creditUnderLocks(String tenantId, Report report, Account account, TopUp topUp, OpenInvoice invoice,
                                  IncomingPayments.Credit credit, String description) {
        // Lock order everywhere: attempt, top-up, invoice, account.
        List<PaymentAttempt> offline = topUp == null ? List.of() : outcomes.lockOffline(tenantId, topUp);
        TopUp lockedTopUp = topUp == null ? null : topUps.lock(tenantId, topUp.id());
        String invoiceId = invoice != null ? invoice.invoiceId() : lockedTopUp != null ? lockedTopUp.invoiceId() : null;
        if (invoiceId != null) {
            invoices.lock(tenantId, invoiceId);
        }
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
        if (invoice != null) {
            // Quoting the invoice's reference: paid when the transfer covers it, the rest on the balance.
            invoices.payWith(tenantId, invoice.invoiceId(), credit.amount());
        }
    }

    @Transactional
    public BankTransfer assign(String tenantId, String transferId, String accountId) {
        BankTransfer transfer = transfers.lock(tenantId, transferId);
        Account account = accounts.lock(tenantId, accountId);
        IncomingPayments.Credit credit = incoming.price(tenantId, account, null, transfer.amount());
        transfer.assign(account.id(), credit.amount(), clock.instant());
        incoming.apply(credit, transfer.amount(), account, null, SystemAccount.UNALLOCATED, TransactionType.ASSIGNMENT,
                "Bank transfer " + transfer.bankTransactionId(), account.reference());
        return transfer;
    }

    /**
     * Takes back a transfer the bank reversed: out of the unallocated account while unmatched, else
     * out of the account it was credited to. Nothing happens (false) when it was reversed before,
     * was converted from another currency, or the account's balance no longer covers it; the tenant
     * then corrects by hand.
     */
    @Transactional
    public boolean reverse(String tenantId, String transferId, String description) {
        BankTransfer transfer = transfers.lock(tenantId, transferId);
        if (transfer.status() == BankTransfer.Status.REVERSED) {
            return false;
        }
        if (transfer.status() == BankTransfer.Status.UNMATCHED) {
            ledger.move(tenantId, transfer.amount(), SystemAccount.BANK_CLEARING, SystemAccount.UNALLOCATED,
                    TransactionType.ADJUSTMENT, description, transfer.reference());
        } else {
            Account account = accounts.lock(tenantId, transfer.accountId());
            if (!transfer.credited().equals(transfer.amount()) || account.balance().compareTo(transfer.credited()) < 0) {
                return false;
            }
            ledger.debit(account, transfer.credited(), SystemAccount.BANK_CLEARING, TransactionType.ADJUSTMENT,
                    description, account.reference());
        }
        transfer.reverse();
        return true;
    }

    @Transactional
    public BankTransfer get(String tenantId, String transferId) {
        return transfers.find(tenantId, transferId).orElseThrow(KassaException::notFound);
    }

    @Transactional
    public List<BankTransfer> list(String tenantId, BankTransfer.Status status, PageRequest page) {
        return transfers.page(tenantId, status, page.after(), page.limit());
    }

    /** What a reference points to: a top-up and its account, an open invoice and its account, an account alone, or nothing. */
    private record Match(Account account, TopUp topUp, OpenInvoice invoice) {
        Match(Account account, TopUp topUp) {
            this(account, topUp, null);
        }
    }

    /**
     * A top-up reference wins over an invoice's payment reference, which wins over an account
     * reference; the first code found wins among equals.
     */
    private Match match(String tenantId, String reference) {
        var candidates = References.candidates(reference);
        for (String code : candidates) {
            if (code.startsWith(References.TOP_UP)) {
                Optional<TopUp> topUp = topUps.findByReference(tenantId, code);
                if (topUp.isPresent()) {
                    return new Match(accounts.require(tenantId, topUp.get().accountId()), topUp.get());
                }
            }
        }
        for (String code : candidates) {
            if (code.startsWith(References.INVOICE)) {
                Optional<OpenInvoice> invoice = invoices.byReference(tenantId, code);
                if (invoice.isPresent()) {
                    return new Match(accounts.require(tenantId, invoice.get().accountId()), null, invoice.get());
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
