package dev.kassa.server.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The document names exactly the operations the server answers: every JAX-RS resource method of
 * every class under {@code dev.kassa.server} (found by its annotations, wherever it lives) is in
 * {@code openapi.yaml} with the same method and path, the document has no {@code /api} operation
 * that no resource answers, and each operation asks for the credentials its resource's
 * {@link Audience} takes.
 */
class OpenApiCoversEndpointsTest {

    @Test
    void theDocumentNamesExactlyTheResourceMethods() throws Exception {
        Map<String, Audience.Party> server = serverOperations();
        assertTrue(server.size() >= 40, "found only " + server.size() + " resource methods: is the scan broken?");
        Map<String, Operation> documented = documentedOperations();
        TreeSet<String> missing = new TreeSet<>(server.keySet());
        missing.removeAll(documented.keySet());
        TreeSet<String> extra = new TreeSet<>(documented.keySet());
        extra.removeIf(key -> !key.contains(" /api/"));
        extra.removeAll(server.keySet());
        assertEquals(new TreeSet<>(), missing, "resource methods the document does not name");
        assertEquals(new TreeSet<>(), extra, "operations of the document that no resource method answers");
    }

    @Test
    void eachOperationAsksForTheCredentialsOfItsAudience() throws Exception {
        Map<String, Operation> documented = documentedOperations();
        List<String> wrong = new ArrayList<>();
        serverOperations().forEach((key, audience) -> {
            Operation operation = documented.get(key);
            if (operation == null) {
                return; // reported by the test above
            }
            String scheme = audience == Audience.Party.OPERATOR ? "operatorToken" : "tenantApiKey";
            List<SecurityRequirement> security = operation.getSecurity();
            if (security == null || security.size() != 1 || !security.get(0).keySet().equals(java.util.Set.of(scheme))) {
                wrong.add(key + " asks for " + security + ", its resource takes " + scheme);
            }
        });
        assertEquals(List.of(), wrong);
    }

    /** The webhook servlet is no JAX-RS resource; the document names it all the same. */
    @Test
    void theWebhookEndpointIsDocumentedOpenToGateways() throws Exception {
        Operation webhook = documentedOperations().get("POST /webhooks/{}/{}");
        assertTrue(webhook != null, "POST /webhooks/{tenantSlug}/{pluginId} is not documented");
        assertEquals(List.of(), webhook.getSecurity(), "webhooks take no token");
    }

    /** {@code METHOD /path} with every {@code {parameter}} as {@code {}}, to the operation. */
    static Map<String, Operation> documentedOperations() throws IOException {
        OpenAPI api = OpenApiDocumentTest.parsed();
        Map<String, Operation> out = new TreeMap<>();
        for (Map.Entry<String, PathItem> path : api.getPaths().entrySet()) {
            path.getValue().readOperationsMap().forEach((method, operation) ->
                    out.put(method.name() + " " + normalize(path.getKey()), operation));
        }
        return out;
    }

    /** {@code METHOD /path} of every resource method, to the audience that may call it. */
    static Map<String, Audience.Party> serverOperations() throws IOException, URISyntaxException, ClassNotFoundException {
        List<Class<?>> classes = serverClasses();
        List<String> roots = classes.stream().filter(c -> c.isAnnotationPresent(ApplicationPath.class))
                .map(c -> c.getAnnotation(ApplicationPath.class).value()).toList();
        assertEquals(1, roots.size(), "one JAX-RS application: " + roots);
        Map<String, Audience.Party> out = new TreeMap<>();
        for (Class<?> type : classes) {
            if (!type.isAnnotationPresent(Path.class)) {
                continue;
            }
            for (Method method : type.getDeclaredMethods()) {
                Optional<String> verb = Arrays.stream(method.getAnnotations())
                        .map(a -> a.annotationType().getAnnotation(HttpMethod.class))
                        .filter(h -> h != null).map(HttpMethod::value).findFirst();
                if (!Modifier.isPublic(method.getModifiers()) || verb.isEmpty()) {
                    continue;
                }
                String path = join(roots.get(0), type.getAnnotation(Path.class).value(),
                        method.isAnnotationPresent(Path.class) ? method.getAnnotation(Path.class).value() : "");
                String key = verb.get().toUpperCase(Locale.ROOT) + " " + normalize(path);
                Audience.Party audience = AuthFilter.audience(method, type).orElseThrow(() ->
                        new AssertionError(type.getSimpleName() + "." + method.getName() + " declares no audience"));
                Audience.Party before = out.put(key, audience);
                assertTrue(before == null, key + " is answered by two resource methods");
            }
        }
        return out;
    }

    private static String join(String... parts) {
        StringBuilder out = new StringBuilder();
        for (String part : parts) {
            String trimmed = part.replaceAll("^/+|/+$", "");
            if (!trimmed.isEmpty()) {
                out.append('/').append(trimmed);
            }
        }
        return out.toString();
    }

    /** {@code {id}}, {@code {accountId}} and {@code {id: [a-z]+}} alike become {@code {}}. */
    static String normalize(String path) {
        return path.replaceAll("\\{[^}]*}", "{}");
    }

    /** Every class compiled under {@code dev.kassa.server}, whatever its package. */
    private static List<Class<?>> serverClasses() throws IOException, URISyntaxException, ClassNotFoundException {
        java.nio.file.Path classes = java.nio.file.Path.of(
                AuthFilter.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> out = new ArrayList<>();
        try (Stream<java.nio.file.Path> files = Files.walk(classes.resolve("dev/kassa/server"))) {
            for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                out.add(Class.forName(name, false, OpenApiCoversEndpointsTest.class.getClassLoader()));
            }
        }
        return out;
    }
}
