package dev.kassa.plugin.paypal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.paypal.sdk.Environment;
import com.paypal.sdk.PaypalServerSdkClient;
import com.paypal.sdk.authentication.ClientCredentialsAuthModel;
import com.paypal.sdk.exceptions.ApiException;
import com.paypal.sdk.exceptions.ErrorException;
import com.paypal.sdk.exceptions.OAuthProviderException;
import com.paypal.sdk.http.client.HttpCallback;
import com.paypal.sdk.http.response.ApiResponse;
import com.paypal.sdk.models.ErrorDetails;
import com.paypal.sdk.models.OAuthToken;
import dev.kassa.api.payment.MethodContext;
import io.apimatic.core.exceptions.AuthValidationException;
import io.apimatic.coreinterfaces.http.Context;
import io.apimatic.coreinterfaces.http.request.Request;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * PayPal's REST API through PayPal's Java server SDK ({@code com.paypal.sdk:paypal-server-sdk}),
 * shaded and relocated into the plugin jar with everything it brings (see the pom and META-INF/NOTICE).
 *
 * <p>One instance per plugin call: it builds an SDK client for the tenant's credentials and
 * environment on the plugin's own OkHttp client ({@link PayPalHttp}: the context's timeouts, no
 * redirects, no retries, and the operator's {@code API_BASE} as an interceptor that rewrites PayPal's
 * host, since the SDK knows only PayPal's sandbox and live hosts).
 *
 * <p>The OAuth token is fetched here before the SDK is used, and handed to the SDK's client: the
 * SDK's own fetch swallows the reason a fetch failed (so "PayPal is down" and "the secret is wrong"
 * would look the same) and runs under a lock shared by every client in the JVM.
 *
 * <p>A timeout, a network error, a 429 or a 5xx throws {@link Unanswered}: we cannot tell whether PayPal
 * acted. PayPal's other refusals come back as a {@link Reply} that is not {@link Reply#ok()}, with
 * PayPal's error {@code issue} and debug id.
 */
final class PayPalApi {
    static final String SANDBOX_BASE = "https://api-m.sandbox.paypal.com";
    static final String LIVE_BASE = "https://api-m.paypal.com";
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    /** One call of the SDK's controllers. */
    @FunctionalInterface
    interface Call<T> {
        ApiResponse<T> on(PaypalServerSdkClient client) throws ApiException, IOException;
    }

    /** What PayPal answered: a result, or PayPal's refusal (never a 5xx, those throw). */
    static final class Reply<T> {
        private final int status;
        private final T result;
        private final String issue;
        private final String message;

        private Reply(int status, T result, String issue, String message) {
            this.status = status;
            this.result = result;
            this.issue = issue;
            this.message = message;
        }

        static <T> Reply<T> of(int status, T result) {
            return new Reply<>(status, result, null, null);
        }

        static <T> Reply<T> refused(int status, String issue, String message) {
            return new Reply<>(status, null, issue, message);
        }

        boolean ok() {
            return status / 100 == 2;
        }

        int status() {
            return status;
        }

        T result() {
            return result;
        }

        /** PayPal's error: the first detail's {@code issue} (such as {@code INSTRUMENT_DECLINED}), else its {@code name}. */
        String issue() {
            return issue != null ? issue : "HTTP_" + status;
        }

        /** PayPal's message, with its debug id for PayPal's support. */
        String message() {
            return message != null ? message : "PayPal answered " + status;
        }
    }

    /** PayPal did not answer in time, could not be reached or failed on its side. */
    static final class Unanswered extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unanswered(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** PayPal refused the tenant's client id and secret. */
    static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String code;

        Refused(String code, String message) {
            super(message);
            this.code = code;
        }

        String code() {
            return code;
        }
    }

    private final MethodContext context;
    private final OkHttpClient http;
    private final Environment environment;
    private PaypalServerSdkClient client;
    private String token;
    /** The raw body of the SDK's last response, for the few members its models leave out. */
    private String lastBody;

    PayPalApi(MethodContext context) {
        this.context = context;
        this.http = PayPalHttp.client(context);
        this.environment = PayPalCredentials.LIVE.equals(context.credential(PayPalCredentials.ENVIRONMENT).orElse(null))
                ? Environment.PRODUCTION : Environment.SANDBOX;
    }

    /** The operator's {@code API_BASE}, else PayPal's live or sandbox API by the tenant's environment. */
    static String base(MethodContext context) {
        return PayPalHttp.apiBase(context).map(base -> base.toString()).map(PayPalApi::withoutSlash).orElseGet(() ->
                PayPalCredentials.LIVE.equals(context.credential(PayPalCredentials.ENVIRONMENT).orElse(null))
                        ? LIVE_BASE : SANDBOX_BASE);
    }

    /** Calls the SDK: a 2xx is a result, a 4xx PayPal's refusal, anything else {@link Unanswered}. */
    <T> Reply<T> call(Call<T> call) {
        PaypalServerSdkClient sdk = client();
        lastBody = null;
        try {
            ApiResponse<T> response = call.on(sdk);
            return Reply.of(response.getStatusCode(), response.getResult());
        } catch (ErrorException e) {
            unansweredIfServerSide(e);
            return Reply.refused(e.getResponseCode(), issue(e), message(e.getMessageField(), e.getDebugId(),
                    e.getResponseCode()));
        } catch (ApiException e) {
            unansweredIfServerSide(e);
            return Reply.refused(e.getResponseCode(), null, "PayPal answered " + e.getResponseCode());
        } catch (AuthValidationException e) {
            throw new Refused("authentication_failure", "PayPal refused the client ID and secret");
        } catch (JsonProcessingException e) {
            // a 2xx the SDK's models cannot read: we cannot tell what PayPal did
            throw new Unanswered("PayPal's answer could not be read: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new Unanswered("PayPal could not be reached: " + e.getClass().getSimpleName(), e);
        }
    }

    /** The raw JSON of the last answer {@link #call} got (for members the SDK's models do not have), else null. */
    JsonNode lastBody() {
        return lastBody == null ? null : Json.parse(lastBody);
    }

    /**
     * A POST the SDK has no call for ({@code /v1/notifications/verify-webhook-signature}), over the
     * same OkHttp client and OAuth token as the SDK's calls.
     */
    Reply<JsonNode> postJson(String path, JsonNode body) {
        okhttp3.Request request = new okhttp3.Request.Builder()
                .url((environment == Environment.PRODUCTION ? LIVE_BASE : SANDBOX_BASE) + path)
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + token())
                .post(RequestBody.create(body.toString(), JSON))
                .build();
        try (Response response = http.newCall(request).execute()) {
            ResponseBody responseBody = response.body();
            String text = responseBody == null ? "" : responseBody.string();
            if (response.code() >= 500 || response.code() == 429) {
                throw new Unanswered("PayPal answered " + response.code(), null);
            }
            JsonNode json = Json.parse(text);
            if (response.isSuccessful()) {
                return Reply.of(response.code(), json);
            }
            JsonNode detail = Json.first(json, "details");
            String issue = Json.string(detail, "issue");
            return Reply.refused(response.code(), issue != null ? issue : Json.string(json, "name"),
                    message(Json.string(json, "message"), Json.string(json, "debug_id"), response.code()));
        } catch (IOException e) {
            throw new Unanswered("PayPal could not be reached: " + e.getClass().getSimpleName(), e);
        }
    }

    private PaypalServerSdkClient client() {
        if (client == null) {
            String id = context.requiredCredential(PayPalCredentials.CLIENT_ID);
            String secret = context.requiredCredential(PayPalCredentials.CLIENT_SECRET);
            PaypalServerSdkClient.Builder builder = new PaypalServerSdkClient.Builder()
                    .environment(environment)
                    .httpClientConfig(config -> config.httpClientInstance(http, false))
                    .httpCallback(new HttpCallback() {
                        @Override
                        public void onBeforeRequest(Request request) {
                        }

                        @Override
                        public void onAfterResponse(Context response) {
                            lastBody = response.getResponse() == null ? null : response.getResponse().getBody();
                        }
                    });
            OAuthToken fetched = fetchToken(builder.clientCredentialsAuth(
                    new ClientCredentialsAuthModel.Builder(id, secret).build()).build());
            client = builder.clientCredentialsAuth(new ClientCredentialsAuthModel.Builder(id, secret)
                    .oAuthToken(fetched).build()).build();
            token = fetched.getAccessToken();
        }
        return client;
    }

    private String token() {
        client();
        return token;
    }

    private static OAuthToken fetchToken(PaypalServerSdkClient unauthenticated) {
        try {
            OAuthToken token = unauthenticated.getClientCredentialsAuth().fetchToken();
            if (token == null || token.getAccessToken() == null) {
                throw new Refused("authentication_failure", "PayPal gave no access token");
            }
            return token;
        } catch (OAuthProviderException e) {
            unansweredIfServerSide(e);
            throw new Refused(e.getError() == null || e.getError().value() == null ? "authentication_failure"
                    : e.getError().value(), "PayPal refused the client ID and secret (HTTP " + e.getResponseCode() + ")");
        } catch (ApiException e) {
            unansweredIfServerSide(e);
            throw new Refused("authentication_failure",
                    "PayPal refused the client ID and secret (HTTP " + e.getResponseCode() + ")");
        } catch (IOException e) {
            throw new Unanswered("PayPal could not be reached: " + e.getClass().getSimpleName(), e);
        }
    }

    private static void unansweredIfServerSide(ApiException e) {
        int status = e.getResponseCode();
        if (status >= 500 || status == 429 || status < 0) {
            throw new Unanswered("PayPal answered " + status, e);
        }
    }

    private static String issue(ErrorException e) {
        List<ErrorDetails> details = e.getDetails();
        if (details != null && !details.isEmpty() && details.get(0) != null && details.get(0).getIssue() != null) {
            return details.get(0).getIssue();
        }
        return e.getName();
    }

    private static String message(String message, String debugId, int status) {
        String text = message != null ? message : "PayPal answered " + status;
        return debugId == null ? text : text + " (debug id " + debugId + ")";
    }

    private static String withoutSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    static UncheckedIOException unreachable(Unanswered e) {
        return new UncheckedIOException(new IOException(e.getMessage(), e));
    }
}
