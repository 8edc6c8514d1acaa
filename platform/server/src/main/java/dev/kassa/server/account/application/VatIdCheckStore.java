package dev.kassa.server.account.application;

import dev.kassa.server.account.domain.Payer;
import dev.kassa.server.account.domain.VatIdAnswer;
import dev.kassa.server.account.domain.VatIdCheck;
import dev.kassa.server.account.domain.VatIdCheckRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The short transactions around a VIES call: claiming what to check, and keeping the answer. VIES
 * is never called while one of them is open.
 */
@ApplicationScoped
public class VatIdCheckStore {
    private VatIdCheckRepository checks;

    protected VatIdCheckStore() {
    }

    @Inject
    public VatIdCheckStore(VatIdCheckRepository checks) {
        this.checks = checks;
    }

    /** Claims the payers whose check is due (see {@link VatIdCheckRepository#claimDue}). */
    @Transactional
    public List<VatIdCheckRepository.Due> claimDue(Instant now, Duration lease, int limit) {
        return checks.claimDue(now, now.plus(lease), limit);
    }

    /**
     * Claims one payer's check, whatever its state: its VAT ID, with the next attempt moved to the
     * lease's end; empty when the payer (of this tenant) has no VAT ID.
     */
    @Transactional
    public Optional<String> claim(String tenantId, String payerId, Instant now, Duration lease) {
        Optional<Payer> payer = checks.lockPayer(tenantId, payerId);
        if (payer.isEmpty() || payer.get().vatId() == null) {
            return Optional.empty();
        }
        payer.get().leaseVatCheck(now.plus(lease));
        return Optional.of(payer.get().vatId());
    }

    /** Keeps VIES's answer about {@code vatId} on the payer; the check as it stands then. */
    @Transactional
    public Optional<VatIdCheck> record(String tenantId, String payerId, String vatId, VatIdAnswer answer,
                                       Duration firstBackoff, Instant now) {
        return checks.lockPayer(tenantId, payerId).map(p -> {
            p.recordVatCheck(vatId, answer, firstBackoff, now);
            return p.vatIdCheck();
        });
    }

    /** Plans a new check of each of these payers' VAT IDs now (their last valid answer grew old). */
    @Transactional
    public void recheck(String tenantId, String payerId, Instant now) {
        checks.lockPayer(tenantId, payerId).ifPresent(p -> p.recheckVatId(now));
    }
}
