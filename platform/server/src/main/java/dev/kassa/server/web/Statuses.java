package dev.kassa.server.web;

import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * HTTP statuses with their standard reason phrases (RFC 9110, and RFC 6585 for 428, 429 and 431),
 * so that a status line reads {@code 422 Unprocessable Content}. Every status Kassa sets goes
 * through {@link #of}.
 *
 * <p>JAX-RS alone does not get the phrase onto the wire here: Jersey hands the servlet container
 * the bare code, and Payara's HTTP layer (Grizzly) looks the phrase up in its own table, which lacks
 * 422 and 429 (it writes {@code CUSTOM}) and still uses older names for 413, 414 and 416.
 * {@link #teachContainer} puts the standard phrases into that table once at start.
 */
public final class Statuses {
    private static final Logger LOG = Logger.getLogger(Statuses.class.getName());
    private static final String GRIZZLY_STATUS = "org.glassfish.grizzly.http.util.HttpStatus";

    private static final Map<Integer, String> PHRASES = Map.ofEntries(
            Map.entry(200, "OK"), Map.entry(201, "Created"), Map.entry(202, "Accepted"),
            Map.entry(204, "No Content"),
            Map.entry(400, "Bad Request"), Map.entry(401, "Unauthorized"), Map.entry(402, "Payment Required"),
            Map.entry(403, "Forbidden"), Map.entry(404, "Not Found"), Map.entry(405, "Method Not Allowed"),
            Map.entry(406, "Not Acceptable"), Map.entry(408, "Request Timeout"), Map.entry(409, "Conflict"),
            Map.entry(410, "Gone"), Map.entry(411, "Length Required"), Map.entry(412, "Precondition Failed"),
            Map.entry(413, "Content Too Large"), Map.entry(414, "URI Too Long"),
            Map.entry(415, "Unsupported Media Type"), Map.entry(416, "Range Not Satisfiable"),
            Map.entry(417, "Expectation Failed"), Map.entry(421, "Misdirected Request"),
            Map.entry(422, "Unprocessable Content"), Map.entry(426, "Upgrade Required"),
            Map.entry(428, "Precondition Required"), Map.entry(429, "Too Many Requests"),
            Map.entry(431, "Request Header Fields Too Large"),
            Map.entry(500, "Internal Server Error"), Map.entry(501, "Not Implemented"), Map.entry(502, "Bad Gateway"),
            Map.entry(503, "Service Unavailable"), Map.entry(504, "Gateway Timeout"));

    private Statuses() {
    }

    /** The status with its standard reason phrase; a code without one gets its class's name ("Client Error"). */
    public static Response.StatusType of(int code) {
        String phrase = PHRASES.get(code);
        if (phrase == null) {
            Response.Status.Family family = Response.Status.Family.familyOf(code);
            phrase = family == Response.Status.Family.CLIENT_ERROR ? "Client Error"
                    : family == Response.Status.Family.SERVER_ERROR ? "Server Error" : "Unknown";
        }
        String reasonPhrase = phrase;
        return new Response.StatusType() {
            @Override
            public int getStatusCode() {
                return code;
            }

            @Override
            public Response.Status.Family getFamily() {
                return Response.Status.Family.familyOf(code);
            }

            @Override
            public String getReasonPhrase() {
                return reasonPhrase;
            }

            @Override
            public String toString() {
                return code + " " + reasonPhrase;
            }
        };
    }

    /**
     * Puts the standard phrases into the table of the container's HTTP layer where it lacks them or
     * names them otherwise, so that every response (JAX-RS, servlets, error pages) carries them.
     * Grizzly has no public way to register a phrase, hence the reflection; should Grizzly change,
     * status lines keep its own phrases and nothing else is affected. Called once, at start.
     */
    static void teachContainer() {
        try {
            Class<?> type = Class.forName(GRIZZLY_STATUS, true, Statuses.class.getClassLoader());
            var table = type.getDeclaredField("statusMessages");
            table.setAccessible(true);
            @SuppressWarnings("unchecked")
            // A plain HashMap: a response written while it grows may get Grizzly's phrase, never a wrong code.
            Map<Integer, Object> statuses = (Map<Integer, Object>) table.get(null);
            var create = type.getMethod("newHttpStatus", int.class, String.class);
            var phraseOf = type.getMethod("getReasonPhrase");
            for (Map.Entry<Integer, String> standard : PHRASES.entrySet()) {
                Object known = statuses.get(standard.getKey());
                if (known == null || !standard.getValue().equals(phraseOf.invoke(known))) {
                    statuses.put(standard.getKey(), create.invoke(null, standard.getKey(), standard.getValue()));
                }
            }
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            LOG.log(Level.FINE, "Payara's HTTP layer keeps its own reason phrases", e);
        }
    }
}
