package dev.kassa.server.theme.application;

import dev.kassa.server.theme.domain.ThemeSetting;
import dev.kassa.server.theme.domain.ThemeSettingRepository;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Theme settings in memory, for tests without a database. */
final class MemoryThemeSettings implements ThemeSettingRepository {
    private final List<ThemeSetting> rows = new ArrayList<>();

    @Override
    public List<ThemeSetting> list(String tenantId) {
        return rows.stream().filter(r -> r.tenantId().equals(tenantId))
                .sorted(Comparator.comparing(ThemeSetting::themeId)).toList();
    }

    @Override
    public Optional<ThemeSetting> find(String tenantId, String themeId) {
        return rows.stream().filter(r -> r.tenantId().equals(tenantId) && r.themeId().equals(themeId)).findFirst();
    }

    @Override
    public void add(ThemeSetting setting) {
        rows.add(setting);
    }
}
