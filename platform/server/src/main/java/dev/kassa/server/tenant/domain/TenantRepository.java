package dev.kassa.server.tenant.domain;

import dev.kassa.server.shared.KassaException;
import java.util.List;
import java.util.Optional;

/** Tenants. Every method joins the caller's transaction; {@link #findBySlug} makes one when there is none. */
public interface TenantRepository {
    Optional<Tenant> find(String id);

    /** The tenant, or 404 {@code not_found}. */
    default Tenant require(String id) {
        return find(id).orElseThrow(KassaException::notFound);
    }

    /** Locks the tenant row: used to serialise changes of tenant-wide settings. */
    Optional<Tenant> lock(String id);

    /** In a transaction of its own when called outside one (webhooks arrive without a request context). */
    Optional<Tenant> findBySlug(String slug);

    /** Tenants, newest first: {@code limit + 1} of them after the cursor {@code after} (or null). */
    List<Tenant> page(String after, int limit);

    /** Adds a tenant; its row is written at once, since rows of other contexts reference it. */
    void add(Tenant tenant);
}
