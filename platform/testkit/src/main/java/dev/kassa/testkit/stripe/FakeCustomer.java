package dev.kassa.testkit.stripe;

import java.util.Map;

/** A Customer the fake created. Immutable. */
record FakeCustomer(String id, String owner, String name, String email, Map<String, String> metadata, long created) {
    FakeCustomer {
        metadata = Map.copyOf(metadata);
    }
}
