package dev.kassa.server.account.application;

import dev.kassa.server.account.domain.VatIdAnswer;
import dev.kassa.server.account.domain.VatIdCheck;
import dev.kassa.server.account.domain.VatIdCheckStatus;
import dev.kassa.server.account.domain.VatIdCheckRepository;
import dev.kassa.server.account.domain.VatIdRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Checks payers' VAT IDs with VIES and keeps the answers on the payers ({@link VatIdCheck}):
 * at once when a VAT ID is added or changed through the API, before a reverse-charged invoice
 * when the last valid answer is old, and in rounds of a worker for every check that is due (a
 * new VAT ID the API did not check, or a retry after an outage, with back-off). No database
 * transaction is open while VIES is asked: a check is claimed in one short transaction (the claim
 * is a lease, so a node that dies mid-check leaves it to be taken again) and the answer kept in
 * another. An outage never makes a VAT ID invalid.
 */
@ApplicationScoped
public class VatIdChecks {
    private static final Logger LOG = Logger.getLogger(VatIdChecks.class.getName());
    /** How long a claimed check is left to the node that claimed it before another may take it. */
    static final Duration LEASE = Duration.ofMinutes(2);
    /** Checks per worker round and node; VIES limits concurrent requests, so one at a time. */
    static final int ROUND = 50;

    private VatIdCheckStore store;
    private VatIdRegistry registry;
    private VatIdRetry firstBackoff;
    private VatIdRequester requester;
    private Clock clock;

    protected VatIdChecks() {
    }

    @Inject
    public VatIdChecks(VatIdCheckStore store, VatIdRegistry registry, VatIdRequester requester,
                       VatIdRetry firstBackoff, Clock clock) {
        this.store = store;
        this.registry = registry;
        this.requester = requester;
        this.firstBackoff = firstBackoff;
        this.clock = clock;
    }

    /**
     * Asks VIES about the payer's VAT ID now and keeps the answer; the check as it stands after
     * (empty when the payer has no VAT ID). Call it outside any transaction.
     */
    public Optional<VatIdCheck> checkNow(String tenantId, String payerId) {
        Optional<String> vatId = store.claim(tenantId, payerId, clock.instant(), LEASE);
        if (vatId.isEmpty()) {
            return Optional.empty();
        }
        return ask(tenantId, payerId, vatId.get());
    }

    /**
     * Asks VIES now about a VAT ID just added or changed (a check still {@code PENDING} and never
     * attempted); whether it asked. Call it outside any transaction, once the payer is saved.
     */
    public boolean checkIfNew(String tenantId, String payerId, VatIdCheck check) {
        if (check == null || check.status() != VatIdCheckStatus.PENDING || check.attempts() > 0) {
            return false;
        }
        checkNow(tenantId, payerId);
        return true;
    }

    private Optional<VatIdCheck> ask(String tenantId, String payerId, String vatId) {
        VatIdAnswer answer = registry.check(vatId, requester.vatIdOf(tenantId).orElse(null));
        if (answer.outcome() == VatIdAnswer.Outcome.UNAVAILABLE) {
            LOG.info(() -> "VIES could not check " + vatId + " (" + answer.error() + "); will try again");
        }
        return store.record(tenantId, payerId, vatId, answer, firstBackoff.firstBackoff(), clock.instant());
    }

    /** One round of the worker: the checks that are due, oldest first; how many were asked. */
    public int runOnce() {
        var due = store.claimDue(clock.instant(), LEASE, ROUND);
        for (VatIdCheckRepository.Due d : due) {
            ask(d.tenantId(), d.payerId(), d.vatId());
        }
        return due.size();
    }

    /** Plans a check of the payer's VAT ID for the worker's next round. */
    public void recheckSoon(String tenantId, String payerId) {
        store.recheck(tenantId, payerId, clock.instant());
    }
}
