package dev.kassa.server.payment.application;

import dev.kassa.api.payment.Customer;
import dev.kassa.api.payment.SavedMethods;
import dev.kassa.api.payment.SetupRequest;
import dev.kassa.api.payment.SetupResult;
import dev.kassa.server.account.domain.Account;
import dev.kassa.server.account.domain.AccountRepository;
import dev.kassa.server.account.domain.Payer;
import dev.kassa.server.payment.application.PaymentMethodService.ConfiguredMethod;
import dev.kassa.server.payment.domain.GatewayCustomerRepository;
import dev.kassa.server.payment.domain.SavedMethod;
import dev.kassa.server.payment.domain.SavedMethodRepository;
import dev.kassa.server.shared.Ids;
import dev.kassa.server.shared.KassaException;
import dev.kassa.server.tenant.domain.Tenant;
import dev.kassa.server.tenant.domain.TenantRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A payer's saved cards: saving one (PENDING, then CONFIRMED by the gateway), listing, choosing
 * the default, deleting (forgotten at the gateway first).
 */
@ApplicationScoped
public class SavedMethodService {
    private AccountRepository accounts;
    private TenantRepository tenants;
    private PaymentMethodService methods;
    private SavedMethodRepository savedMethods;
    private SavedMethodOutcomes outcomes;
    private GatewayCustomerRepository gatewayCustomers;
    private MethodCalls calls;
    private Clock clock;

    protected SavedMethodService() {
    }

    @Inject
    public SavedMethodService(AccountRepository accounts, TenantRepository tenants, PaymentMethodService methods,
                              SavedMethodRepository savedMethods, SavedMethodOutcomes outcomes,
                              GatewayCustomerRepository gatewayCustomers, MethodCalls calls, Clock clock) {
        this.accounts = accounts;
        this.tenants = tenants;
        this.methods = methods;
        this.savedMethods = savedMethods;
        this.outcomes = outcomes;
        this.gatewayCustomers = gatewayCustomers;
        this.calls = calls;
        this.clock = clock;
    }

    /** Starts saving a method for an API client, which finishes it in its own front end. */
    @Transactional
    public SavedMethod create(String tenantId, String accountId, String payerId, String methodCode,
                              String idempotencyKey) {
        return create(tenantId, accountId, payerId, methodCode, idempotencyKey, ReturnUrls.NONE);
    }

    /**
     * Starts saving a method for a payer of the account: usually PENDING with what the browser
     * needs (with {@code returnUrls}, a redirect to the gateway's hosted page). With an
     * Idempotency-Key the saved method is named after it, so a retry finds it.
     */
    @Transactional
    public SavedMethod create(String tenantId, String accountId, String payerId, String methodCode,
                              String idempotencyKey, ReturnUrls returnUrls) {
        String id = idempotencyKey == null ? Ids.next("spm") : Ids.derived("spm", tenantId, accountId, idempotencyKey);
        if (idempotencyKey != null) {
            java.util.Optional<SavedMethod> earlier = savedMethods.find(tenantId, id);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        Account account = accounts.require(tenantId, accountId);
        Payer payer = accounts.findPayer(tenantId, accountId, payerId).orElseThrow(KassaException::notFound);
        ConfiguredMethod method = methods.offered(tenantId, methodCode, payer.country(), null)
                .orElseThrow(() -> KassaException.unprocessable("topup.method_unavailable", "Method unavailable",
                        "The payment method '" + methodCode + "' is not available for payers in " + payer.country() + "."));
        if (!method.method().can(SavedMethods.class)) {
            throw KassaException.invalid("method", "saved_method.unsupported",
                    "the method " + methodCode + " cannot keep a method for later");
        }
        Tenant tenant = tenants.require(tenantId);
        SavedMethod saved = new SavedMethod(id, tenantId, accountId, payerId, methodCode, clock.instant());
        outcomes.open(saved);
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("kassa_tenant", tenant.slug());
        metadata.put("kassa_account", accountId);
        metadata.put("kassa_payer", payerId);
        metadata.put("kassa_saved_method", saved.id());
        Customer customer = new Customer(account.id(), account.reference(), payer.name(), account.email(),
                payer.country(), account.locale(), gatewayCustomers.find(tenantId, methodCode, accountId).orElse(null));
        SetupResult result = calls.setUp(tenant.slug(), method, new SetupRequest(saved.id(), customer, metadata,
                returnUrls.returnUrl(), returnUrls.cancelUrl()));
        return outcomes.applyAlone(tenantId, saved.id(), result);
    }

    /** A confirmed method of the account to pay with; {@code methodCode} must be its method. */
    @Transactional
    public SavedMethod requireUsable(String tenantId, String accountId, String id, String methodCode) {
        SavedMethod saved = savedMethods.find(tenantId, id).filter(s -> s.accountId().equals(accountId))
                .orElseThrow(() -> KassaException.invalid("savedMethodId", "saved_method.unknown",
                        "is not a saved method of this account"));
        if (saved.status() != SavedMethod.Status.CONFIRMED) {
            throw KassaException.conflict("saved_method.not_confirmed", "Saved method not confirmed",
                    "The saved method is " + saved.status() + "; only a CONFIRMED one can pay.");
        }
        if (!saved.method().equals(methodCode)) {
            throw KassaException.invalid("savedMethodId", "saved_method.other_method",
                    "belongs to the method " + saved.method() + ", not " + methodCode);
        }
        return saved;
    }

    /** The payer's confirmed methods, the default first. */
    @Transactional
    public List<SavedMethod> confirmedFor(String tenantId, String accountId, String payerId) {
        return savedMethods.confirmed(tenantId, accountId).stream().filter(s -> s.payerId().equals(payerId)).toList();
    }

    /**
     * What {@link #confirmedFor} gives, for every payer of these accounts at once (one query): payer
     * id → its confirmed methods, the default first. A payer without any is not in the map.
     */
    @Transactional
    public Map<String, List<SavedMethod>> confirmedByPayer(String tenantId, Collection<String> accountIds) {
        Map<String, List<SavedMethod>> byPayer = new HashMap<>();
        for (SavedMethod s : savedMethods.confirmedOfAccounts(tenantId, accountIds)) {
            byPayer.computeIfAbsent(s.payerId(), p -> new ArrayList<>()).add(s);
        }
        return byPayer;
    }

    @Transactional
    public List<SavedMethod> list(String tenantId, String accountId) {
        accounts.require(tenantId, accountId);
        return savedMethods.list(tenantId, accountId);
    }

    @Transactional
    public SavedMethod get(String tenantId, String id) {
        return savedMethods.find(tenantId, id).orElseThrow(KassaException::notFound);
    }

    /**
     * The methods a payer of the account may save a card with: those offered to the payer's country
     * that can keep a method for later (404 for another account's payer).
     */
    @Transactional
    public List<ConfiguredMethod> savable(String tenantId, String accountId, String payerId) {
        Payer payer = accounts.findPayer(tenantId, accountId, payerId).orElseThrow(KassaException::notFound);
        return methods.availableFor(tenantId, payer.country(), null).stream()
                .filter(m -> m.method().can(SavedMethods.class)).toList();
    }

    /** {@link #makeDefault(String, String)} for a method of this account only (404 for another's). */
    @Transactional
    public SavedMethod makeDefault(String tenantId, String accountId, String id) {
        requireOfAccount(tenantId, accountId, id);
        return makeDefault(tenantId, id);
    }

    /** {@link #delete(String, String)} for a method of this account only (404 for another's). */
    public void delete(String tenantId, String accountId, String id) {
        requireOfAccount(tenantId, accountId, id);
        delete(tenantId, id);
    }

    private void requireOfAccount(String tenantId, String accountId, String id) {
        savedMethods.find(tenantId, id).filter(s -> s.accountId().equals(accountId))
                .orElseThrow(KassaException::notFound);
    }

    /** Makes one confirmed method the account's default, and no other. */
    @Transactional
    public SavedMethod makeDefault(String tenantId, String id) {
        SavedMethod chosen = savedMethods.find(tenantId, id).orElseThrow(KassaException::notFound);
        // All of the account's methods, locked in id order: two concurrent choices wait, never deadlock.
        List<SavedMethod> all = savedMethods.lockAll(tenantId, chosen.accountId());
        SavedMethod method = all.stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
        if (method.status() != SavedMethod.Status.CONFIRMED) {
            throw KassaException.conflict("saved_method.not_confirmed", "Saved method not confirmed",
                    "Only a CONFIRMED method can be the default; this one is " + method.status() + ".");
        }
        Instant now = clock.instant();
        all.stream().filter(s -> s != method && s.isDefault()).forEach(s -> s.setDefault(false, now));
        method.setDefault(true, now);
        return method;
    }

    /**
     * Forgets the method at the gateway, then here. If the gateway cannot be reached the method is
     * kept (503 {@code gateway.unavailable}): a card we still hold must not look deleted.
     */
    public void delete(String tenantId, String id) {
        SavedMethod saved = outcomes.toRemove(tenantId, id);
        if (saved.token() != null) {
            ConfiguredMethod method = methods.get(tenantId, saved.method());
            if (!calls.remove(tenants.require(tenantId).slug(), method, saved.token())) {
                throw new KassaException(503, "gateway.unavailable", "Gateway unavailable",
                        "The payment gateway could not be reached to forget this method; nothing changed. Retry later.",
                        null);
            }
        }
        outcomes.remove(tenantId, id);
    }
}
