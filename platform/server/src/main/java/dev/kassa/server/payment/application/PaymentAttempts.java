package dev.kassa.server.payment.application;

import dev.kassa.server.account.domain.Account;
import dev.kassa.server.account.domain.AccountRepository;
import dev.kassa.server.payment.domain.AttemptEvent;
import dev.kassa.server.payment.domain.AttemptStatus;
import dev.kassa.server.payment.domain.GatewayCustomerRepository;
import dev.kassa.server.payment.domain.PaymentAttempt;
import dev.kassa.server.payment.domain.PaymentAttemptRepository;
import dev.kassa.server.payment.domain.TopUp;
import dev.kassa.server.payment.domain.TopUpRepository;
import dev.kassa.server.shared.Ids;
import dev.kassa.server.shared.KassaException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** Payment attempts, their history, and the customers' ids at each gateway. */
@ApplicationScoped
public class PaymentAttempts {
    private PaymentAttemptRepository attempts;
    private TopUpRepository topUps;
    private AccountRepository accounts;
    private GatewayCustomerRepository gatewayCustomers;
    private Clock clock;

    protected PaymentAttempts() {
    }

    @Inject
    public PaymentAttempts(PaymentAttemptRepository attempts, TopUpRepository topUps, AccountRepository accounts,
                           GatewayCustomerRepository gatewayCustomers, Clock clock) {
        this.attempts = attempts;
        this.topUps = topUps;
        this.accounts = accounts;
        this.gatewayCustomers = gatewayCustomers;
        this.clock = clock;
    }

    /**
     * Records a new top-up and its first attempt, and commits them before the gateway is called:
     * whatever happens next, the gateway's news about this attempt finds it.
     *
     * <p>The account is locked while the top-up is written and its currency checked against the
     * credit, since a currency change takes the same lock and refuses while a top-up is NEW: so a
     * top-up that gets paid can always be credited in the currency it promised.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void open(TopUp topUp, PaymentAttempt attempt) {
        Account account = accounts.lock(topUp.tenantId(), topUp.accountId());
        if (!account.currency().equals(topUp.credit().currency())) {
            throw KassaException.conflict("account.currency_changed", "Account currency changed",
                    "The account's currency changed to " + account.currency() + " while the top-up was being made; "
                            + "nothing was changed. Ask again.");
        }
        topUps.add(topUp); // written at once: the attempt references the top-up
        attempts.add(attempt);
        event(attempt, AttemptStatus.UNKNOWN, "created", null, "before calling the gateway");
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public PaymentAttempt lock(String tenantId, String attemptId) {
        return attempts.lock(tenantId, attemptId);
    }

    /** The attempt a gateway event is about: by the gateway's reference, else by our id from its metadata. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<PaymentAttempt> lockFor(String tenantId, String method, String gatewayReference, String attemptId) {
        return attempts.lockForGateway(tenantId, method, gatewayReference, attemptId);
    }

    @Transactional
    public Optional<PaymentAttempt> find(String tenantId, String attemptId) {
        return attempts.find(tenantId, attemptId);
    }

    /** The top-up's attempts with {@code method} still waiting for news, locked. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<PaymentAttempt> lockOpen(String tenantId, String topUpId, String method) {
        return attempts.lockOpen(tenantId, topUpId, method);
    }

    /** The top-up's attempts, newest first. */
    @Transactional
    public List<PaymentAttempt> forTopUp(String tenantId, String topUpId) {
        return attempts.forTopUp(tenantId, topUpId);
    }

    @Transactional
    public Optional<PaymentAttempt> latest(String tenantId, String topUpId) {
        return forTopUp(tenantId, topUpId).stream().findFirst();
    }

    /** Appends to an attempt's history. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void event(PaymentAttempt attempt, AttemptStatus status, String source, String eventId, String detail) {
        attempts.addEvent(new AttemptEvent(Ids.next("ate"), attempt.tenantId(), attempt.id(), status, source, eventId,
                detail == null ? null : truncate(detail, 1000), clock.instant()));
    }

    /** One entry of an attempt's history: what {@code source} (start, webhook, janitor, ...) said. */
    public record HistoryEntry(String status, String source, String eventId, String detail, java.time.Instant at) { }

    /** An attempt's history, oldest first. */
    @Transactional
    public List<HistoryEntry> history(String tenantId, String attemptId) {
        return attempts.events(tenantId, attemptId).stream().map(e -> new HistoryEntry(e.status().name(), e.source(),
                e.eventId(), e.detail(), e.createdAt())).toList();
    }

    /** The account's customer id at the method's gateway, if one was created. */
    @Transactional
    public Optional<String> gatewayCustomer(String tenantId, String method, String accountId) {
        return gatewayCustomers.find(tenantId, method, accountId);
    }

    /** Keeps the first customer id a gateway gave for the account. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void rememberCustomer(String tenantId, String method, String accountId, String reference) {
        if (reference == null) {
            return;
        }
        gatewayCustomers.addIfAbsent(tenantId, method, accountId, truncate(reference, 255), clock.instant());
    }

    static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
