package dev.kassa.server.payment.application;

import dev.kassa.api.payment.PaymentResult;
import dev.kassa.api.payment.RefundResult;
import dev.kassa.api.payment.SetupResult;
import dev.kassa.api.payment.StatusQuery;
import dev.kassa.server.payment.application.PaymentMethodService.ConfiguredMethod;
import dev.kassa.server.payment.domain.JanitorClaim;
import dev.kassa.server.payment.domain.JanitorClaim.Kind;
import dev.kassa.server.payment.domain.PaymentAttempt;
import dev.kassa.server.payment.domain.Refund;
import dev.kassa.server.payment.domain.RefundRepository;
import dev.kassa.server.payment.domain.SavedMethod;
import dev.kassa.server.payment.domain.SavedMethodRepository;
import dev.kassa.server.tenant.domain.TenantRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every {@code KASSA_JANITOR_INTERVAL} seconds: asks the gateways about payments, saved methods
 * and refunds still open, and applies each answer exactly as a webhook would (same rules, same
 * locks), so a webhook racing the janitor changes things once.
 */
@ApplicationScoped
public class PaymentJanitor {
    private static final Logger LOG = Logger.getLogger(PaymentJanitor.class.getName());
    private static final int BATCH = 50;
    /** How long a claim keeps other nodes away: longer than a gateway call may take. */
    private static final Duration LEASE = Duration.ofMinutes(2);

    private JanitorClaims claims;
    private MethodCalls calls;
    private PaymentMethodService methods;
    private Appliers appliers;

    protected PaymentJanitor() {
    }

    @Inject
    public PaymentJanitor(JanitorClaims claims, MethodCalls calls, PaymentMethodService methods, Appliers appliers) {
        this.claims = claims;
        this.calls = calls;
        this.methods = methods;
        this.appliers = appliers;
    }

    /** One round over everything due; returns how many rows were looked at. */
    public int runOnce() {
        int done = 0;
        for (JanitorClaim claim : claims.claim(Kind.ATTEMPT, BATCH, LEASE)) {
            done += guarded(claim, () -> checkAttempt(claim));
        }
        for (JanitorClaim claim : claims.claim(Kind.SAVED_METHOD, BATCH, LEASE)) {
            done += guarded(claim, () -> checkSavedMethod(claim));
        }
        for (JanitorClaim claim : claims.claim(Kind.REFUND, BATCH, LEASE)) {
            done += guarded(claim, () -> checkRefund(claim));
        }
        return done;
    }

    private void checkAttempt(JanitorClaim claim) {
        PaymentAttempt attempt = appliers.attempt(claim).orElse(null);
        if (attempt == null || !attempt.status().open()) {
            return;
        }
        Optional<ConfiguredMethod> method = method(claim.tenantId(), attempt.method());
        if (method.isEmpty() || !method.get().method().can(StatusQuery.class)) {
            return; // the plugin is gone: the lease ends, and it is asked again when it is back
        }
        PaymentResult result = calls.paymentStatus(slug(claim), method.get(), attempt.gatewayReference(), attempt.id());
        appliers.applyPayment(claim, result);
    }

    private void checkSavedMethod(JanitorClaim claim) {
        SavedMethod saved = appliers.savedMethod(claim).orElse(null);
        if (saved == null || saved.status() != SavedMethod.Status.PENDING) {
            return;
        }
        if (saved.gatewayReference() == null) {
            appliers.stopCheckingSavedMethod(claim); // the gateway never named it: nothing to ask about
            return;
        }
        Optional<ConfiguredMethod> method = method(claim.tenantId(), saved.method());
        if (method.isPresent() && method.get().method().can(dev.kassa.api.payment.SavedMethods.class)) {
            SetupResult result = calls.setupStatus(slug(claim), method.get(), saved.gatewayReference());
            appliers.applySetup(claim, result);
        }
    }

    private void checkRefund(JanitorClaim claim) {
        Refund refund = appliers.refund(claim).orElse(null);
        if (refund == null || refund.status() != Refund.Status.PENDING) {
            return;
        }
        Optional<ConfiguredMethod> method = method(claim.tenantId(), refund.method());
        if (method.isEmpty() || !method.get().method().can(dev.kassa.api.payment.Refunds.class)) {
            return; // the plugin is gone: asked again when the lease ends
        }
        Optional<RefundResult> result = refund.gatewayReference() == null ? Optional.empty()
                : calls.refundStatus(slug(claim), method.get(), refund.gatewayReference());
        if (result.isPresent()) {
            appliers.applyRefund(claim, result.get());
        } else {
            appliers.stopCheckingRefund(claim); // the method cannot tell: the tenant or a webhook settles it
        }
    }

    private Optional<ConfiguredMethod> method(String tenantId, String code) {
        try {
            return Optional.of(methods.get(tenantId, code));
        } catch (dev.kassa.server.shared.KassaException e) {
            return Optional.empty();
        }
    }

    private String slug(JanitorClaim claim) {
        return appliers.slug(claim);
    }

    private static int guarded(JanitorClaim claim, Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Janitor check of " + claim.id() + " failed; it is asked again later", e);
        }
        return 1;
    }

    /**
     * The janitor's transactions: read a claimed row, apply an answer under the same locks as a
     * webhook. The janitor's thread has no request, so every read needs a transaction of its own.
     */
    @ApplicationScoped
    public static class Appliers {
        private PaymentAttempts attempts;
        private PaymentOutcomes outcomes;
        private SavedMethodRepository savedMethods;
        private SavedMethodOutcomes savedMethodOutcomes;
        private RefundRepository refunds;
        private RefundOutcomes refundOutcomes;
        private TenantRepository tenants;

        protected Appliers() {
        }

        @Inject
        public Appliers(PaymentAttempts attempts, PaymentOutcomes outcomes, SavedMethodRepository savedMethods,
                        SavedMethodOutcomes savedMethodOutcomes, RefundRepository refunds,
                        RefundOutcomes refundOutcomes, TenantRepository tenants) {
            this.tenants = tenants;
            this.attempts = attempts;
            this.outcomes = outcomes;
            this.savedMethods = savedMethods;
            this.savedMethodOutcomes = savedMethodOutcomes;
            this.refunds = refunds;
            this.refundOutcomes = refundOutcomes;
        }

        @Transactional
        public String slug(JanitorClaim claim) {
            return tenants.require(claim.tenantId()).slug();
        }

        @Transactional
        public Optional<PaymentAttempt> attempt(JanitorClaim claim) {
            return attempts.find(claim.tenantId(), claim.id());
        }

        @Transactional
        public Optional<SavedMethod> savedMethod(JanitorClaim claim) {
            return savedMethods.find(claim.tenantId(), claim.id());
        }

        @Transactional
        public Optional<Refund> refund(JanitorClaim claim) {
            return refunds.find(claim.tenantId(), claim.id());
        }

        @Transactional
        public void applyPayment(JanitorClaim claim, PaymentResult result) {
            outcomes.apply(attempts.lock(claim.tenantId(), claim.id()), result, "janitor", null);
        }

        @Transactional
        public void applySetup(JanitorClaim claim, SetupResult result) {
            savedMethodOutcomes.apply(savedMethods.lock(claim.tenantId(), claim.id()), result);
        }

        @Transactional
        public void applyRefund(JanitorClaim claim, RefundResult result) {
            refundOutcomes.apply(refunds.lock(claim.tenantId(), claim.id()), result);
        }

        public void stopCheckingSavedMethod(JanitorClaim claim) {
            savedMethodOutcomes.stopChecking(claim.tenantId(), claim.id());
        }

        public void stopCheckingRefund(JanitorClaim claim) {
            refundOutcomes.stopChecking(claim.tenantId(), claim.id());
        }
    }
}
