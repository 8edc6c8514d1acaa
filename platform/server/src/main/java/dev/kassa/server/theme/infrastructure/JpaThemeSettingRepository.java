package dev.kassa.server.theme.infrastructure;

import dev.kassa.server.theme.domain.ThemeSetting;
import dev.kassa.server.theme.domain.ThemeSettingRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;

/** Theme settings in {@code theme_settings}. */
@ApplicationScoped
public class JpaThemeSettingRepository implements ThemeSettingRepository {
    private EntityManager em;

    protected JpaThemeSettingRepository() {
    }

    @Inject
    public JpaThemeSettingRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public List<ThemeSetting> list(String tenantId) {
        return em.createQuery("select s from ThemeSetting s where s.tenantId = :tenant order by s.themeId",
                ThemeSetting.class).setParameter("tenant", tenantId).getResultList();
    }

    @Override
    public Optional<ThemeSetting> find(String tenantId, String themeId) {
        return Optional.ofNullable(em.find(ThemeSetting.class, new ThemeSetting.Key(tenantId, themeId)));
    }

    @Override
    public void add(ThemeSetting setting) {
        em.persist(setting);
    }
}
