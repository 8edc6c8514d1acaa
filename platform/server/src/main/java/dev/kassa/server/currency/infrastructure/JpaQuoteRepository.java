package dev.kassa.server.currency.infrastructure;

import dev.kassa.server.currency.domain.Quote;
import dev.kassa.server.currency.domain.QuoteRepository;
import dev.kassa.server.db.TenantRows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Optional;

/** Quotes in {@code quotes}. */
@ApplicationScoped
public class JpaQuoteRepository implements QuoteRepository {
    private EntityManager em;

    protected JpaQuoteRepository() {
    }

    @Inject
    public JpaQuoteRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public void add(Quote quote) {
        em.persist(quote);
    }

    @Override
    public Optional<Quote> find(String tenantId, String id) {
        return TenantRows.find(em, Quote.class, tenantId, id);
    }
}
