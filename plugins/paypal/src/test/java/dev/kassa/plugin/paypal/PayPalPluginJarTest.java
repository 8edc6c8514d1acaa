package dev.kassa.plugin.paypal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kassa.api.payment.HttpSettings;
import dev.kassa.api.payment.MethodContext;
import dev.kassa.api.payment.Outcome;
import dev.kassa.api.payment.PaymentMethod;
import dev.kassa.api.payment.PaymentResult;
import dev.kassa.api.payment.StatusQuery;
import dev.kassa.testkit.contract.ContractRequests;
import dev.kassa.testkit.paypal.PayPalFake;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pf4j.DefaultPluginManager;
import org.pf4j.PluginManager;
import org.pf4j.PluginWrapper;

/**
 * Loads the plugin jar the build ships (shaded before the tests run, see the pom) with PF4J, as
 * the server does, and pays through the loaded extension against the fake: the manifest, the
 * extension index and the bundled gson must all work from inside the jar, while the
 * platform API and pf4j stay outside it.
 */
class PayPalPluginJarTest {
    @TempDir
    Path plugins;

    @Test
    void theJarBundlesARelocatedGsonButNotThePlatform() throws IOException {
        try (JarFile jar = new JarFile(builtJar().toFile())) {
            assertNotNull(jar.getEntry("META-INF/extensions.idx"), "extension index");
            assertNotNull(jar.getEntry("dev/kassa/plugin/paypal/shaded/gson/Gson.class"), "relocated gson");
            assertTrue(jar.stream().noneMatch(e -> e.getName().startsWith("com/google/")), "gson outside its relocation");
            assertTrue(jar.stream().noneMatch(e -> e.getName().startsWith("dev/kassa/api/")), "the platform API");
            assertTrue(jar.stream().noneMatch(e -> e.getName().startsWith("org/pf4j/")), "pf4j");
            assertEquals("paypal", jar.getManifest().getMainAttributes().getValue("Plugin-Id"));
        }
    }

    @Test
    void pf4jLoadsTheMethodAndItPaysThroughTheBundledGson() throws IOException {
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
            assertSame(pluginLoader, loadThrough(pluginLoader, "dev.kassa.plugin.paypal.shaded.gson.Gson")
                    .getClassLoader(), "gson from the plugin jar");
            assertEquals("paypal", method.info().code());
            assertTrue(method instanceof StatusQuery);

            MethodContext context = new MethodContext("jar", paypal.credentials(), paypal.operatorSettings(),
                    HttpSettings.DEFAULT, Clock.systemUTC(), System.getLogger("test"));
            ContractRequests requests = new ContractRequests("jar");
            String attempt = ContractRequests.id("att");
            PaymentResult result = method.pay(context, requests.payment(attempt,
                    new dev.kassa.api.payment.Amount(1_000, "EUR"), requests.newCustomer(), false));
            assertEquals(Outcome.ACTION_REQUIRED, result.outcome(), result.toString());
            assertTrue(paypal.orderAmount(result.gatewayReference()).isPresent());
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
