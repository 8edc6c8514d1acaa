package dev.kassa.server.theme.domain;

import java.util.List;
import java.util.Optional;

/** Tenants' settings of themes. Every method joins the caller's transaction. */
public interface ThemeSettingRepository {
    /** The tenant's settings of every theme it ever set, by theme id. */
    List<ThemeSetting> list(String tenantId);

    Optional<ThemeSetting> find(String tenantId, String themeId);

    void add(ThemeSetting setting);
}
