package dev.kassa.server.it;

import static dev.kassa.testkit.Json.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kassa.testkit.ApiResponse;
import dev.kassa.testkit.Kassa;
import dev.kassa.testkit.KassaExtension;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Who may call what is decided by the resource that matched, whatever the spelling of the path: a
 * tenant key on every operator route, and the operator token on tenant routes, under every spelling
 * a client can send, are refused and change nothing. Requests go over a raw socket, so that the
 * path reaches the server exactly as written (an HTTP client would tidy dot segments away).
 */
@ExtendWith(KassaExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuthorizationIT {
    /** The statuses a refused caller may see: not authenticated, not allowed, or no such route. */
    private static final Set<Integer> REFUSED = Set.of(401, 403, 404);

    private Kassa kassa;
    private Kassa.Tenant tenant;
    private String tenantKey;
    private String keyId;
    private String account;
    private String slugNeverCreated;

    @BeforeAll
    void aTenantWithAnAccount(Kassa kassa) {
        this.kassa = kassa;
        tenant = kassa.newTenant();
        tenantKey = tenantKeyOf(tenant);
        keyId = kassa.operator().get("tenants/" + tenant.id() + "/api-keys").items().getJsonObject(0).getString("id");
        account = tenant.newAccount();
        tenant.fund(account, "10.00");
        slugNeverCreated = "walked-past-" + System.nanoTime();
    }

    /** Spellings of one path that a client can send and a container may route to the same resource. */
    static List<String> spellings(String path) {
        String[] parts = path.split("/", 4); // "", "api", "v1", rest
        String rest = parts[3];
        String first = rest.split("/", 2)[0];
        String tail = rest.substring(first.length());
        String hex = Integer.toHexString(first.charAt(0));
        List<String> out = new ArrayList<>();
        out.add(path);
        out.add("/api/v1/" + first + ";x" + tail);
        out.add("/api/v1/" + first + tail + ";x");
        out.add("/api/v1/" + first + tail + ";jsessionid=0123456789ABCDEF");
        out.add("/api/v1/%" + hex + first.substring(1) + tail);
        out.add("/api/v1/%" + hex.toUpperCase() + first.substring(1) + tail);
        out.add("/api/v1//" + rest);
        out.add("//api/v1/" + rest);
        out.add("/api/v1/./" + rest);
        out.add("/api/./v1/" + rest);
        out.add("/api/v1/x/../" + rest);
        out.add(path + "/");
        out.add("/api/v1/%2e/" + rest);
        out.add("/api/v1/" + first + "%3bx" + tail);
        return out.stream().distinct().toList();
    }

    Stream<Arguments> operatorRoutes() {
        String tenantsBody = obj("slug", slugNeverCreated, "name", "Walked past", "baseCurrency", "EUR",
                "defaultLocale", "en");
        return Stream.of(
                        route("GET", "/api/v1/tenants", null),
                        route("POST", "/api/v1/tenants", tenantsBody),
                        route("GET", "/api/v1/tenants/" + tenant.id(), null),
                        route("GET", "/api/v1/tenants/" + tenant.id() + "/api-keys", null),
                        route("POST", "/api/v1/tenants/" + tenant.id() + "/api-keys", null),
                        route("DELETE", "/api/v1/tenants/" + tenant.id() + "/api-keys/" + keyId, null),
                        route("GET", "/api/v1/operator/ledger/verify", null),
                        route("GET", "/api/v1/operator/plugins", null),
                        route("POST", "/api/v1/operator/plugins/reload", null),
                        route("POST", "/api/v1/operator/exchange-rates", "<x/>"))
                .flatMap(r -> spellings(r.path()).stream().map(p -> Arguments.of(r.method() + " " + p, r.method(), p,
                        r.body())));
    }

    @Order(1)
    @ParameterizedTest(name = "{0}")
    @MethodSource("operatorRoutes")
    void aTenantKeyIsRefusedOnEveryOperatorRoute(String name, String method, String path, String body) {
        Raw answer = send(method, path, tenantKey, body);
        assertTrue(REFUSED.contains(answer.status()), name + " answered " + answer);
        assertFalse(answer.body().contains("ksk_"), "a key leaked: " + answer);
    }

    Stream<Arguments> tenantRoutes() {
        return Stream.of(
                        route("GET", "/api/v1/accounts", null),
                        route("POST", "/api/v1/accounts", obj("email", "op@example.com", "name", "Op", "country", "DE")),
                        route("GET", "/api/v1/accounts/" + account, null),
                        route("POST", "/api/v1/accounts/" + account + "/charges",
                                obj("amount", dev.kassa.testkit.Json.money("1.00", "EUR"), "description", "x")),
                        route("GET", "/api/v1/tenant", null),
                        route("GET", "/api/v1/ledger/verify", null),
                        route("PUT", "/api/v1/settings/top-up", obj("minimum", dev.kassa.testkit.Json.money("1.00", "EUR"))),
                        route("GET", "/api/v1/payment-methods", null))
                .flatMap(r -> spellings(r.path()).stream().map(p -> Arguments.of(r.method() + " " + p, r.method(), p,
                        r.body())));
    }

    @Order(2)
    @ParameterizedTest(name = "{0}")
    @MethodSource("tenantRoutes")
    void theOperatorTokenIsRefusedOnTenantRoutes(String name, String method, String path, String body) {
        Raw answer = send(method, path, kassa.operator().token(), body);
        assertTrue(REFUSED.contains(answer.status()), name + " answered " + answer);
    }

    /** Last, so that it sees what every try above left behind. */
    @Order(3)
    @Test
    void nothingChangedAfterAllTheseTries() {
        assertEquals(1, kassa.operator().get("tenants/" + tenant.id() + "/api-keys").items().size());
        assertEquals(200, tenant.api().get("tenant").status(), "the tenant's key still works");
        assertEquals("10.00", tenant.balance(account));
        assertEquals(1, tenant.api().get("accounts").items().size());
        ApiResponse created = kassa.operator().post("tenants", obj("slug", slugNeverCreated, "name", "Now for real",
                "baseCurrency", "EUR", "defaultLocale", "en"));
        assertEquals(201, created.status(), "no tenant was made with that slug before: " + created);
    }

    @Order(0)
    @Test
    void theRightCallerStillGetsThroughUnderAnOrdinarySpelling() {
        assertEquals(200, send("GET", "/api/v1/tenants/" + tenant.id(), kassa.operator().token(), null).status());
        assertEquals(200, send("GET", "/api/v1/tenant", tenantKey, null).status());
        assertEquals(401, send("GET", "/api/v1/tenant", null, null).status());
        assertEquals(401, send("GET", "/api/v1/tenants", null, null).status());
    }

    private record Route(String method, String path, String body) { }

    private static Route route(String method, String path, String body) {
        return new Route(method, path, body);
    }

    static String tenantKeyOf(Kassa.Tenant tenant) {
        return tenant.api().token();
    }

    /** A status line's code and the body, read from a raw HTTP/1.1 exchange. */
    record Raw(int status, String head, String body) {
        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    Raw send(String method, String path, String token, String body) {
        byte[] payload = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        StringBuilder request = new StringBuilder()
                .append(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                .append("Host: localhost:").append(kassa.process().port()).append("\r\n")
                .append("Connection: close\r\n");
        if (token != null) {
            request.append("Authorization: Bearer ").append(token).append("\r\n");
        }
        if (body != null) {
            request.append("Content-Type: ").append(body.startsWith("<") ? "application/xml" : "application/json")
                    .append("\r\n");
        }
        request.append("Content-Length: ").append(payload.length).append("\r\n\r\n");
        try (Socket socket = new Socket("127.0.0.1", kassa.process().port())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(payload);
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            String text = all.toString(StandardCharsets.UTF_8);
            int end = text.indexOf("\r\n\r\n");
            String head = end < 0 ? text : text.substring(0, end);
            String rest = end < 0 ? "" : text.substring(end + 4);
            return new Raw(Integer.parseInt(head.split(" ", 3)[1]), head, rest);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
