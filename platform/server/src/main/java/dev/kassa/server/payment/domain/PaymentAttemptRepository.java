package dev.kassa.server.payment.domain;

import java.util.List;
import java.util.Optional;

/** Payment attempts and their history, always within one tenant. Every method joins the caller's transaction. */
public interface PaymentAttemptRepository {
    /** Adds an attempt; its row is written at once, since its history references it. */
    void add(PaymentAttempt attempt);

    Optional<PaymentAttempt> find(String tenantId, String id);

    /** The attempt, locked until the transaction ends; 404 {@code not_found} when there is none. */
    PaymentAttempt lock(String tenantId, String id);

    /** The attempt a gateway's news is about, locked: by the gateway's reference, else by our id. */
    Optional<PaymentAttempt> lockForGateway(String tenantId, String method, String gatewayReference, String id);

    /** The top-up's attempts with {@code method} still waiting for news, locked, in id order. */
    List<PaymentAttempt> lockOpen(String tenantId, String topUpId, String method);

    /** The top-up's attempts, newest first. */
    List<PaymentAttempt> forTopUp(String tenantId, String topUpId);

    /** The top-up's attempt that succeeded, if one did. */
    Optional<PaymentAttempt> succeeded(String tenantId, String topUpId);

    /** Appends to an attempt's history. */
    void addEvent(AttemptEvent event);

    /** An attempt's history, oldest first. */
    List<AttemptEvent> events(String tenantId, String attemptId);
}
