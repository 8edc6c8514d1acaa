package dev.kassa.server.clientarea.infrastructure;

import dev.kassa.server.clientarea.domain.ClientAreaHost;
import dev.kassa.server.clientarea.domain.ClientAreaRepository;
import dev.kassa.server.clientarea.domain.ClientAreaSetting;
import dev.kassa.server.db.SqlErrors;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Client-area settings in {@code client_area_settings}, host names in {@code client_area_hosts}. */
@ApplicationScoped
public class JpaClientAreaRepository implements ClientAreaRepository {
    private EntityManager em;

    protected JpaClientAreaRepository() {
    }

    @Inject
    public JpaClientAreaRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<ClientAreaSetting> find(String tenantId) {
        return Optional.ofNullable(em.find(ClientAreaSetting.class, tenantId));
    }

    @Override
    public void add(ClientAreaSetting setting) {
        em.persist(setting);
    }

    @Override
    public List<ClientAreaHost> hosts(String tenantId) {
        return em.createQuery("select h from ClientAreaHost h where h.tenantId = :tenant order by h.position, h.host",
                ClientAreaHost.class).setParameter("tenant", tenantId).getResultList();
    }

    @Override
    public List<ClientAreaHost> allHosts() {
        return em.createQuery("select h from ClientAreaHost h order by h.tenantId, h.position, h.host",
                ClientAreaHost.class).getResultList();
    }

    @Override
    public Optional<String> tenantOf(String host) {
        return Optional.ofNullable(em.find(ClientAreaHost.class, host)).map(ClientAreaHost::tenantId);
    }

    @Override
    public void replaceHosts(String tenantId, List<String> hosts) {
        Map<String, ClientAreaHost> current = hosts(tenantId).stream()
                .collect(Collectors.toMap(ClientAreaHost::host, Function.identity()));
        current.forEach((host, row) -> {
            if (!hosts.contains(host)) {
                em.remove(row);
            }
        });
        try {
            em.flush(); // the removals first: a host may move within the list
            for (int i = 0; i < hosts.size(); i++) {
                ClientAreaHost kept = current.get(hosts.get(i));
                if (kept != null) {
                    kept.moveTo(i);
                } else {
                    em.persist(new ClientAreaHost(tenantId, hosts.get(i), i));
                }
            }
            em.flush();
        } catch (PersistenceException e) {
            if (SqlErrors.isUniqueViolation(e)) {
                // Another tenant took one of the hosts a moment ago, in a transaction this one could not see.
                throw ClientAreaHost.taken(null);
            }
            throw e;
        }
    }
}
