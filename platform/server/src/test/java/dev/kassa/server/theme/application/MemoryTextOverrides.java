package dev.kassa.server.theme.application;

import dev.kassa.server.theme.domain.TextOverride;
import dev.kassa.server.theme.domain.TextOverrideRepository;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Tenants' texts in memory, for tests without a database. */
final class MemoryTextOverrides implements TextOverrideRepository {
    private final List<TextOverride> rows = new ArrayList<>();

    @Override
    public List<TextOverride> list(String tenantId, String locale) {
        return rows.stream().filter(r -> r.tenantId().equals(tenantId) && r.locale().equals(locale))
                .sorted(Comparator.comparing(TextOverride::key)).toList();
    }

    @Override
    public Optional<TextOverride> find(String tenantId, String locale, String key) {
        return list(tenantId, locale).stream().filter(r -> r.key().equals(key)).findFirst();
    }

    @Override
    public void add(TextOverride text) {
        rows.add(text);
    }

    @Override
    public void remove(TextOverride text) {
        rows.remove(text);
    }
}
