package dev.kassa.server.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Walks every JAX-RS resource method of the server and proves it declares who may call it: a
 * resource without an {@link Audience} would be refused to everyone, so this test catches it
 * before a client does.
 */
class AudienceDeclaredTest {

    @Test
    void everyResourceMethodDeclaresItsAudience() throws Exception {
        List<Method> endpoints = resourceMethods();
        assertTrue(endpoints.size() >= 40, "found only " + endpoints.size() + " resource methods: is the scan broken?");
        List<String> undeclared = endpoints.stream()
                .filter(m -> AuthFilter.audience(m, m.getDeclaringClass()).isEmpty())
                .map(m -> m.getDeclaringClass().getSimpleName() + "." + m.getName()).toList();
        assertEquals(List.of(), undeclared, "resource methods without an @Audience");
    }

    @Test
    void operatorResourcesAreTheOnesUnderTenantsAndOperator() throws Exception {
        for (Method m : resourceMethods()) {
            String path = m.getDeclaringClass().getAnnotation(Path.class).value();
            boolean operatorPath = path.startsWith("v1/operator") || path.startsWith("v1/tenants");
            Optional<Audience.Party> audience = AuthFilter.audience(m, m.getDeclaringClass());
            assertEquals(operatorPath ? Audience.Party.OPERATOR : Audience.Party.TENANT, audience.orElseThrow(),
                    m.getDeclaringClass().getSimpleName() + "." + m.getName());
        }
    }

    @Test
    void aMethodsOwnAudienceWinsOverItsClass() throws Exception {
        assertEquals(Optional.of(Audience.Party.TENANT),
                AuthFilter.audience(Mixed.class.getMethod("forTenants"), Mixed.class));
        assertEquals(Optional.of(Audience.Party.OPERATOR),
                AuthFilter.audience(Mixed.class.getMethod("forOperator"), Mixed.class));
        assertFalse(AuthFilter.audience(Undeclared.class.getMethod("open"), Undeclared.class).isPresent());
    }

    @Audience(Audience.Party.OPERATOR)
    public static class Mixed {
        @Audience(Audience.Party.TENANT)
        public void forTenants() {
        }

        public void forOperator() {
        }
    }

    public static class Undeclared {
        public void open() {
        }
    }

    /** Every public method of a {@code @Path} class under {@code dev.kassa.server} that answers HTTP. */
    static List<Method> resourceMethods() throws IOException, URISyntaxException, ClassNotFoundException {
        java.nio.file.Path classes = java.nio.file.Path.of(
                AuthFilter.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Method> out = new ArrayList<>();
        try (Stream<java.nio.file.Path> files = Files.walk(classes.resolve("dev/kassa/server"))) {
            for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name, false, AudienceDeclaredTest.class.getClassLoader());
                if (type.isAnnotationPresent(Path.class)) {
                    Arrays.stream(type.getDeclaredMethods()).filter(m -> Modifier.isPublic(m.getModifiers()))
                            .filter(AudienceDeclaredTest::answersHttp).forEach(out::add);
                }
            }
        }
        return out;
    }

    private static boolean answersHttp(Method m) {
        return m.isAnnotationPresent(Path.class) || Arrays.stream(m.getAnnotations())
                .anyMatch(a -> a.annotationType().isAnnotationPresent(HttpMethod.class));
    }
}
