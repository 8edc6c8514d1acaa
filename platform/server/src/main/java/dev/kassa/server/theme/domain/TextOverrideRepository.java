package dev.kassa.server.theme.domain;

import java.util.List;
import java.util.Optional;

/** Tenants' own texts. Every method joins the caller's transaction. */
public interface TextOverrideRepository {
    /** The tenant's texts for {@code locale}, by key. */
    List<TextOverride> list(String tenantId, String locale);

    Optional<TextOverride> find(String tenantId, String locale, String key);

    void add(TextOverride text);

    void remove(TextOverride text);
}
