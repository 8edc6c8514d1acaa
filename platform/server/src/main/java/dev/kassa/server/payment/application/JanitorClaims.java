package dev.kassa.server.payment.application;

import dev.kassa.server.payment.domain.JanitorClaim;
import dev.kassa.server.payment.domain.JanitorClaimRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Which open attempts, saved methods and refunds are due a check, claimed so that several Kassa
 * nodes on one database never ask about the same one at once: due rows are locked, skipping those
 * another node is claiming, and their next check is pushed out by a lease before the claim commits.
 */
@ApplicationScoped
public class JanitorClaims {
    private JanitorClaimRepository claims;
    private Clock clock;

    protected JanitorClaims() {
    }

    @Inject
    public JanitorClaims(JanitorClaimRepository claims, Clock clock) {
        this.claims = claims;
        this.clock = clock;
    }

    /** Claims up to {@code limit} due rows for {@code lease}: no other node picks them before it ends. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<JanitorClaim> claim(JanitorClaim.Kind kind, int limit, Duration lease) {
        Instant now = clock.instant();
        return claims.claimDue(kind, now, limit, now.plus(lease));
    }
}
