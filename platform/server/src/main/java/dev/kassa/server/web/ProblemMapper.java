package dev.kassa.server.web;

import dev.kassa.server.shared.KassaException;
import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import jakarta.transaction.RollbackException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns every exception into a problem document. Client mistakes keep their stable code; anything
 * unexpected is logged with an id and answered without a trace of internals.
 */
@Provider
public class ProblemMapper implements ExceptionMapper<Throwable> {
    private static final Logger LOG = Logger.getLogger(ProblemMapper.class.getName());

    @Override
    public Response toResponse(Throwable error) {
        // First: a parser or the idempotency filter may wrap it in anything.
        BodyTooLargeException tooLarge = find(error, BodyTooLargeException.class);
        if (tooLarge != null) {
            return Problems.response(tooLarge.problem());
        }
        KassaException domain = find(error, KassaException.class);
        if (domain != null) {
            return Problems.response(domain);
        }
        if (find(error, JsonException.class) != null || find(error, JsonbException.class) != null
                || find(error, ProcessingException.class) != null) {
            return Problems.response(400, "request.malformed", "Malformed request",
                    "The request body is not valid JSON of the expected shape.");
        }
        if (error instanceof NotFoundException) {
            return Problems.response(404, "not_found", "Not found", "No such resource.");
        }
        if (error instanceof NotAllowedException) {
            return Problems.response(405, "request.method_not_allowed", "Method not allowed",
                    "This resource does not support that HTTP method.");
        }
        if (error instanceof NotSupportedException) {
            return Problems.response(415, "request.unsupported_media_type", "Unsupported media type",
                    "Send JSON with Content-Type: application/json.");
        }
        if (error instanceof NotAcceptableException) {
            return Problems.response(406, "request.not_acceptable", "Not acceptable",
                    "This resource answers application/json.");
        }
        if (error instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
            int status = web.getResponse().getStatus();
            return Problems.response(status, status == 400 ? "request.malformed" : "request.rejected",
                    Statuses.of(status).getReasonPhrase(), "The request was rejected.");
        }
        if (find(error, OptimisticLockException.class) != null || find(error, PessimisticLockException.class) != null
                || find(error, RollbackException.class) != null) {
            return Problems.response(409, "request.conflict", "Concurrent update",
                    "Another request changed the same data at the same time; nothing was changed. Retry.");
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unexpected error, incident " + incident, error);
        return Problems.response(500, "internal", "Internal error",
                "Something went wrong on our side; nothing was changed. Incident " + incident + ".");
    }

    private static <T extends Throwable> T find(Throwable error, Class<T> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
