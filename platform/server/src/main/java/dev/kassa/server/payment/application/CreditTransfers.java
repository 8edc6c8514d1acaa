package dev.kassa.server.payment.application;

import dev.kassa.server.payment.domain.Refund;
import dev.kassa.server.payment.domain.RefundBatch;
import dev.kassa.server.payment.domain.RefundBatchRepository;
import dev.kassa.server.payment.domain.RefundRepository;
import dev.kassa.server.shared.BankAccounts;
import dev.kassa.server.shared.Ids;
import dev.kassa.server.shared.KassaException;
import dev.kassa.server.shared.Money;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * pain.001 credit-transfer files for refunds the tenant sends by bank transfer: one refund's file,
 * or a batch of them. The tenant is the debtor, with the account of the refund's method (its
 * credentials {@code beneficiary}, {@code iban}, {@code bic}). A file changes no refund: each stays
 * PENDING until the tenant reports it sent (or the batch), as with refunds sent by hand.
 */
@ApplicationScoped
public class CreditTransfers {
    /** At most this many refunds in one batch: a bank portal's limit is rarely lower, and the file stays small. */
    public static final int MAX_BATCH = 1000;

    private RefundRepository refunds;
    private RefundBatchRepository batches;
    private PaymentMethodService methods;
    private RefundService reports;
    private Clock clock;

    protected CreditTransfers() {
    }

    @Inject
    public CreditTransfers(RefundRepository refunds, RefundBatchRepository batches, PaymentMethodService methods,
                           RefundService reports, Clock clock) {
        this.refunds = refunds;
        this.batches = batches;
        this.methods = methods;
        this.reports = reports;
        this.clock = clock;
    }

    /** A file and the name to save it under. */
    public record File(byte[] bytes, String fileName) { }

    /** A batch and its refunds, oldest first. */
    public record Batch(RefundBatch batch, List<Refund> refunds) { }

    /**
     * The file of one refund, in no batch.
     *
     * @throws KassaException 409 with the refund's {@link Refund#transferFileBlocker() blocker}, or
     *     {@code refund.tenant_account_unknown} when the tenant's own IBAN or name is not set
     */
    @Transactional
    public File refundFile(String tenantId, String refundId, Pain001.Version version) {
        Refund refund = refunds.find(tenantId, refundId).orElseThrow(KassaException::notFound);
        refund.transferFileBlocker().ifPresent(b -> {
            throw KassaException.conflict(b[0], "No transfer file for this refund", b[1]);
        });
        return file(tenantId, refund.id(), refund.createdAt(), List.of(refund), version);
    }

    /**
     * Gathers refunds into a new batch: {@code refundIds}, or (null) every PENDING refund sent by
     * hand to a known account in EUR and in no batch yet, oldest first, at most {@link #MAX_BATCH}.
     *
     * @throws KassaException 404 for an id that is not the tenant's refund; 409
     *     {@code refund_batch.refund_not_eligible} for one that cannot go in a file (with why), 409
     *     {@code refund_batch.empty} when nothing is left to send; 409 {@code refund.tenant_account_unknown}
     */
    @Transactional
    public Batch createBatch(String tenantId, List<String> refundIds) {
        if (refundIds != null && (refundIds.isEmpty() || refundIds.size() > MAX_BATCH)) {
            throw KassaException.invalid("refundIds", refundIds.isEmpty() ? "empty" : "too_many",
                    "names 1 to " + MAX_BATCH + " refunds, or is left out for every one waiting");
        }
        List<Refund> chosen = new ArrayList<>();
        if (refundIds == null) {
            for (Refund r : batches.lockUnbatched(tenantId, MAX_BATCH)) {
                if (r.batchable()) {
                    chosen.add(r);
                }
            }
        } else {
            for (String id : new LinkedHashSet<>(refundIds)) {
                Refund r = refunds.lock(tenantId, id);
                Optional<String[]> blocker = r.transferFileBlocker();
                if (blocker.isPresent()) {
                    throw KassaException.conflict("refund_batch.refund_not_eligible", "Refund cannot be batched",
                            r.id() + " (" + blocker.get()[0] + "): " + blocker.get()[1]);
                }
                chosen.add(r);
            }
        }
        if (chosen.isEmpty()) {
            throw KassaException.conflict("refund_batch.empty", "Nothing to batch",
                    "No PENDING refund by bank transfer in EUR with a known account is waiting outside a batch.");
        }
        debtor(tenantId, chosen.get(0).method()); // refuse before anything is written
        Instant now = clock.instant();
        Money total = Money.zero(chosen.get(0).amount().currency());
        for (Refund r : chosen) {
            total = total.plus(r.amount());
        }
        RefundBatch batch = new RefundBatch(Ids.next("rfb"), tenantId, chosen.size(), total, now);
        batches.add(batch);
        for (Refund r : chosen) {
            r.joinBatch(batch.id(), now);
        }
        return new Batch(batch, chosen);
    }

    @Transactional
    public Batch batch(String tenantId, String batchId) {
        RefundBatch batch = batches.find(tenantId, batchId).orElseThrow(KassaException::notFound);
        return new Batch(batch, batches.refunds(tenantId, batchId));
    }

    /**
     * The batch's file: its refunds still PENDING (one reported failed in the meantime is not sent).
     *
     * @throws KassaException 409 {@code refund_batch.empty} when none is left PENDING
     */
    @Transactional
    public File batchFile(String tenantId, String batchId, Pain001.Version version) {
        RefundBatch batch = batches.find(tenantId, batchId).orElseThrow(KassaException::notFound);
        List<Refund> pending = batches.refunds(tenantId, batchId).stream()
                .filter(r -> r.status() == Refund.Status.PENDING).toList();
        if (pending.isEmpty()) {
            throw KassaException.conflict("refund_batch.empty", "Nothing left to send",
                    "Every refund of this batch has been reported sent or failed.");
        }
        return file(tenantId, batch.id(), batch.createdAt(), pending, version);
    }

    /**
     * The tenant uploaded the batch and its bank took it: every refund of it still PENDING SUCCEEDED.
     *
     * @throws KassaException 409 {@code refund_batch.already_sent}
     */
    @Transactional
    public Batch markSent(String tenantId, String batchId) {
        RefundBatch batch = batches.lock(tenantId, batchId);
        if (batch.sentAt() != null) {
            throw KassaException.conflict("refund_batch.already_sent", "Batch already reported sent",
                    "This batch was reported sent at " + batch.sentAt() + ".");
        }
        for (Refund r : batches.refunds(tenantId, batchId)) {
            if (r.status() == Refund.Status.PENDING) {
                reports.report(tenantId, r.id(), true, null);
            }
        }
        batch.markSent(clock.instant());
        return new Batch(batch, batches.refunds(tenantId, batchId));
    }

    private File file(String tenantId, String messageId, Instant createdAt, List<Refund> transfers,
                      Pain001.Version version) {
        Pain001.Party debtor = debtor(tenantId, transfers.get(0).method());
        List<Pain001.Transfer> lines = new ArrayList<>(transfers.size());
        for (Refund r : transfers) {
            lines.add(new Pain001.Transfer(r.id(), r.amount(), new Pain001.Party(
                    r.payeeName() == null ? "NOTPROVIDED" : r.payeeName(), r.payeeIban(), r.payeeBic()),
                    "Refund of unused funds, top-up " + reports.topUpReference(tenantId, r.topUpId())));
        }
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        byte[] bytes = Pain001.write(new Pain001.Message(messageId, now, today, debtor, lines), version);
        return new File(bytes, Pain001.fileName(messageId, version));
    }

    /** The tenant's account from the refund method's credentials. */
    private Pain001.Party debtor(String tenantId, String method) {
        Map<String, String> credentials = methods.get(tenantId, method).credentials();
        String iban = BankAccounts.normalise(credentials.get("iban"));
        String name = credentials.get("beneficiary");
        if (!BankAccounts.isValidIban(iban) || name == null || name.isBlank()) {
            throw KassaException.conflict("refund.tenant_account_unknown", "Your bank account is not set",
                    "A transfer file sends the money from your account: set the beneficiary name and IBAN of the "
                            + method + " method (PUT /api/v1/payment-methods/" + method + ").");
        }
        String bic = BankAccounts.normalise(credentials.get("bic"));
        return new Pain001.Party(name.strip(), iban, BankAccounts.isValidBic(bic) ? bic : null);
    }
}
