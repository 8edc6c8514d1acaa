package dev.kassa.server.idempotency;

import dev.kassa.server.web.Caller;
import dev.kassa.server.web.Problems;
import dev.kassa.server.web.ShownOnce;
import dev.kassa.server.web.Statuses;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.spi.JsonProvider;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Makes every POST with an {@code Idempotency-Key} happen at most once per caller and key.
 *
 * <p>The key is claimed in a transaction of its own; then a transaction is opened around the
 * resource method (whose {@code @Transactional} services join it) and the response is stored in
 * that same transaction before it commits. So a replayed response always belongs to work that
 * committed, and work that rolled back leaves no response behind.
 */
@Provider
@Priority(Priorities.USER + 1000)
@ApplicationScoped
public class IdempotencyFilter implements ContainerRequestFilter, ContainerResponseFilter {
    public static final String HEADER = "Idempotency-Key";
    private static final Logger LOG = Logger.getLogger(IdempotencyFilter.class.getName());
    /** Looked up once: {@code Json.create…} finds the provider anew on every call, through the class path. */
    private static final JsonProvider JSON = JsonProvider.provider();
    private static volatile TransactionManager manager;
    private static final String CLAIM = IdempotencyFilter.class.getName() + ".claim";

    private record ClaimedKey(String scope, String key) { }

    private Caller caller;
    private IdempotencyStore store;
    private Jsonb jsonb;

    protected IdempotencyFilter() {
    }

    @Inject
    public IdempotencyFilter(Caller caller, IdempotencyStore store) {
        this.caller = caller;
        this.store = store;
        this.jsonb = dev.kassa.server.web.JsonbProvider.shared();
    }

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        String key = request.getHeaderString(HEADER);
        if (key == null || !"POST".equals(request.getMethod())) {
            return;
        }
        if (key.isEmpty() || key.length() > 255 || !key.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            request.abortWith(Problems.response(422, "idempotency.key_invalid", "Invalid Idempotency-Key",
                    "The Idempotency-Key header must be 1 to 255 printable ASCII characters."));
            return;
        }
        byte[] body = request.hasEntity() ? request.getEntityStream().readAllBytes() : new byte[0];
        request.setEntityStream(new ByteArrayInputStream(body));
        String fingerprint = RequestFingerprint.of(request.getMethod(), request.getUriInfo().getPath(),
                request.getUriInfo().getRequestUri().getRawQuery(), body);
        String scope = callerScope();
        IdempotencyStore.Claim claim;
        try {
            claim = store.claim(scope, key, fingerprint);
        } catch (IdempotencyStore.ConcurrentClaimException e) {
            claim = new IdempotencyStore.Claim.InProgress();
        }
        if (claim instanceof IdempotencyStore.Claim.Replay replay) {
            request.abortWith(Response.status(Statuses.of(replay.status())).type(replay.type()).entity(replay.body())
                    .header("Idempotent-Replayed", "true").build());
        } else if (claim instanceof IdempotencyStore.Claim.Mismatch) {
            request.abortWith(Problems.response(422, "idempotency.key_reused", "Idempotency-Key reused",
                    "This Idempotency-Key was already used with a different request."));
        } else if (claim instanceof IdempotencyStore.Claim.InProgress) {
            request.abortWith(Problems.response(409, "idempotency.in_progress", "Request in progress",
                    "A request with this Idempotency-Key is still being processed; retry shortly."));
        } else {
            begin();
            request.setProperty(CLAIM, new ClaimedKey(scope, key));
            caller.claimedIdempotencyKey(key);
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(request.getProperty(CLAIM) instanceof ClaimedKey claimed)) {
            return;
        }
        request.removeProperty(CLAIM);
        TransactionManager tx = transactionManager();
        int status = response.getStatus();
        try {
            if (status >= 500) {
                rollbackQuietly(tx);
                store.release(claimed.scope(), claimed.key());
                return;
            }
            Object entity = response.getEntity();
            String body = serialize(entity);
            String kept = entity instanceof ShownOnce secret ? withoutSecret(body, secret) : body;
            MediaType type = response.getMediaType() == null ? MediaType.APPLICATION_JSON_TYPE : response.getMediaType();
            response.setEntity(body, null, type);
            if (tx.getStatus() == Status.STATUS_ACTIVE) {
                store.complete(claimed.scope(), claimed.key(), status, type.toString(), kept);
                tx.commit();
            } else {
                // The work was refused (a 4xx that rolled back): nothing happened, remember the answer.
                rollbackQuietly(tx);
                store.completeAlone(claimed.scope(), claimed.key(), status, type.toString(), kept);
            }
        } catch (Exception e) {
            LOG.log(Level.WARNING, "Commit of an idempotent request failed", e);
            rollbackQuietly(tx);
            store.release(claimed.scope(), claimed.key());
            Response problem = Problems.response(409, "request.conflict", "Concurrent update",
                    "Another request changed the same data at the same time; nothing was changed. Retry.");
            response.setStatusInfo(Statuses.of(409));
            response.setEntity(serialize(problem.getEntity()), null, Problems.PROBLEM_JSON);
        }
    }

    private String callerScope() {
        return caller.isOperator() ? "operator" : caller.tenantId();
    }

    /** The answer to keep for replays: the secret member set to null, with a notice beside it. */
    private static String withoutSecret(String body, ShownOnce secret) {
        JsonObjectBuilder kept = JSON.createObjectBuilder();
        try (JsonReader reader = JSON.createReader(new StringReader(body))) {
            reader.readObject().forEach((name, value) -> kept.add(name,
                    name.equals(secret.secretMember()) ? JsonValue.NULL : value));
        }
        return kept.add(secret.secretMember() + "Notice", secret.replayNotice()).build().toString();
    }

    private String serialize(Object entity) {
        if (entity == null) {
            return "";
        }
        if (entity instanceof String text) {
            return text;
        }
        return jsonb.toJson(entity);
    }

    private void begin() {
        try {
            transactionManager().begin();
        } catch (Exception e) {
            throw new IllegalStateException("cannot open a transaction", e);
        }
    }

    private static void rollbackQuietly(TransactionManager tx) {
        try {
            if (tx.getStatus() != Status.STATUS_NO_TRANSACTION) {
                tx.rollback();
            }
        } catch (SystemException | RuntimeException e) {
            LOG.log(Level.FINE, "rollback failed", e);
        }
    }

    /**
     * The server's transaction manager, not {@code UserTransaction}: Payara's {@code @Transactional}
     * interceptor keeps the "inside a transactional method" mark of the invocation in a field shared
     * by every thread calling the same bean, so a request can be left marked by a billing-run thread
     * that called the same service at the same moment, and {@code UserTransaction} then refuses to
     * begin or commit ("Operation not allowed"). The manager does not check that mark (as
     * {@code ReadingTransaction} in the client area found before).
     */
    private static TransactionManager transactionManager() {
        TransactionManager known = manager;
        if (known != null) {
            return known;
        }
        try {
            known = (TransactionManager) new InitialContext().lookup("java:appserver/TransactionManager");
            manager = known;
            return known;
        } catch (NamingException e) {
            throw new IllegalStateException(e);
        }
    }
}
