package dev.kassa.server.web;

import dev.kassa.server.shared.KassaException;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads every JSON request body of the API in place of the JSON-P provider, and refuses with 400
 * {@code request.malformed} what no request needs before it becomes a tree of values: nesting
 * deeper than {@value #MAX_DEPTH} levels, a string (member names too) longer than
 * {@value #MAX_STRING_CHARS} characters (no field takes more than 2,000; a field's own limit stays a
 * 422 {@code too_long} naming it; a {@code data:} URL, the one way a file is uploaded in JSON, may
 * hold up to {@value #MAX_DATA_URL_CHARS}: a 256 KB file in base64), and numbers with more than 18 digits before or after the point or
 * an exponent of more than 3 digits, so that no {@code BigDecimal} is built of them. How many bytes
 * are read at all is {@link BodyLimitFilter}'s business.
 *
 * <p>An interceptor rather than a reader: Jersey picks among readers of one type by media type and
 * registration order, and the JSON-P provider's reader declares {@code application/json} as well.
 * An interceptor that answers without proceeding is used whichever reader would have been.
 */
@Provider
public class JsonBodyReader implements ReaderInterceptor {
    /**
     * Looked up once: each static {@code jakarta.json.Json} call looks the provider up again through the
     * class loaders ({@code ServiceLoader}), which cost a third of a request's CPU on the JSON API.
     */
    private static final JsonProvider JSON = JsonProvider.provider();
    static final int MAX_DEPTH = 64;
    static final int MAX_STRING_CHARS = 10_000;
    /** A 256 KB file in base64 (349,528 characters) with its {@code data:…;base64,} prefix. */
    static final int MAX_DATA_URL_CHARS = 350_000;
    private static final Pattern NUMBER = Pattern.compile("-?[0-9]{1,18}(\\.[0-9]{1,18})?([eE][+-]?[0-9]{1,3})?");
    private static final JsonParserFactory PARSERS = JSON.createParserFactory(Map.of());

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        if (!isJson(context.getMediaType())) {
            return context.proceed();
        }
        if (JsonRequest.class.isAssignableFrom(context.getType())) {
            return RequestBinder.bind(read(context.getInputStream(), JsonValue.class),
                    context.getType().asSubclass(JsonRequest.class));
        }
        if (!JsonValue.class.isAssignableFrom(context.getType())) {
            return context.proceed();
        }
        return read(context.getInputStream(), context.getType());
    }

    /**
     * A body the client may leave out: null when it sent none (or only white space), else bound and
     * checked as any {@link JsonRequest}. For a resource that takes the raw {@link InputStream}.
     */
    public static <T extends JsonRequest> T optional(InputStream entity, Class<T> type) throws IOException {
        byte[] bytes = entity == null ? new byte[0] : entity.readAllBytes(); // bounded by BodyLimitFilter
        if (new String(bytes, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
            return null;
        }
        return RequestBinder.bind(read(new java.io.ByteArrayInputStream(bytes), JsonValue.class), type);
    }

    static boolean isJson(MediaType type) {
        return type != null && (type.getSubtype().equals("json") || type.getSubtype().endsWith("+json"));
    }

    /** A body of {@code type} (a {@link JsonValue} type), within the limits. */
    static JsonValue read(InputStream entity, Class<?> type) throws IOException {
        PushbackInputStream in = new PushbackInputStream(entity, 1);
        int first = in.read();
        if (first < 0) {
            throw KassaException.malformed("The request body is empty; send a JSON object.");
        }
        in.unread(first);
        JsonValue value;
        try (JsonParser parser = PARSERS.createParser(in)) {
            value = read(parser);
        } catch (KassaException | JsonException e) {
            throw e; // JsonException may carry the stream's BodyTooLargeException; ProblemMapper looks
        } catch (RuntimeException e) {
            // Whatever else the parser throws on a client's bytes (say, NoSuchElementException at an
            // early end), the body is at fault, not the server.
            throw KassaException.malformed("The request body is not valid JSON.");
        }
        if (!type.isInstance(value)) {
            throw KassaException.malformed("The request body is not of the expected JSON type.");
        }
        return value;
    }

    /** One JSON text from {@code parser}, within the limits; nothing may follow it. */
    static JsonValue read(JsonParser parser) {
        JsonValue value = value(parser, parser.next(), 0);
        if (parser.hasNext()) {
            throw KassaException.malformed("The request body holds more than one JSON value.");
        }
        return value;
    }

    private static JsonValue value(JsonParser parser, JsonParser.Event event, int depth) {
        return switch (event) {
            case START_OBJECT -> object(parser, depth + 1);
            case START_ARRAY -> array(parser, depth + 1);
            case VALUE_STRING -> JSON.createValue(string(parser));
            case VALUE_NUMBER -> number(parser);
            case VALUE_TRUE -> JsonValue.TRUE;
            case VALUE_FALSE -> JsonValue.FALSE;
            case VALUE_NULL -> JsonValue.NULL;
            default -> throw KassaException.malformed("The request body is not valid JSON.");
        };
    }

    private static JsonValue object(JsonParser parser, int depth) {
        requireDepth(depth);
        JsonObjectBuilder object = JSON.createObjectBuilder();
        for (JsonParser.Event event = parser.next(); event != JsonParser.Event.END_OBJECT; event = parser.next()) {
            String name = string(parser); // the parser gives only KEY_NAME here
            object.add(name, value(parser, parser.next(), depth));
        }
        return object.build();
    }

    private static JsonValue array(JsonParser parser, int depth) {
        requireDepth(depth);
        JsonArrayBuilder array = JSON.createArrayBuilder();
        for (JsonParser.Event event = parser.next(); event != JsonParser.Event.END_ARRAY; event = parser.next()) {
            array.add(value(parser, event, depth));
        }
        return array.build();
    }

    private static void requireDepth(int depth) {
        if (depth > MAX_DEPTH) {
            throw KassaException.malformed("The request body is nested deeper than " + MAX_DEPTH + " levels.");
        }
    }

    private static String string(JsonParser parser) {
        String text = parser.getString();
        if (text.length() > MAX_STRING_CHARS && (text.length() > MAX_DATA_URL_CHARS || !text.startsWith("data:"))) {
            throw KassaException.malformed("The request body holds a string longer than " + MAX_STRING_CHARS
                    + " characters; no field takes that many.");
        }
        return text;
    }

    private static JsonValue number(JsonParser parser) {
        // The token's text, before the parser makes a BigDecimal of it.
        if (!NUMBER.matcher(parser.getString()).matches()) {
            throw KassaException.malformed("The request body holds a number with more than 18 digits before or"
                    + " after the point, or an exponent of more than 3 digits.");
        }
        return parser.getValue();
    }
}
