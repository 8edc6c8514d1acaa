package dev.kassa.plugin.paypal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kassa.api.payment.Amount;
import dev.kassa.api.payment.HttpSettings;
import dev.kassa.api.payment.MethodContext;
import dev.kassa.api.payment.Outcome;
import dev.kassa.api.payment.PaymentMethod;
import dev.kassa.api.payment.PaymentResult;
import dev.kassa.api.payment.RefundResult;
import dev.kassa.api.payment.Refunds;
import dev.kassa.api.payment.StatusQuery;
import dev.kassa.api.payment.WebhookEvent;
import dev.kassa.api.payment.WebhookReceiver;
import dev.kassa.testkit.contract.ContractRequests;
import dev.kassa.testkit.paypal.PayPalFake;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pf4j.DefaultPluginManager;
import org.pf4j.PluginManager;
import org.pf4j.PluginWrapper;

/**
 * Loads the plugin jar the build ships (shaded before the tests run, see the pom) with PF4J, as
 * the server does, and drives a whole payment through the loaded extension against the fake: the
 * manifest, the extension index and the bundled PayPal SDK (with OkHttp, Kotlin, Jackson, APIMatic,
 * all relocated, and without a JAXB implementation) must all work from inside the jar, while the
 * platform API and pf4j stay outside it.
 */
class PayPalPluginJarTest {
    @TempDir
    Path plugins;

    /** What the SDK brings, each only under {@code dev/kassa/plugin/paypal/shaded/}. */
    private static final List<String> RELOCATED = List.of("com/paypal/", "io/apimatic/", "okhttp3/", "okio/",
            "kotlin/", "com/fasterxml/", "javax/xml/bind/", "javax/activation/", "org/slf4j/", "org/jetbrains/",
            "org/intellij/");

    @Test
    void theJarBundlesTheSdkRelocatedButNotThePlatform() throws IOException {
        try (JarFile jar = new JarFile(builtJar().toFile())) {
            assertNotNull(jar.getEntry("META-INF/extensions.idx"), "extension index");
            for (String type : List.of("com/paypal/sdk/PaypalServerSdkClient", "io/apimatic/core/ApiCall",
                    "okhttp3/OkHttpClient", "okio/Buffer", "kotlin/Unit", "com/fasterxml/jackson/databind/ObjectMapper",
                    "javax/xml/bind/JAXBException", "org/slf4j/LoggerFactory")) {
                assertNotNull(jar.getEntry("dev/kassa/plugin/paypal/shaded/" + type + ".class"), "relocated " + type);
            }
            for (String prefix : RELOCATED) {
                assertTrue(jar.stream().noneMatch(e -> e.getName().contains(prefix)
                        && !e.getName().contains("dev/kassa/plugin/paypal/shaded/")), prefix + " outside its relocation");
            }
            assertTrue(jar.stream().noneMatch(e -> e.getName().startsWith("com/google/")), "gson: no longer used");
            assertTrue(jar.stream().noneMatch(e -> e.getName().startsWith("com/sun/xml/bind/")
                    || e.getName().startsWith("dev/kassa/plugin/paypal/shaded/com/sun/")), "no JAXB implementation");
            assertTrue(jar.stream().noneMatch(e -> e.getName().startsWith("dev/kassa/api/")), "the platform API");
            assertTrue(jar.stream().noneMatch(e -> e.getName().startsWith("org/pf4j/")), "pf4j");
            assertTrue(jar.stream().noneMatch(e -> e.getName().endsWith("module-info.class")), "module descriptors");
            assertTrue(jar.stream().noneMatch(e -> e.getName().matches("META-INF/[^/]+\\.(SF|DSA|RSA|EC)")), "signatures");
            assertNotNull(jar.getEntry("META-INF/NOTICE"), "the bundled libraries' licences");
            assertNotNull(jar.getEntry("META-INF/LICENSE.paypal-server-sdk.txt"), "the SDK's licence");
            assertNotNull(jar.getEntry("META-INF/services/dev.kassa.plugin.paypal.shaded.com.fasterxml.jackson.core.JsonFactory"),
                    "Jackson's service file, relocated");
            assertEquals("paypal", jar.getManifest().getMainAttributes().getValue("Plugin-Id"));
        }
    }

    @Test
    void pf4jLoadsTheMethodAndAPaymentRunsThroughTheBundledSdk() throws IOException {
        String pluginId = System.getProperty("kassa.plugin.id", "paypal");
        Files.copy(builtJar(), plugins.resolve(pluginId + ".jar"));
        PluginManager manager = new DefaultPluginManager(plugins);
        try (PayPalFake paypal = new PayPalFake().start()) {
            manager.loadPlugins();
            manager.startPlugins();
            PluginWrapper plugin = manager.getPlugin(pluginId);
            assertNotNull(plugin, "plugin not loaded");
            assertEquals(PayPalPlugin.class.getName(), plugin.getPlugin().getClass().getName());

            List<PaymentMethod> methods = manager.getExtensions(PaymentMethod.class, pluginId);
            assertEquals(1, methods.size());
            PaymentMethod method = methods.get(0);
            ClassLoader pluginLoader = plugin.getPluginClassLoader();
            assertSame(pluginLoader, method.getClass().getClassLoader());
            assertSame(PaymentMethod.class, method.getClass().getInterfaces()[0], "one copy of the API");
            for (String type : List.of("dev.kassa.plugin.paypal.shaded.com.paypal.sdk.PaypalServerSdkClient",
                    "dev.kassa.plugin.paypal.shaded.okhttp3.OkHttpClient",
                    "dev.kassa.plugin.paypal.shaded.com.fasterxml.jackson.databind.ObjectMapper")) {
                assertSame(pluginLoader, loadThrough(pluginLoader, type).getClassLoader(), type + " from the plugin jar");
            }
            assertEquals("paypal", method.info().code());
            assertTrue(method instanceof StatusQuery);

            MethodContext context = new MethodContext("jar", paypal.credentials(), paypal.operatorSettings(),
                    HttpSettings.DEFAULT, Clock.systemUTC(), System.getLogger("test"));
            ContractRequests requests = new ContractRequests("jar");
            String attempt = ContractRequests.id("att");
            PaymentResult result = method.pay(context, requests.payment(attempt, new Amount(1_000, "EUR"),
                    requests.newCustomer(), false));
            assertEquals(Outcome.ACTION_REQUIRED, result.outcome(), result.toString());
            String order = result.gatewayReference();
            assertTrue(paypal.orderAmount(order).isPresent());
            assertTrue(paypal.requestIds().contains(attempt), "PayPal-Request-Id through the SDK");

            // the payer approves; the status query captures through the SDK's models and Jackson
            paypal.approve(order);
            PaymentResult paid = ((StatusQuery) method).paymentStatus(context, order, attempt);
            assertEquals(Outcome.SUCCEEDED, paid.outcome(), paid.toString());
            assertEquals(new Amount(1_000, "EUR"), paid.received());

            // a webhook, verified offline and the order fetched again through the SDK
            WebhookEvent event = ((WebhookReceiver) method).receive(context, paypal.captureEvent(order, Instant.now()));
            assertEquals(Outcome.SUCCEEDED, event.payment().outcome(), event.toString());

            // a partial refund, and PayPal's refusal of one too many with its issue
            RefundResult refunded = ((Refunds) method).refund(context, requests.refund(ContractRequests.id("ref"),
                    order, new Amount(400, "EUR")));
            assertEquals(Outcome.SUCCEEDED, refunded.outcome(), refunded.toString());
            RefundResult tooMuch = ((Refunds) method).refund(context, requests.refund(ContractRequests.id("ref"),
                    order, new Amount(1_000, "EUR")));
            assertEquals(Outcome.DECLINED, tooMuch.outcome(), tooMuch.toString());
            assertEquals("REFUND_AMOUNT_EXCEEDED", tooMuch.reasonCode());
            assertTrue(tooMuch.reason().contains("(debug id "), tooMuch.reason());

            // PayPal too slow: unanswered, not declined
            paypal.delayNextOrder(Duration.ofSeconds(2));
            MethodContext impatient = new MethodContext("jar", paypal.credentials(), paypal.operatorSettings(),
                    new HttpSettings(Duration.ofSeconds(2), Duration.ofMillis(300)), Clock.systemUTC(),
                    System.getLogger("test"));
            PaymentResult lost = method.pay(impatient, requests.payment(ContractRequests.id("att"), new Amount(500, "EUR"),
                    requests.newCustomer(), false));
            assertEquals(Outcome.UNKNOWN, lost.outcome(), lost.toString());
        } finally {
            // not stopPlugins(): in pf4j 3.15.0 it throws ConcurrentModificationException (pf4j/pf4j#656)
            List.copyOf(manager.getStartedPlugins()).forEach(p -> manager.stopPlugin(p.getPluginId()));
            manager.unloadPlugins();
        }
    }

    private static Class<?> loadThrough(ClassLoader loader, String name) {
        try {
            return Class.forName(name, false, loader);
        } catch (ClassNotFoundException e) {
            throw new AssertionError(name + " not found through the plugin", e);
        }
    }

    /** The jar {@code mvn} built and shaded in {@code process-test-classes}. */
    private static Path builtJar() {
        String jar = System.getProperty("kassa.plugin.jar");
        assertNotNull(jar, "run through Maven: -Dkassa.plugin.jar names the built plugin jar");
        Path path = Path.of(jar);
        assertTrue(Files.isRegularFile(path), "no plugin jar at " + path);
        return path;
    }
}
