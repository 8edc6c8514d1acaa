package dev.kassa.plugin.paypal;

import dev.kassa.api.payment.InvalidWebhookException;
import dev.kassa.api.payment.MethodContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where the certificates that sign PayPal's webhooks come from: the {@code PAYPAL-CERT-URL} of a
 * delivery, fetched only from PayPal's API hosts over https (or from the operator's {@code API_BASE},
 * a local fake in tests), and cached by URL. A delivery can name any URL: without the allow-list an
 * attacker would sign with a certificate of their own.
 *
 * <p>The cache holds public certificates only, no tenant's data, so it is shared by all tenants; it
 * is bounded and forgets everything when full.
 */
public interface PayPalCertificates {
    /**
     * The certificate at {@code url}.
     *
     * @throws InvalidWebhookException when the URL is not allowed or gives no certificate
     */
    X509Certificate certificate(MethodContext context, String url);

    /** PayPal's hosts that serve webhook certificates. */
    Set<String> PAYPAL_HOSTS = Set.of("api.paypal.com", "api-m.paypal.com", "api.sandbox.paypal.com",
            "api-m.sandbox.paypal.com");

    /** Fetches over the network from the allowed hosts, with a cache. */
    static PayPalCertificates fetched() {
        return Fetched.INSTANCE;
    }

    /** The real source. */
    final class Fetched implements PayPalCertificates {
        static final Fetched INSTANCE = new Fetched();
        private static final int MAX_CACHED = 64;
        private final Map<String, X509Certificate> cache = new ConcurrentHashMap<>();
        private final HttpClient client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(java.time.Duration.ofSeconds(10))
                .build();

        private Fetched() {
        }

        @Override
        public X509Certificate certificate(MethodContext context, String url) {
            if (!allowed(context, url)) {
                throw new InvalidWebhookException("PAYPAL-CERT-URL is not one of PayPal's hosts");
            }
            X509Certificate cached = cache.get(url);
            if (cached != null) {
                return cached;
            }
            X509Certificate fetched = fetch(context, url);
            if (cache.size() >= MAX_CACHED) {
                cache.clear();
            }
            cache.put(url, fetched);
            return fetched;
        }

        private X509Certificate fetch(MethodContext context, String url) {
            try {
                HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(URI.create(url))
                        .timeout(context.http().readTimeout()).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
                if (response.statusCode() != 200) {
                    throw new InvalidWebhookException("PayPal's certificate could not be fetched: HTTP "
                            + response.statusCode());
                }
                return (X509Certificate) CertificateFactory.getInstance("X.509")
                        .generateCertificate(new ByteArrayInputStream(response.body()));
            } catch (IOException | CertificateException e) {
                throw new InvalidWebhookException("PayPal's certificate could not be read", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InvalidWebhookException("interrupted while fetching PayPal's certificate", e);
            }
        }

        static boolean allowed(MethodContext context, String url) {
            URI uri;
            try {
                uri = URI.create(url);
            } catch (IllegalArgumentException e) {
                return false;
            }
            if (uri.getHost() == null || uri.getUserInfo() != null || uri.getRawQuery() != null) {
                return false;
            }
            String host = uri.getHost().toLowerCase(Locale.ROOT);
            if ("https".equals(uri.getScheme()) && uri.getPort() == -1 && PAYPAL_HOSTS.contains(host)) {
                return true;
            }
            // The operator's API base (a fake in tests) serves its own certificates: the operator,
            // not a delivery, chose that host.
            return context.operatorSetting("API_BASE").map(URI::create).filter(base ->
                    base.getScheme().equals(uri.getScheme()) && host.equalsIgnoreCase(base.getHost())
                            && base.getPort() == uri.getPort()).isPresent();
        }
    }
}
