package dev.kassa.server.db;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Makes the container-managed EntityManager injectable. The pooled data source itself is declared
 * in {@code WEB-INF/web.xml} as {@code java:app/jdbc/kassa}, backed by {@link KassaDataSource}.
 */
@ApplicationScoped
public class DataSourceConfig {
    @Produces
    @PersistenceContext(unitName = "kassa")
    private EntityManager entityManager;
}
