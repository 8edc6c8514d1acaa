package dev.kassa.server.clientarea.domain;

import dev.kassa.server.shared.KassaException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One host name a tenant's client area answers on. The host is the key: the database itself
 * keeps two tenants from holding the same one, even when both ask at the same moment.
 */
@Entity
@Table(name = "client_area_hosts")
public class ClientAreaHost {
    @Id
    private String host;
    @Column(name = "tenant_id")
    private String tenantId;
    /** The order the tenant gave; the first is where links in e-mails point. */
    @Column(name = "host_order")
    private int position;

    protected ClientAreaHost() {
    }

    /** @param host as {@link HostName#normalise} made it */
    public ClientAreaHost(String tenantId, String host, int position) {
        this.tenantId = tenantId;
        this.host = host;
        this.position = position;
    }

    public void moveTo(int position) {
        this.position = position;
    }

    public String host() {
        return host;
    }

    public String tenantId() {
        return tenantId;
    }

    public int position() {
        return position;
    }

    /** The refusal when a host belongs to another tenant; {@code host} null when the database said so. */
    public static KassaException taken(String host) {
        return KassaException.conflict("client_area.host_taken", "Host name taken",
                (host == null ? "A host name" : "The host name " + host)
                        + " belongs to another tenant's client area; a host name serves one tenant only.");
    }
}
