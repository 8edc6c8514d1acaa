package dev.kassa.testkit;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Holds every exchange of the API to its OpenAPI document ({@code openapi.yaml}): the operation must
 * be documented, the answer's status must be one the operation lists, its body must fit the schema
 * of that status and media type (a problem's {@code code} included), and a request body that the
 * server accepted (2xx) must fit the operation's request schema. A request the server refused may
 * break its schema: tests send such requests on purpose.
 *
 * <p>{@link ApiClient} calls it for every answer when the system property {@value #PROPERTY} names
 * the document, and fails the test with an {@link AssertionError} naming the operation, the status
 * and what did not fit.
 */
public final class OpenApiTraffic {
    /** The system property naming the document; the server's failsafe configuration sets it. */
    public static final String PROPERTY = "kassa.openapi";
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch", "head", "options");
    private static final Map<String, OpenApiTraffic> LOADED = new ConcurrentHashMap<>();
    /** A stand-in base for the document, so that its {@code #/components/...} references resolve in it. */
    private static final String BASE = "https://kassa.dev/openapi.yaml";

    private final List<Operation> operations = new ArrayList<>();
    /** The first segments of the document's paths ({@code /api}, {@code /webhooks}): what it speaks for. */
    private final java.util.Set<String> scope = new java.util.HashSet<>();
    private final JsonNode document;
    private final SchemaRegistry schemas;
    private final Map<String, Schema> compiled = new ConcurrentHashMap<>();

    /** An operation of the document: the template as a pattern, and where its schemas are. */
    private record Operation(String method, String template, Pattern path, String id, JsonNode node, String pointer) {
        String name() {
            return id + " (" + method.toUpperCase(Locale.ROOT) + " " + template + ")";
        }
    }

    private OpenApiTraffic(String yaml) {
        document = YAMLMapper.builder().build().readTree(yaml);
        schemas = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi30(),
                builder -> builder.schemas(Map.of(BASE, yaml)));
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            scope.add(firstSegment(path.getKey()));
            Pattern pattern = Pattern.compile(path.getKey().replaceAll("\\{[^/}]+}", "[^/]+").replace(".", "\\."));
            for (String method : METHODS) {
                JsonNode operation = path.getValue().get(method);
                if (operation != null) {
                    operations.add(new Operation(method, path.getKey(), pattern, operation.path("operationId").asString(),
                            operation, "/paths/" + escape(path.getKey()) + "/" + method));
                }
            }
        }
    }

    /** The document the system property {@value #PROPERTY} names, or empty when it is not set. */
    public static Optional<OpenApiTraffic> fromSystemProperty() {
        String file = System.getProperty(PROPERTY);
        if (file == null || file.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(LOADED.computeIfAbsent(file, f -> {
            try {
                return new OpenApiTraffic(Files.readString(Path.of(f)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the OpenAPI document " + f, e);
            }
        }));
    }

    public static OpenApiTraffic of(String yaml) {
        return new OpenApiTraffic(yaml);
    }

    /** One exchange, as it went over the wire. {@code requestBody} is null without a body. */
    public record Exchange(String method, String rawPath, String requestContentType, byte[] requestBody, int status,
                           String responseContentType, String responseBody) { }

    /**
     * Every way {@code exchange} departs from the document; empty when it fits. An answer to a path
     * and method the document does not name is fine as long as it is a refusal (4xx): tests knock on
     * doors that do not exist. Paths outside the document's (such as {@code /health}) are not its
     * business.
     */
    public List<String> violations(Exchange exchange) {
        if (!scope.contains(firstSegment(exchange.rawPath()))) {
            return List.of();
        }
        String method = exchange.method().toLowerCase(Locale.ROOT);
        Operation operation = operations.stream()
                .filter(o -> o.method().equals(method) && o.path().matcher(exchange.rawPath()).matches())
                .findFirst().orElse(null);
        if (operation == null) {
            return exchange.status() >= 400 && exchange.status() < 500 ? List.of()
                    : List.of(exchange.method() + " " + exchange.rawPath() + " answered " + exchange.status()
                            + ", but the document has no such operation");
        }
        List<String> out = new ArrayList<>();
        JsonNode response = operation.node().path("responses").get(Integer.toString(exchange.status()));
        if (response == null) {
            out.add(operation.name() + ": status " + exchange.status() + " is not documented; the answer was "
                    + abbreviate(exchange.responseBody()));
        } else {
            checkResponse(operation, exchange, response, out);
        }
        if (exchange.status() >= 200 && exchange.status() < 300) {
            checkRequest(operation, exchange, out);
        }
        return out;
    }

    /** Throws an {@link AssertionError} listing every violation of {@code exchange}, if any. */
    public void check(Exchange exchange) {
        List<String> found = violations(exchange);
        if (!found.isEmpty()) {
            throw new AssertionError("The exchange does not fit the OpenAPI document:\n  "
                    + String.join("\n  ", found));
        }
    }

    private void checkResponse(Operation operation, Exchange exchange, JsonNode response, List<String> out) {
        String where = operation.name() + " answered " + exchange.status();
        String at = operation.pointer() + "/responses/" + exchange.status();
        if (response.has("$ref")) { // a shared answer, such as #/components/responses/NotFound
            at = response.get("$ref").asString().substring(1);
            response = document.at(at);
        }
        JsonNode content = response.get("content");
        boolean hasBody = exchange.responseBody() != null && !exchange.responseBody().isEmpty();
        if (content == null || content.isEmpty()) {
            if (hasBody) {
                out.add(where + " with a body, but the document gives that status none: "
                        + abbreviate(exchange.responseBody()));
            }
            return;
        }
        String type = mediaType(exchange.responseContentType());
        if (!content.has(type)) {
            out.add(where + " as '" + exchange.responseContentType() + "', but the document lists "
                    + names(content) + " for it");
            return;
        }
        if (!hasBody) {
            out.add(where + " without a body, but the document gives it " + type);
            return;
        }
        if (!type.endsWith("json")) {
            return; // a binary body (a PDF): its media type is all the document says of it
        }
        validate(where, at + "/content/" + escape(type), exchange.responseBody(), out);
    }

    private void checkRequest(Operation operation, Exchange exchange, List<String> out) {
        JsonNode content = operation.node().path("requestBody").path("content");
        String type = mediaType(exchange.requestContentType());
        if (!content.has(type) || !type.endsWith("json")) {
            return; // no JSON body documented (or another type, such as XML): nothing to hold it to
        }
        String where = operation.name() + " accepted a request (" + exchange.status() + ")";
        byte[] body = exchange.requestBody();
        if (body == null || body.length == 0) {
            if (operation.node().path("requestBody").path("required").asBoolean(false)) {
                out.add(where + " without a body, but the document requires one");
            }
            return;
        }
        String text;
        // Read as the server reads it (JSON-P): it takes what JSON allows and stricter parsers refuse,
        // such as an escaped lone surrogate in a member name it then ignores.
        try (JsonReader reader = Json.createReader(new ByteArrayInputStream(body))) {
            text = reader.readValue().toString();
        } catch (JsonException | java.util.NoSuchElementException e) {
            out.add(where + " whose body is not JSON: " + e.getMessage());
            return;
        }
        validate(where + " whose body", pointer(operation, "requestBody", "content", type), text, out);
    }

    private void validate(String where, String pointer, String json, List<String> out) {
        Schema schema = compiled.computeIfAbsent(pointer,
                p -> schemas.getSchema(SchemaLocation.of(BASE + "#" + p + "/schema")));
        List<Error> errors;
        try {
            errors = schema.validate(json, com.networknt.schema.InputFormat.JSON);
        } catch (RuntimeException e) {
            out.add(where + " is not JSON: " + abbreviate(json));
            return;
        }
        if (!errors.isEmpty()) {
            out.add(where + " does not fit its schema: "
                    + errors.stream().map(Error::toString).distinct().limit(10).collect(Collectors.joining("; "))
                    + "\n    body: " + abbreviate(json));
        }
    }

    private static String pointer(Operation operation, String... steps) {
        StringBuilder out = new StringBuilder(operation.pointer());
        for (String step : steps) {
            out.append('/').append(escape(step));
        }
        return out.toString();
    }

    /** A JSON pointer step, made safe for a URI fragment as well. */
    private static String escape(String step) {
        String escaped = step.replace("~", "~0").replace("/", "~1");
        StringBuilder out = new StringBuilder();
        for (char c : escaped.toCharArray()) {
            if (Character.isLetterOrDigit(c) || "-._~".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", (int) c));
            }
        }
        return out.toString();
    }

    private static String firstSegment(String path) {
        int end = path.indexOf('/', 1);
        return end < 0 ? path : path.substring(0, end);
    }

    private static String mediaType(String contentType) {
        return contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    }

    private static String names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.propertyNames().forEach(names::add);
        return names.toString();
    }

    private static String abbreviate(String text) {
        if (text == null) {
            return "(none)";
        }
        return text.length() > 600 ? text.substring(0, 600) + "…(" + text.length() + " chars)" : text;
    }
}
