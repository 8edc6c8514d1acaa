package dev.kassa.server.payment.application;

import dev.kassa.api.payment.HttpSettings;
import dev.kassa.api.payment.MethodContext;
import dev.kassa.api.payment.OffSessionPayments;
import dev.kassa.api.payment.PaymentRequest;
import dev.kassa.api.payment.PaymentResult;
import dev.kassa.api.payment.RefundRequest;
import dev.kassa.api.payment.RefundResult;
import dev.kassa.api.payment.Refunds;
import dev.kassa.api.payment.SavedMethods;
import dev.kassa.api.payment.SetupRequest;
import dev.kassa.api.payment.SetupResult;
import dev.kassa.api.payment.StatusQuery;
import dev.kassa.api.payment.WebhookEvent;
import dev.kassa.api.payment.WebhookReceiver;
import dev.kassa.api.payment.WebhookRequest;
import dev.kassa.server.payment.application.PaymentMethodService.ConfiguredMethod;
import dev.kassa.server.config.Settings;
import dev.kassa.server.plugin.application.PluginRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every call from the platform into a payment plugin: builds the {@link MethodContext} (the
 * tenant's credentials, the operator's {@code KASSA_PLUGINS_<ID>_*} settings, timeouts, clock,
 * logger) and turns a plugin's exception into an UNKNOWN outcome, so that a broken plugin never
 * loses track of a payment and never reaches the customer as a 500. Callers hold no row lock
 * while a plugin runs (what must survive the call is committed before it).
 */
@ApplicationScoped
public class MethodCalls {
    private static final Logger LOG = Logger.getLogger(MethodCalls.class.getName());

    private PluginRegistry registry;
    private Settings settings;
    private Clock clock;

    protected MethodCalls() {
    }

    @Inject
    public MethodCalls(PluginRegistry registry, Settings settings, Clock clock) {
        this.registry = registry;
        this.settings = settings;
        this.clock = clock;
    }

    public PaymentResult pay(String tenantSlug, ConfiguredMethod m, PaymentRequest request, boolean offSession) {
        return guarded(m, "pay", () -> offSession
                ? m.method().as(OffSessionPayments.class).payOffSession(context(tenantSlug, m), request)
                : m.method().method().pay(context(tenantSlug, m), request),
                e -> PaymentResult.unknown(null, "The payment method failed: " + e));
    }

    public PaymentResult paymentStatus(String tenantSlug, ConfiguredMethod m, String gatewayReference, String attemptId) {
        return guarded(m, "paymentStatus", () -> m.method().as(StatusQuery.class)
                .paymentStatus(context(tenantSlug, m), gatewayReference, attemptId),
                e -> PaymentResult.unknown(gatewayReference, "The payment method failed: " + e));
    }

    public SetupResult setUp(String tenantSlug, ConfiguredMethod m, SetupRequest request) {
        return guarded(m, "setUp", () -> m.method().as(SavedMethods.class).setUp(context(tenantSlug, m), request),
                e -> SetupResult.unknown(null, "The payment method failed: " + e));
    }

    public SetupResult setupStatus(String tenantSlug, ConfiguredMethod m, String gatewayReference) {
        return guarded(m, "setupStatus", () -> m.method().as(SavedMethods.class)
                .setupStatus(context(tenantSlug, m), gatewayReference),
                e -> SetupResult.unknown(gatewayReference, "The payment method failed: " + e));
    }

    /** Forgets a saved method at the gateway; false when the gateway could not be reached. */
    public boolean remove(String tenantSlug, ConfiguredMethod m, String token) {
        return guarded(m, "remove", () -> {
            m.method().as(SavedMethods.class).remove(context(tenantSlug, m), token);
            return true;
        }, e -> false);
    }

    public RefundResult refund(String tenantSlug, ConfiguredMethod m, RefundRequest request) {
        return guarded(m, "refund", () -> m.method().as(Refunds.class).refund(context(tenantSlug, m), request),
                e -> RefundResult.unknown(null, "The payment method failed: " + e));
    }

    public Optional<RefundResult> refundStatus(String tenantSlug, ConfiguredMethod m, String gatewayReference) {
        return guarded(m, "refundStatus", () -> m.method().as(Refunds.class)
                .refundStatus(context(tenantSlug, m), gatewayReference), e -> Optional.empty());
    }

    /**
     * Verifies and reads a webhook; {@link dev.kassa.api.payment.InvalidWebhookException} passes
     * through, any other failure of the plugin counts as "not verified" too.
     */
    public WebhookEvent receive(String tenantSlug, ConfiguredMethod m, WebhookRequest request) {
        return registry.call(() -> {
            try {
                return m.method().as(WebhookReceiver.class).receive(context(tenantSlug, m), request);
            } catch (dev.kassa.api.payment.InvalidWebhookException e) {
                throw e;
            } catch (RuntimeException | LinkageError e) {
                LOG.log(Level.SEVERE, "Plugin " + m.method().pluginId() + " failed to read a webhook", e);
                throw new dev.kassa.api.payment.InvalidWebhookException("the plugin could not read it", e);
            }
        });
    }

    MethodContext context(String tenantSlug, ConfiguredMethod m) {
        return new MethodContext(tenantSlug, m.credentials(),
                settings.pluginSettings(m.method().pluginId()),
                HttpSettings.DEFAULT, clock, System.getLogger("dev.kassa.plugin." + m.method().pluginId()));
    }

    private <T> T guarded(ConfiguredMethod m, String call, Supplier<T> work,
                          java.util.function.Function<String, T> onFailure) {
        return registry.call(() -> {
            try {
                T result = work.get();
                if (result == null) {
                    throw new IllegalStateException(call + " returned null");
                }
                return result;
            } catch (RuntimeException | LinkageError e) {
                LOG.log(Level.SEVERE, "Plugin " + m.method().pluginId() + " failed in " + call + " for method "
                        + m.code(), e);
                return onFailure.apply(e.getClass().getSimpleName());
            }
        });
    }
}
