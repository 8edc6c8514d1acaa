package dev.kassa.plugin.paypal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kassa.api.payment.HttpSettings;
import dev.kassa.api.payment.MethodContext;
import dev.kassa.testkit.paypal.PayPalFake;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/** The OkHttp client under the SDK: the operator's API_BASE, and the context's timeouts. */
class PayPalHttpTest {
    private static MethodContext context(Map<String, String> operator) {
        return new MethodContext("http", Map.of("clientId", "x", "environment", "sandbox"), operator,
                new HttpSettings(Duration.ofSeconds(3), Duration.ofSeconds(7)), Clock.systemUTC(), System.getLogger("test"));
    }

    private static HttpUrl rewrite(String base, String url) {
        return new PayPalHttp.BaseRewrite(HttpUrl.get(base)).rewrite(HttpUrl.get(url));
    }

    @Test
    void theBaseReplacesSchemeHostAndPortAndKeepsPathAndQuery() {
        assertEquals("http://127.0.0.1:8089/v2/checkout/orders/5O190127TN364715T?fields=payment_source",
                rewrite("http://127.0.0.1:8089", "https://api-m.sandbox.paypal.com/v2/checkout/orders/5O190127TN364715T"
                        + "?fields=payment_source").toString());
        assertEquals("http://127.0.0.1:8089/v1/oauth2/token",
                rewrite("http://127.0.0.1:8089/", "https://api-m.paypal.com/v1/oauth2/token").toString());
    }

    @Test
    void aBaseWithAPathPrefixesIt() {
        assertEquals("https://proxy.example:8443/paypal/v2/payments/refunds/1JU08902781691411",
                rewrite("https://proxy.example:8443/paypal/", "https://api-m.paypal.com/v2/payments/refunds/1JU08902781691411")
                        .toString());
    }

    @Test
    void withoutABaseNothingIsRewritten() {
        OkHttpClient client = PayPalHttp.client(context(Map.of()));
        assertTrue(client.interceptors().isEmpty(), client.interceptors().toString());
        assertTrue(PayPalHttp.apiBase(context(Map.of("API_BASE", " "))).isEmpty(), "a blank setting is no setting");
    }

    @Test
    void theClientTakesTheContextsTimeoutsAndFollowsNoRedirects() {
        OkHttpClient client = PayPalHttp.client(context(Map.of("API_BASE", "http://127.0.0.1:9")));
        assertEquals(3_000, client.connectTimeoutMillis());
        assertEquals(7_000, client.readTimeoutMillis());
        assertEquals(10_000, client.callTimeoutMillis());
        assertFalse(client.followRedirects());
        assertEquals(1, client.interceptors().size());
    }

    @Test
    void aBaseThatIsNotAUrlIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> PayPalHttp.apiBase(context(Map.of("API_BASE", "api-m.paypal.com"))));
    }

    @Test
    void aRequestForPayPalsHostReachesTheFake() throws IOException {
        try (PayPalFake paypal = new PayPalFake().start()) {
            OkHttpClient client = PayPalHttp.client(context(paypal.operatorSettings()));
            try (Response response = client.newCall(new Request.Builder()
                    .url(PayPalApi.SANDBOX_BASE + PayPalFake.CERT_PATH).build()).execute()) {
                assertEquals(200, response.code());
                assertTrue(response.body().string().contains("BEGIN CERTIFICATE"));
            }
        }
    }
}
