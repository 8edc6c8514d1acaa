package dev.kassa.server.payment.domain;

import java.util.List;
import java.util.Optional;

/** Refunds, always within one tenant. Every method joins the caller's transaction. */
public interface RefundRepository {
    void add(Refund refund);

    Optional<Refund> find(String tenantId, String id);

    /** The refund, locked until the transaction ends; 404 {@code not_found} when there is none. */
    Refund lock(String tenantId, String id);

    /** The refund a gateway's news is about, locked: by the gateway's reference, else by our id. */
    Optional<Refund> lockForGateway(String tenantId, String method, String gatewayReference, String id);

    /** The top-up's refunds, newest first. */
    List<Refund> forTopUp(String tenantId, String topUpId);

    /** What is refunded or on its way back of a top-up (pending and succeeded refunds), in minor units. */
    long refundedMinor(String tenantId, String topUpId);
}
