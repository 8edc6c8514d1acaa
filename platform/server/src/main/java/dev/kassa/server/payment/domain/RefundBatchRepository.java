package dev.kassa.server.payment.domain;

import java.util.List;
import java.util.Optional;

/** Refund batches and the refunds in them, always within one tenant. Every method joins the caller's transaction. */
public interface RefundBatchRepository {
    void add(RefundBatch batch);

    Optional<RefundBatch> find(String tenantId, String id);

    /** The batch, locked until the transaction ends; 404 {@code not_found} when there is none. */
    RefundBatch lock(String tenantId, String id);

    /** The batch's refunds, oldest first. */
    List<Refund> refunds(String tenantId, String batchId);

    /** PENDING refunds sent by hand to a known account and in no batch (any currency), oldest first, locked; at most {@code limit}. */
    List<Refund> lockUnbatched(String tenantId, int limit);
}
