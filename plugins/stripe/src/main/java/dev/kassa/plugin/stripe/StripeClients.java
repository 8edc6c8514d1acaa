package dev.kassa.plugin.stripe;

import com.stripe.StripeClient;
import dev.kassa.api.payment.HttpSettings;
import dev.kassa.api.payment.MethodContext;
import java.time.Duration;

/**
 * Builds a {@link StripeClient} for one call from the tenant's secret key. Building one is cheap
 * (no connection is opened), so none is cached: no tenant's key outlives the call.
 *
 * <p>Network retries are off: every write carries the platform's idempotency key, and a call
 * that times out is reported {@link dev.kassa.api.payment.Outcome#UNKNOWN} for the platform to
 * ask again later, instead of holding the caller for several read timeouts.
 */
final class StripeClients {
    /** The operator setting {@code KASSA_PLUGINS_STRIPE_API_BASE}: another API base, for a test fake. */
    static final String API_BASE = "API_BASE";

    private StripeClients() {
    }

    static StripeClient forTenant(MethodContext context) {
        HttpSettings http = context.http() == null ? HttpSettings.DEFAULT : context.http();
        StripeClient.StripeClientBuilder builder = StripeClient.builder()
                .setApiKey(context.requiredCredential(StripeCredentials.SECRET_KEY))
                .setConnectTimeout(millis(http.connectTimeout()))
                .setReadTimeout(millis(http.readTimeout()))
                .setMaxNetworkRetries(0);
        context.operatorSetting(API_BASE)
                .map(String::strip)
                .filter(base -> !base.isEmpty())
                .map(StripeClients::withoutTrailingSlash)
                .ifPresent(base -> builder.setApiBase(base)
                        .setFilesBase(base)
                        .setConnectBase(base)
                        .setMeterEventsBase(base));
        return builder.build();
    }

    private static int millis(Duration duration) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            return 1;
        }
        return (int) Math.min(Integer.MAX_VALUE, duration.toMillis());
    }

    private static String withoutTrailingSlash(String base) {
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }
}
