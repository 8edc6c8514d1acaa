package dev.kassa.server.payment.application;

import dev.kassa.api.payment.Outcome;
import dev.kassa.api.payment.SavedMethodDetails;
import dev.kassa.api.payment.SavedMethods;
import dev.kassa.api.payment.SetupResult;
import dev.kassa.server.payment.domain.AttemptStatus;
import dev.kassa.server.payment.domain.PaymentAttempt;
import dev.kassa.server.payment.domain.SavedMethod;
import dev.kassa.server.payment.domain.TopUp;
import dev.kassa.server.payment.domain.TopUpRepository;
import dev.kassa.server.payment.domain.SavedMethodRepository;
import dev.kassa.server.plugin.application.PluginRegistry;
import dev.kassa.server.shared.Ids;
import dev.kassa.server.shared.KassaException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A saved method before and after its gateway calls, and the one set of rules for what a gateway
 * says about it: PENDING until confirmed; a confirmed method stays confirmed; a failure ends it.
 */
@ApplicationScoped
public class SavedMethodOutcomes {
    private SavedMethodRepository savedMethods;
    private PaymentAttempts attempts;
    private PluginRegistry registry;
    private Backoff backoff;
    private TopUpRepository topUps;
    private Event<SavedMethodConfirmed> confirmed;
    private Clock clock;

    protected SavedMethodOutcomes() {
    }

    @Inject
    public SavedMethodOutcomes(SavedMethodRepository savedMethods, PaymentAttempts attempts, PluginRegistry registry,
                               Backoff backoff, TopUpRepository topUps, Event<SavedMethodConfirmed> confirmed,
                               Clock clock) {
        this.savedMethods = savedMethods;
        this.attempts = attempts;
        this.registry = registry;
        this.backoff = backoff;
        this.topUps = topUps;
        this.confirmed = confirmed;
        this.clock = clock;
    }

    /** Commits the PENDING method before the gateway is called. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void open(SavedMethod method) {
        savedMethods.add(method);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public SavedMethod applyAlone(String tenantId, String id, SetupResult result) {
        SavedMethod method = savedMethods.lock(tenantId, id);
        apply(method, result);
        return method;
    }

    /**
     * News from a gateway event: applied to the saved method it names (locked here), if there is one.
     * A {@linkplain SetupResult#isRevocation revocation} removes the tenant's method with that token,
     * whatever its status. A method saved by a payment whose gateway saved it only after the payment
     * ({@link #adoptFromVaultedPayment}) becomes a saved method of the payer then.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<SavedMethod> applyFromGateway(String tenantId, String method, SetupResult result) {
        if (result.isRevocation()) {
            Instant now = clock.instant();
            List<SavedMethod> held = savedMethods.lockByToken(tenantId, method, result.method().token());
            held.forEach(s -> s.remove(now));
            return held.stream().findFirst();
        }
        Optional<SavedMethod> saved = savedMethods.lockForGateway(tenantId, method, result.gatewayReference(),
                result.savedMethodId());
        if (saved.isEmpty() && result.outcome() == Outcome.SUCCEEDED && result.method() != null) {
            // news of a token Kassa keeps already (it made it itself, or a payment brought it first)
            saved = savedMethods.lockByToken(tenantId, method, result.method().token()).stream().findFirst();
        }
        if (saved.isPresent()) {
            apply(saved.get(), result);
            return saved;
        }
        return result.outcome() == Outcome.SUCCEEDED ? adoptFromVaultedPayment(tenantId, method, result)
                : Optional.empty();
    }

    /**
     * A method the gateway saved after the payment that asked for it (PayPal's vault, when the
     * capture said only that saving was under way): its set-up reference is that payment's. Kept as
     * when the payment itself confirms it ({@link #adoptFromPayment}), if the payment is one of this
     * tenant's that succeeded for a payer, and the gateway filed the method under the account's own
     * customer id there (when Kassa knows one); a token already kept is not kept twice.
     */
    private Optional<SavedMethod> adoptFromVaultedPayment(String tenantId, String method, SetupResult result) {
        if (result.gatewayReference() == null) {
            return Optional.empty();
        }
        Optional<PaymentAttempt> paid = attempts.lockFor(tenantId, method, result.gatewayReference(), null)
                .filter(a -> a.status() == AttemptStatus.SUCCEEDED);
        if (paid.isEmpty()) {
            return Optional.empty();
        }
        PaymentAttempt attempt = paid.get();
        TopUp topUp = topUps.find(tenantId, attempt.topUpId()).orElse(null);
        Optional<String> customer = attempts.gatewayCustomer(tenantId, method, attempt.accountId());
        if (topUp == null || topUp.payerId() == null || (customer.isPresent() && result.customerReference() != null
                && !customer.get().equals(result.customerReference()))) {
            return Optional.empty();
        }
        attempts.rememberCustomer(tenantId, method, attempt.accountId(), result.customerReference());
        return Optional.of(adoptFromPayment(tenantId, attempt.accountId(), topUp.payerId(), method, result.method(),
                topUp.invoiceId() != null));
    }

    /** Applies news about a saved method the caller has locked. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(SavedMethod method, SetupResult result) {
        Instant now = clock.instant();
        attempts.rememberCustomer(method.tenantId(), method.method(), method.accountId(), result.customerReference());
        if (method.status() != SavedMethod.Status.PENDING) {
            return; // confirmed, failed or removed: later news changes nothing
        }
        if (result.outcome() == Outcome.SUCCEEDED) {
            method.confirm(result.gatewayReference(), result.method(), now);
            if (savedMethods.confirmed(method.tenantId(), method.accountId()).stream().noneMatch(SavedMethod::isDefault)) {
                method.setDefault(true, now); // the first confirmed method of an account renews its services
            }
            confirmed.fire(new SavedMethodConfirmed(method.tenantId(), method.accountId(), method.id(), method.brand(),
                    method.last4()));
        } else if (result.outcome() == Outcome.DECLINED) {
            method.fail(result.reasonCode(), result.reason() == null ? "The method could not be saved." : result.reason(),
                    now);
        } else {
            method.pending(result.gatewayReference(), NextActions.toJson(result.nextAction()), now);
            boolean queryable = registry.method(method.method()).map(m -> m.can(SavedMethods.class)).orElse(false);
            method.scheduleCheck(queryable ? backoff.next(now, method.createdAt(), method.checkCount()) : null);
        }
    }

    /**
     * Keeps the card a customer asked to save while paying (the gateway confirmed it with the
     * payment), unless the payer has it already. It is the default when the account has none, or,
     * with {@code forRenewals} (saved while paying an invoice: the customer agreed to pay with it for
     * auto-payment), in any case, instead of the one before.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public SavedMethod adoptFromPayment(String tenantId, String accountId, String payerId, String methodCode,
                                        SavedMethodDetails details, boolean forRenewals) {
        List<SavedMethod> confirmed = savedMethods.confirmed(tenantId, accountId);
        Instant now = clock.instant();
        SavedMethod saved = confirmed.stream()
                .filter(s -> s.method().equals(methodCode) && details.token().equals(s.token()))
                .findFirst().orElse(null);
        boolean first = confirmed.stream().noneMatch(SavedMethod::isDefault);
        if (saved == null) {
            saved = new SavedMethod(Ids.next("spm"), tenantId, accountId, payerId, methodCode, now);
            saved.confirm(null, details, now);
            saved.setDefault(first, now);
            savedMethods.add(saved);
        }
        if (forRenewals && !saved.isDefault()) {
            SavedMethod chosen = saved;
            confirmed.stream().filter(s -> s != chosen && s.isDefault()).forEach(s -> s.setDefault(false, now));
            saved.setDefault(true, now);
        }
        return saved;
    }

    /** The janitor cannot ask about this one (no gateway reference): it stops trying. */
    @Transactional
    public void stopChecking(String tenantId, String id) {
        savedMethods.lock(tenantId, id).scheduleCheck(null);
    }

    /** A method the customer asks to delete (404 when there is none), read before the gateway forgets it. */
    @Transactional
    public SavedMethod toRemove(String tenantId, String id) {
        return savedMethods.find(tenantId, id).orElseThrow(KassaException::notFound);
    }

    /** The gateway forgot the method: so does Kassa. */
    @Transactional
    public SavedMethod remove(String tenantId, String id) {
        SavedMethod method = savedMethods.lock(tenantId, id);
        method.remove(clock.instant());
        return method;
    }
}
