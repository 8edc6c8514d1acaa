package dev.kassa.server.clientarea.domain;

import java.util.List;
import java.util.Optional;

/** Tenants' client-area settings and host names. Every method joins the caller's transaction. */
public interface ClientAreaRepository {
    Optional<ClientAreaSetting> find(String tenantId);

    void add(ClientAreaSetting setting);

    /** The tenant's hosts, first first. */
    List<ClientAreaHost> hosts(String tenantId);

    /** Every tenant's hosts: few enough to hold in memory for the lookup by {@code Host} header. */
    List<ClientAreaHost> allHosts();

    /** The tenant that has the host, if any. */
    Optional<String> tenantOf(String host);

    /**
     * Replaces the tenant's hosts, written at once.
     *
     * @throws dev.kassa.server.shared.KassaException 409 {@code client_area.host_taken} when another tenant
     *         holds one of them, even one that took it in a transaction not yet visible to this one
     */
    void replaceHosts(String tenantId, List<String> hosts);
}
