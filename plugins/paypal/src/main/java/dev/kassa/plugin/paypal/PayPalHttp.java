package dev.kassa.plugin.paypal;

import dev.kassa.api.payment.HttpSettings;
import dev.kassa.api.payment.MethodContext;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Response;

/**
 * The OkHttp client the PayPal SDK runs on (handed to it as {@code httpClientInstance}, so the SDK
 * adds nothing of its own: no retries, no redirects).
 *
 * <p>Every call's client is derived from one shared client ({@link OkHttpClient#newBuilder()}), so they
 * share one connection pool and no call starts threads; it holds no tenant's data. Timeouts are the
 * context's: connect, then read (per read, as the SDK's answers come in one piece), and the whole
 * call bounded by both together.
 *
 * <p>The SDK knows only PayPal's sandbox and live hosts. When the operator sets {@code API_BASE}
 * ({@code KASSA_PLUGINS_PAYPAL_API_BASE}, a local fake in tests), {@link BaseRewrite} sends every
 * request there instead; unset, nothing is rewritten.
 */
final class PayPalHttp {
    private static final OkHttpClient SHARED = new OkHttpClient.Builder()
            .followRedirects(false)
            .followSslRedirects(false)
            .build();

    private PayPalHttp() {
    }

    static OkHttpClient client(MethodContext context) {
        HttpSettings http = context.http();
        OkHttpClient.Builder builder = SHARED.newBuilder()
                .connectTimeout(http.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(http.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .writeTimeout(http.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .callTimeout(http.connectTimeout().plus(http.readTimeout()).toMillis(), TimeUnit.MILLISECONDS);
        apiBase(context).ifPresent(base -> builder.addInterceptor(new BaseRewrite(base)));
        return builder.build();
    }

    /** The operator's {@code API_BASE}, when set. */
    static Optional<HttpUrl> apiBase(MethodContext context) {
        return context.operatorSetting("API_BASE").filter(base -> !base.isBlank()).map(base -> {
            HttpUrl url = HttpUrl.parse(base.strip());
            if (url == null) {
                throw new IllegalArgumentException("API_BASE is not an http(s) URL: " + base);
            }
            return url;
        });
    }

    /**
     * Rewrites the scheme, host and port of every request to the operator's base, keeping the path
     * (after the base's own path, if it has one) and the query.
     */
    static final class BaseRewrite implements Interceptor {
        private final HttpUrl base;

        BaseRewrite(HttpUrl base) {
            this.base = base;
        }

        @Override
        public Response intercept(Chain chain) throws IOException {
            okhttp3.Request request = chain.request();
            return chain.proceed(request.newBuilder().url(rewrite(request.url())).build());
        }

        HttpUrl rewrite(HttpUrl url) {
            String prefix = base.encodedPath().endsWith("/")
                    ? base.encodedPath().substring(0, base.encodedPath().length() - 1) : base.encodedPath();
            return url.newBuilder()
                    .scheme(base.scheme())
                    .host(base.host())
                    .port(base.port())
                    .encodedPath(prefix + url.encodedPath())
                    .build();
        }
    }
}
