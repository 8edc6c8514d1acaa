package dev.kassa.server.idempotency;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import jakarta.persistence.EntityManager;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The claim rules of {@link IdempotencyStore}, over a stand-in EntityManager holding rows in memory. */
class IdempotencyStoreTest {
    private final Map<IdempotencyRecord.Key, IdempotencyRecord> rows = new HashMap<>();
    private final IdempotencyStore store = new IdempotencyStore(entityManager(),
            Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"), ZoneOffset.UTC));

    @Test
    void aRetryAfterAFailureIsStillComparedWithTheFirstRequest() {
        assertInstanceOf(IdempotencyStore.Claim.Claimed.class, store.claim("ten_a", "k1", "amount-10"));
        store.release("ten_a", "k1"); // the work answered 5xx, or its commit failed

        assertInstanceOf(IdempotencyStore.Claim.Mismatch.class, store.claim("ten_a", "k1", "amount-99"));
        assertInstanceOf(IdempotencyStore.Claim.Claimed.class, store.claim("ten_a", "k1", "amount-10"));
    }

    @Test
    void aReleasedClaimCanBeRetriedAtOnceButAClaimInProgressCannot() {
        store.claim("ten_a", "k1", "h");
        assertInstanceOf(IdempotencyStore.Claim.InProgress.class, store.claim("ten_a", "k1", "h"));
        store.release("ten_a", "k1");
        assertInstanceOf(IdempotencyStore.Claim.Claimed.class, store.claim("ten_a", "k1", "h"));
    }

    @Test
    void aCompletedKeyReplaysAndReleaseLeavesItAlone() {
        store.claim("ten_a", "k1", "h");
        store.complete("ten_a", "k1", 201, "application/json", "{}");
        store.release("ten_a", "k1");
        assertInstanceOf(IdempotencyStore.Claim.Replay.class, store.claim("ten_a", "k1", "h"));
        assertInstanceOf(IdempotencyStore.Claim.Mismatch.class, store.claim("ten_a", "k1", "other"));
    }

    @Test
    void keysOfOneCallerNeverMeetAnothers() {
        store.claim("ten_a", "k1", "h");
        assertInstanceOf(IdempotencyStore.Claim.Claimed.class, store.claim("ten_b", "k1", "other"));
    }

    private static String field(IdempotencyRecord record, String name) throws ReflectiveOperationException {
        var field = IdempotencyRecord.class.getDeclaredField(name);
        field.setAccessible(true);
        return (String) field.get(record);
    }

    private EntityManager entityManager() {
        return (EntityManager) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {EntityManager.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "find" -> rows.get((IdempotencyRecord.Key) args[1]);
                    case "persist" -> {
                        IdempotencyRecord r = (IdempotencyRecord) args[0];
                        rows.put(new IdempotencyRecord.Key(field(r, "scope"), field(r, "idemKey")), r);
                        yield null;
                    }
                    case "flush" -> null;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
