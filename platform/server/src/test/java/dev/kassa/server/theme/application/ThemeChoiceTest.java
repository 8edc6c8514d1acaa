package dev.kassa.server.theme.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The theme choice as pages and e-mails ask for it, with the shipped themes and a tenant's settings. */
class ThemeChoiceTest {
    @TempDir
    Path plugins;
    private Testbed bed;

    @BeforeEach
    void start() throws IOException {
        bed = Testbed.start(plugins);
    }

    @AfterEach
    void stop() {
        bed.close();
    }

    @Test
    void aFrenchCustomerOfATenantThatEnabledFrenchForFranceSeesFrench() {
        bed.service.configure("t1", "french", true, List.of("FR", "BE"));

        ChosenTheme chosen = bed.choice("en").forCustomer("t1", null, "FR");
        assertEquals("french", chosen.themeId());
        assertEquals("fr", chosen.locale());
        assertEquals(List.of(new ChosenTheme.Language("english", "en", "English", false),
                new ChosenTheme.Language("french", "fr", "Français", true)), chosen.languages());
        assertEquals("english", bed.choice("en").forCustomer("t1", null, "DE").themeId());
    }

    @Test
    void theCustomersSavedLocaleWinsFromThenOn() {
        bed.service.configure("t1", "french", true, List.of("FR"));

        assertEquals("english", bed.choice("fr").forCustomer("t1", "en", "FR").themeId());
        assertEquals("french", bed.choice("en").forCustomer("t1", "fr", "US").themeId());
        assertEquals("english", bed.choice("en").forCustomer("t2", "fr", "FR").themeId(),
                "another tenant never enabled french");
    }

    @Test
    void aVisitorGetsTheTenantsDefaultLocaleWhenAThemeProvidesIt() {
        bed.service.configure("t1", "french", true, List.of("FR"));

        assertEquals("french", bed.choice("fr").forVisitor("t1").themeId());
        assertEquals("english", bed.choice("de").forVisitor("t1").themeId());
    }

    @Test
    void anUnknownHostGetsTheBaseThemeWithNoTenantAndNoSwitcher() {
        ChosenTheme neutral = bed.choice("fr").neutral();

        assertEquals("english", neutral.themeId());
        assertNull(neutral.tenantId());
        assertEquals(List.of(), neutral.languages());
    }

    @Test
    void aTenantThatTurnedEnglishOffStillGetsItAsTheLastResortButNotInTheSwitcher() {
        bed.service.configure("t1", "english", false, List.of("*"));
        bed.service.configure("t1", "french", true, List.of("FR"));

        ChosenTheme german = bed.choice("de").forCustomer("t1", null, "DE");
        assertEquals("english", german.themeId());
        assertEquals(List.of("french"), german.languages().stream().map(ChosenTheme.Language::themeId).toList());
    }
}
