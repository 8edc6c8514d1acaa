package dev.kassa.testkit;

import dev.kassa.testkit.paypal.PayPalFake;
import dev.kassa.testkit.stripe.StripeFake;
import dev.kassa.testkit.vies.ViesFake;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests a {@link Kassa}: one real server on one embedded PostgreSQL for the whole test run,
 * started on first use and stopped when the run ends. Tests isolate themselves by creating their
 * own tenants, never by order or cleanup.
 */
public class KassaExtension implements ParameterResolver {
    /** The database of the shared server, in the shared {@link EmbeddedDatabase}. */
    public static final String DATABASE = "kassa_it";

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(KassaExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == Kassa.class || type == EmbeddedDatabase.class || type == StripeFake.class
                || type == ViesFake.class || type == PayPalFake.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Shared shared = context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(Shared.class, k -> Shared.start(),
                Shared.class);
        Class<?> type = parameter.getParameter().getType();
        return type == Kassa.class ? shared.kassa : type == StripeFake.class ? shared.stripe
                : type == ViesFake.class ? shared.vies : type == PayPalFake.class ? shared.paypal : shared.database;
    }

    static final class Shared implements ExtensionContext.Store.CloseableResource {
        final EmbeddedDatabase database;
        final StripeFake stripe;
        final ViesFake vies;
        final PayPalFake paypal;
        final KassaProcess process;
        final Kassa kassa;

        private Shared(EmbeddedDatabase database, StripeFake stripe, ViesFake vies, PayPalFake paypal,
                       KassaProcess process, Kassa kassa) {
            this.database = database;
            this.stripe = stripe;
            this.vies = vies;
            this.paypal = paypal;
            this.process = process;
            this.kassa = kassa;
        }

        static Shared start() {
            EmbeddedDatabase database = EmbeddedDatabase.start();
            StripeFake stripe = null;
            ViesFake vies = null;
            PayPalFake paypal = null;
            try {
                // The Stripe plugin talks to a local fake of Stripe's API, set by the operator setting
                // KASSA_PLUGINS_STRIPE_API_BASE: plain http, so KASSA_ALLOW_INSECURE_GATEWAYS. The janitor
                // asks every second instead of every minute. VAT IDs are checked with a local fake of VIES
                // (valid unless a test says otherwise), whose worker runs every second and retries after 1 s.
                stripe = new StripeFake().start();
                vies = new ViesFake().start();
                paypal = new PayPalFake().start();
                String url = database.createDatabase(DATABASE);
                String token = "op-" + UUID.randomUUID();
                Path dataDir = Files.createTempDirectory("kassa-it-").resolve("data");
                KassaProcess process = KassaProcess.start(KassaProcess.env(
                        "KASSA_DB_URL", url, "KASSA_DB_USER", database.user(), "KASSA_DB_PASSWORD", database.password(),
                        "KASSA_DATA_DIR", dataDir.toString(), "KASSA_OPERATOR_TOKEN", token,
                        "KASSA_PLUGINS_STRIPE_API_BASE", stripe.baseUrl(),
                        "KASSA_PLUGINS_PAYPAL_API_BASE", paypal.baseUrl(), "KASSA_ALLOW_INSECURE_GATEWAYS", "true",
                        "KASSA_JANITOR_INTERVAL", "1", "KASSA_VIES_URL", vies.baseUrl(),
                        "KASSA_VIES_INTERVAL", "1", "KASSA_VIES_RETRY", "1",
                        "KASSA_MAX_STATEMENT_BYTES", String.valueOf(4 * 1024 * 1024)));
                return new Shared(database, stripe, vies, paypal, process, new Kassa(process, token));
            } catch (IOException e) {
                closeAll(stripe, vies, paypal, database);
                throw new UncheckedIOException(e);
            } catch (RuntimeException e) {
                closeAll(stripe, vies, paypal, database);
                throw e;
            }
        }

        private static void closeAll(StripeFake stripe, ViesFake vies, PayPalFake paypal, EmbeddedDatabase database) {
            if (stripe != null) {
                stripe.close();
            }
            if (vies != null) {
                vies.close();
            }
            if (paypal != null) {
                paypal.close();
            }
            database.close();
        }

        @Override
        public void close() {
            try {
                process.close();
            } finally {
                closeAll(stripe, vies, paypal, database);
            }
        }
    }
}
