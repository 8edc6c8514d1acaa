package dev.kassa.server.it;

import static dev.kassa.testkit.Json.money;
import static dev.kassa.testkit.Json.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kassa.api.payment.PaymentMethod;
import dev.kassa.testkit.ApiResponse;
import dev.kassa.testkit.Kassa;
import dev.kassa.testkit.KassaExtension;
import dev.kassa.testkit.PluginJars;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plugin author's jar, compiled here from source against the plugin API only, dropped into the
 * running server's plugins directory and picked up by a reload: the operator sees it, one tenant
 * turns it on for one country, and only that tenant's payers in that country are offered it.
 */
@ExtendWith(KassaExtension.class)
class PluginDropInIT {

    @Test
    void aDroppedInPluginIsLoadedWithoutRestartAndOfferedOnlyWhereTheTenantTurnedItOn(Kassa kassa,
                                                                                     @TempDir Path build)
            throws Exception {
        String id = "dropin-" + Long.toString(System.nanoTime(), 36);
        Path jar = buildPlugin(build, id);
        Path plugins = kassa.process().pluginsDir();
        Path broken = plugins.resolve("broken-" + id + ".jar");
        Files.copy(jar, plugins.resolve(id + ".jar"));
        Files.writeString(broken, "not a jar at all");
        try {
            assertFalse(kassa.operator().get("operator/plugins").body().contains(id + "\""),
                    "not loaded before the reload");
            ApiResponse reloaded = kassa.operator().post("operator/plugins/reload", "{}");
            assertEquals(200, reloaded.status(), reloaded::toString);
            JsonObject dropIn = plugin(reloaded, id).orElseThrow(() -> new AssertionError(reloaded.toString()));
            assertEquals("STARTED", dropIn.getString("state"));
            assertEquals("1.2.3", dropIn.getString("version"));
            assertEquals(List.of(id), dropIn.getJsonArray("methods").getValuesAs(JsonString.class).stream()
                    .map(JsonString::getString).toList());
            JsonObject failed = plugin(reloaded, "broken-" + id + ".jar")
                    .orElseThrow(() -> new AssertionError(reloaded.toString()));
            assertEquals("FAILED", failed.getString("state"));
            assertFalse(failed.getString("error").isBlank());
            assertEquals("STARTED", plugin(reloaded, "stripe").orElseThrow().getString("state"),
                    "a broken jar harms nothing else");
            assertEquals(401, kassa.anonymous().get("operator/plugins").status());

            Kassa.Tenant tenant = kassa.newTenant();
            Kassa.Tenant bystander = kassa.newTenant();
            ApiResponse on = tenant.api().put("payment-methods/" + id, obj("enabled", true, "countries",
                    List.of("PL")));
            assertEquals(200, on.status(), on::toString);
            assertEquals("Drop-in voucher", on.string("name"));

            String polish = tenant.newAccount("PL");
            String german = tenant.newAccount("DE");
            assertTrue(offered(tenant, polish).contains(id));
            assertFalse(offered(tenant, german).contains(id));
            assertFalse(offered(bystander, bystander.newAccount("PL")).contains(id));

            ApiResponse topUp = tenant.api().post("accounts/" + polish + "/top-ups",
                    obj("amount", money("20.00", "EUR"), "method", id));
            assertEquals(201, topUp.status(), topUp::toString);
            assertEquals("voucher", topUp.object().getJsonObject("instructions").getString("type"));
            assertEquals(topUp.string("reference"), topUp.object().getJsonObject("instructions")
                    .getString("reference"));
            assertEquals("PENDING", topUp.object().getJsonObject("payment").getString("status"));
            assertEquals("topup.method_unavailable", tenant.api().post("accounts/" + german + "/top-ups",
                    obj("amount", money("20.00", "EUR"), "method", id)).code());
        } finally {
            Files.deleteIfExists(broken);
            kassa.operator().post("operator/plugins/reload", "{}");
        }
        assertTrue(plugin(kassa.operator().get("operator/plugins"), "broken-" + id + ".jar").isEmpty());
    }

    private static String offered(Kassa.Tenant tenant, String account) {
        return tenant.api().get("accounts/" + account + "/top-up-options").object().getJsonArray("methods").toString();
    }

    private static Optional<JsonObject> plugin(ApiResponse list, String id) {
        return list.items().getValuesAs(JsonObject.class).stream().filter(p -> p.getString("id").equals(id))
                .findFirst();
    }

    /** Compiles a one-method plugin against the API jar and pf4j, and packs it as PF4J expects. */
    private static Path buildPlugin(Path dir, String id) throws IOException {
        Path src = dir.resolve("src/it/dropin");
        Files.createDirectories(src);
        Files.writeString(src.resolve("DropInPlugin.java"), """
                package it.dropin;
                public class DropInPlugin extends org.pf4j.Plugin {
                }
                """);
        Files.writeString(src.resolve("DropInMethod.java"), """
                package it.dropin;
                import dev.kassa.api.payment.*;
                import java.util.*;
                @org.pf4j.Extension
                public class DropInMethod implements PaymentMethod {
                    public MethodInfo info() {
                        return new MethodInfo("%s", Map.of("en", "Drop-in voucher"), Map.of("en", "Same day"),
                                Set.of(), Set.of(), List.of());
                    }
                    public PaymentResult pay(MethodContext context, PaymentRequest request) {
                        return PaymentResult.pending(null, NextAction.instructions(Map.of("type", "voucher")));
                    }
                }
                """.formatted(id));
        Path classes = dir.resolve("classes");
        Files.createDirectories(classes);
        String classpath = PluginJars.codeSource(PaymentMethod.class) + java.io.File.pathSeparator
                + PluginJars.codeSource(org.pf4j.Plugin.class);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int status = javac.run(null, null, null, "-proc:none", "-classpath", classpath, "-d", classes.toString(),
                src.resolve("DropInPlugin.java").toString(), src.resolve("DropInMethod.java").toString());
        assertEquals(0, status, "the plugin compiles");

        Files.createDirectories(classes.resolve("META-INF"));
        Files.writeString(classes.resolve("META-INF/extensions.idx"), "it.dropin.DropInMethod\n");
        return PluginJars.pack(classes, dir.resolve(id + ".jar"), id, "it.dropin.DropInPlugin", "1.2.3");
    }
}
