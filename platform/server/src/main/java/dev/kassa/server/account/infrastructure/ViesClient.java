package dev.kassa.server.account.infrastructure;

import dev.kassa.server.account.domain.VatIdAnswer;
import dev.kassa.server.account.domain.VatIdRegistry;
import dev.kassa.server.config.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A client of the European Commission's VIES REST API: {@code POST <base>/check-vat-number} with
 * {@code {countryCode, vatNumber, requesterMemberStateCode, requesterNumber}}. The answer carries
 * {@code valid}, {@code requestDate}, {@code requestIdentifier} (the consultation number, when a
 * requester was named), {@code name} and {@code address} ({@code "---"} when the member state does
 * not disclose them). A failure is {@code {actionSucceed: false, errorWrappers: [{error, message}]}}:
 * {@code INVALID_INPUT} means the number cannot be a VAT number (invalid); every other code
 * ({@code MS_UNAVAILABLE}, {@code SERVICE_UNAVAILABLE}, {@code TIMEOUT}, {@code GLOBAL_MAX_CONCURRENT_REQ},
 * ...), a 5xx, a timeout or an answer that cannot be read is an outage. A requester VIES refuses
 * ({@code INVALID_REQUESTER_INFO}) is dropped and the question asked again without it: the answer
 * then has no consultation number, but the customer's VAT ID is still checked.
 */
@ApplicationScoped
public class ViesClient implements VatIdRegistry {
    /** Looked up once: {@code Json.create…} finds the provider anew on every call, through the class path. */
    private static final JsonProvider JSON = JsonProvider.provider();
    private static final Logger LOG = Logger.getLogger(ViesClient.class.getName());
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
    static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(8);
    private static final String UNDISCLOSED = "---";
    private static final Set<String> INVALID_CODES = Set.of("INVALID_INPUT");

    private URI endpoint;
    private HttpClient http;
    private Duration answerTimeout;

    protected ViesClient() {
    }

    @Inject
    public ViesClient(Settings settings) {
        this(settings.viesUrl());
    }

    /** @param base the API's base, such as {@code https://ec.europa.eu/taxation_customs/vies/rest-api} */
    public ViesClient(URI base) {
        this(base, ANSWER_TIMEOUT);
    }

    /** @param answerTimeout how long an answer may take once connected */
    public ViesClient(URI base, Duration answerTimeout) {
        this.answerTimeout = answerTimeout;
        String b = base.toString();
        this.endpoint = URI.create((b.endsWith("/") ? b : b + "/") + "check-vat-number");
        this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public VatIdAnswer check(String vatId, String requesterVatId) {
        VatIdAnswer answer = ask(vatId, requesterVatId);
        if (requesterVatId != null && "INVALID_REQUESTER_INFO".equals(answer.error())) {
            LOG.warning(() -> "VIES refused the requester " + requesterVatId + "; asking without it");
            return ask(vatId, null);
        }
        return answer;
    }

    private VatIdAnswer ask(String vatId, String requesterVatId) {
        JsonObjectBuilder body = JSON.createObjectBuilder().add("countryCode", vatId.substring(0, 2))
                .add("vatNumber", vatId.substring(2));
        if (requesterVatId != null) {
            body.add("requesterMemberStateCode", requesterVatId.substring(0, 2))
                    .add("requesterNumber", requesterVatId.substring(2));
        }
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(answerTimeout)
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.build().toString(), StandardCharsets.UTF_8)).build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            return VatIdAnswer.unavailable("TIMEOUT");
        } catch (IOException e) {
            LOG.log(Level.FINE, "VIES unreachable", e);
            return VatIdAnswer.unavailable("UNREACHABLE");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return VatIdAnswer.unavailable("INTERRUPTED");
        }
        return read(response.statusCode(), response.body());
    }

    /** VIES's answer, given its status and body. */
    static VatIdAnswer read(int status, String body) {
        JsonObject json;
        try {
            JsonValue value = JSON.createReader(new StringReader(body == null ? "" : body)).readValue();
            json = value.getValueType() == JsonValue.ValueType.OBJECT ? value.asJsonObject() : null;
        } catch (JsonException | IllegalStateException e) {
            json = null;
        }
        String error = json == null ? null : errorCode(json);
        if (error != null) {
            return INVALID_CODES.contains(error) ? new VatIdAnswer(VatIdAnswer.Outcome.INVALID, null, null, null, error)
                    : VatIdAnswer.unavailable(error);
        }
        if (status != 200) {
            return VatIdAnswer.unavailable("HTTP_" + status);
        }
        JsonValue v = json == null ? null : json.get("valid");
        if (v == null || (v.getValueType() != JsonValue.ValueType.TRUE
                && v.getValueType() != JsonValue.ValueType.FALSE)) {
            return VatIdAnswer.unavailable("BAD_ANSWER");
        }
        boolean valid = v.getValueType() == JsonValue.ValueType.TRUE;
        return new VatIdAnswer(valid ? VatIdAnswer.Outcome.VALID : VatIdAnswer.Outcome.INVALID,
                text(json, "requestIdentifier", 64), text(json, "name", 400), text(json, "address", 1000), null);
    }

    /** The first error code of a failed action, or null when the action did not fail. */
    private static String errorCode(JsonObject json) {
        JsonValue succeeded = json.get("actionSucceed");
        boolean failed = succeeded != null && succeeded.getValueType() == JsonValue.ValueType.FALSE;
        if (!failed || !(json.get("errorWrappers") instanceof JsonArray wrappers) || wrappers.isEmpty()) {
            return failed ? "UNKNOWN_ERROR" : null;
        }
        JsonValue first = wrappers.get(0);
        String code = first.getValueType() == JsonValue.ValueType.OBJECT ? text(first.asJsonObject(), "error", 60)
                : null;
        return code == null ? "UNKNOWN_ERROR" : code;
    }

    private static String text(JsonObject json, String member, int max) {
        if (!(json.get(member) instanceof jakarta.json.JsonString s)) {
            return null;
        }
        String value = s.getString().strip();
        if (value.isEmpty() || value.equals(UNDISCLOSED)) {
            return null;
        }
        return value.length() > max ? value.substring(0, max) : value;
    }
}
