package dev.kassa.server.currency.domain;

import java.util.Optional;

/** Quotes, always within one tenant; never changed once added. Every method joins the caller's transaction. */
public interface QuoteRepository {
    void add(Quote quote);

    Optional<Quote> find(String tenantId, String id);
}
