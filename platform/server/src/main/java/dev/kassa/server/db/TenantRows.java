package dev.kassa.server.db;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reading one tenant-owned row by its id: always scoped by the tenant, so another tenant's id is
 * simply not found. For entities with {@code id} and {@code tenantId} attributes.
 */
public final class TenantRows {
    /** Each entity's {@code tenantId} field or getter, found once through the metamodel. */
    private static final Map<Class<?>, Member> TENANT_MEMBERS = new ConcurrentHashMap<>();

    private TenantRows() {
    }

    /**
     * The row, by primary key: a row this transaction already read comes from its persistence
     * context without another query (a page reads the same account several times).
     */
    public static <T> Optional<T> find(EntityManager em, Class<T> type, String tenantId, String id) {
        if (id == null || tenantId == null) {
            return Optional.empty();
        }
        T found = em.find(type, id);
        return found != null && tenantId.equals(tenantOf(em, type, found)) ? Optional.of(found) : Optional.empty();
    }

    private static Object tenantOf(EntityManager em, Class<?> type, Object entity) {
        Member member = TENANT_MEMBERS.computeIfAbsent(type,
                t -> em.getMetamodel().entity(t).getAttribute("tenantId").getJavaMember());
        try {
            if (member instanceof Field field) {
                field.trySetAccessible();
                return field.get(entity);
            }
            Method getter = (Method) member;
            getter.trySetAccessible();
            return getter.invoke(entity);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read the tenant of a " + type.getSimpleName(), e);
        }
    }

    /** The row, locked ({@code SELECT … FOR UPDATE}) until the transaction ends. */
    public static <T> Optional<T> lock(EntityManager em, Class<T> type, String tenantId, String id) {
        return byId(em, type, tenantId, id).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst();
    }

    /**
     * The row a gateway's news is about, locked: by the gateway's reference for that method, else
     * by our own id the gateway echoed back (its metadata). For entities that also have
     * {@code method} and {@code gatewayReference}.
     */
    public static <T> Optional<T> lockForGateway(EntityManager em, Class<T> type, String tenantId, String method,
                                                 String gatewayReference, String id) {
        if (gatewayReference != null) {
            Optional<T> byReference = lockWhere(em, type, tenantId, method, "gatewayReference", gatewayReference);
            if (byReference.isPresent()) {
                return byReference;
            }
        }
        return id == null ? Optional.empty() : lockWhere(em, type, tenantId, method, "id", id);
    }

    private static <T> Optional<T> lockWhere(EntityManager em, Class<T> type, String tenantId, String method,
                                             String attribute, String value) {
        return em.createQuery("select x from " + type.getSimpleName() + " x where x.tenantId = :tenant"
                        + " and x.method = :method and x." + attribute + " = :value", type)
                .setParameter("tenant", tenantId).setParameter("method", method).setParameter("value", value)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst();
    }

    private static <T> TypedQuery<T> byId(EntityManager em, Class<T> type, String tenantId, String id) {
        return em.createQuery("select x from " + type.getSimpleName() + " x where x.id = :id and x.tenantId = :tenant",
                        type)
                .setParameter("id", id).setParameter("tenant", tenantId);
    }
}
