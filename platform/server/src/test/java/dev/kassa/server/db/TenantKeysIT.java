package dev.kassa.server.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kassa.testkit.ApiResponse;
import dev.kassa.testkit.EmbeddedDatabase;
import dev.kassa.testkit.Json;
import dev.kassa.testkit.Kassa;
import dev.kassa.testkit.KassaExtension;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The tenant keys of changeset {@code tenant-keys-1} on PostgreSQL, with two tenants made through
 * the API: {@link TenantKeyChecks}, in a transaction of the test's own that is rolled back.
 */
@ExtendWith(KassaExtension.class)
class TenantKeysIT {

    @Test
    void invoicesAndDeliveriesPointOnlyAtTheirOwnTenantsRows(Kassa kassa, EmbeddedDatabase database)
            throws SQLException {
        TenantKeyChecks.Parents own = parents(kassa.newTenant());
        TenantKeyChecks.Parents other = parents(kassa.newTenant());
        try (Connection c = DriverManager.getConnection(database.url(KassaExtension.DATABASE), database.user(),
                database.password())) {
            c.setAutoCommit(false);
            try {
                TenantKeyChecks.check(c, own, other);
            } finally {
                c.rollback();
            }
        }
    }

    private static TenantKeyChecks.Parents parents(Kassa.Tenant tenant) {
        String account = tenant.newAccount("FR");
        ApiResponse payer = tenant.api().post("accounts/" + account + "/payers",
                Json.obj("type", "PERSON", "name", "Customer", "country", "FR"));
        assertEquals(201, payer.status(), payer::toString);
        ApiResponse endpoint = tenant.api().post("webhook-endpoints",
                Json.obj("url", "https://hooks.example.com/kassa", "events", List.of("*")));
        assertEquals(201, endpoint.status(), endpoint::toString);
        return new TenantKeyChecks.Parents(tenant.id(), account, payer.string("id"), endpoint.string("id"));
    }
}
