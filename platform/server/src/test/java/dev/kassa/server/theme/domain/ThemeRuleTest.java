package dev.kassa.server.theme.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kassa.api.theme.ThemeInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ThemeRuleTest {
    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

    private final ThemeCatalog catalog = ThemeCatalog.of(List.of(
            declared(ThemeInfo.base("english", "en")),
            declared(ThemeInfo.child("french", "english", "fr")),
            declared(ThemeInfo.child("acme", "french")),
            declared(ThemeInfo.child("canada", "french", "fr-CA")),
            declared(ThemeInfo.child("german", "english", "de"))));
    private final List<ThemeSetting> rows = new ArrayList<>();

    @Test
    void chainsRunFromTheThemeToItsBaseAndAChildWithoutLocalesSpeaksItsParents() {
        assertEquals(List.of("acme", "french", "english"), catalog.find("acme").orElseThrow().chain());
        assertEquals(List.of("fr"), catalog.find("acme").orElseThrow().locales());
        assertEquals(List.of("english"), catalog.find("english").orElseThrow().chain());
    }

    @Test
    void aThemeWhoseParentIsMissingOrLoopsIsLeftOut() {
        ThemeCatalog broken = ThemeCatalog.of(List.of(declared(ThemeInfo.base("english", "en")),
                declared(ThemeInfo.child("orphan", "gone", "fr")),
                declared(ThemeInfo.child("a", "b", "fr")), declared(ThemeInfo.child("b", "a", "fr"))));

        assertEquals(List.of("english"), broken.all().stream().map(ThemeCatalog.Entry::id).toList());
        assertEquals(false, broken.providesLocale("fr"));
    }

    @Test
    void aNewTenantHasTheBaseThemeForEveryCountryAndNothingElse() {
        Map<String, ThemeRule.Setting> inForce = ThemeRule.inForce(catalog, rows);

        assertEquals(new ThemeRule.Setting("english", true, List.of("*")), inForce.get("english"));
        assertEquals(new ThemeRule.Setting("french", false, List.of()), inForce.get("french"));
        assertEquals("english", choose("fr", "FR", "fr").theme().id(), "french is not enabled");
        assertEquals("en", choose("fr", "FR", "fr").locale());
    }

    @Test
    void theAccountsOwnLocaleWinsWhenAnEnabledThemeProvidesIt() {
        enable("french", "FR", "BE");

        ThemeRule.Choice german = choose("fr", "DE", "en");
        assertEquals("french", german.theme().id());
        assertEquals("fr", german.locale());
        assertEquals("english", choose("en", "FR", "fr").theme().id(), "the account chose English");
    }

    @Test
    void aLocaleFindsAThemeOfItsLanguageWhenNoneHasItExactly() {
        enable("french", "FR");

        ThemeRule.Choice quebec = choose("fr-CA", null, null);
        assertEquals("french", quebec.theme().id());
        assertEquals("fr", quebec.locale());
        enable("canada", "CA");
        assertEquals("canada", choose("fr-CA", null, null).theme().id());
        assertEquals("fr-CA", choose("fr-CA", null, null).locale());
    }

    @Test
    void withoutAnEnabledLocaleTheCountryDecidesANamedCountryBeforeAll() {
        enable("french", "FR", "BE", "LU", "CH", "CA");

        assertEquals("french", choose(null, "BE", "en").theme().id());
        assertEquals("english", choose(null, "DE", "fr").theme().id(), "english is on for every country");
        assertEquals("french", choose("de", "CH", "en").theme().id(), "no German theme is enabled");
    }

    @Test
    void withoutACountryMatchTheTenantsDefaultLocaleThenTheBaseTheme() {
        rows.add(new ThemeSetting("t", "english", true, List.of("GB"), NOW));
        enable("french", "FR");

        assertEquals("french", choose(null, "DE", "fr").theme().id());
        assertEquals("french", choose(null, null, "fr").theme().id(), "before sign-in");
        assertEquals("english", choose(null, "DE", "de").theme().id());
        rows.clear();
        rows.add(new ThemeSetting("t", "english", false, List.of("*"), NOW));
        assertEquals("english", choose("fr", "FR", "fr").theme().id(), "the last resort, even when off");
    }

    @Test
    void amongThemesOfOneLocaleTheMostSpecificWins() {
        enable("french", "FR");
        enable("acme", "FR", "BE");

        assertEquals("acme", choose("fr", "FR", "en").theme().id(), "the tenant's own child of french");
        assertEquals("acme", choose(null, "BE", "en").theme().id());
        assertEquals("english", choose(null, "DE", "en").theme().id());
    }

    @Test
    void aThemeNamingTheCountryBeatsOneOnForAllCountries() {
        enable("french", "FR");
        enable("acme", "*");

        assertEquals("french", choose("fr", "FR", "en").theme().id());
        assertEquals("french", choose(null, "FR", "en").theme().id());
        assertEquals("acme", choose(null, "DE", "en").theme().id(), "on for all, and more specific than english");
    }

    @Test
    void theSwitcherOffersOneEnabledThemePerLocale() {
        enable("french", "FR");
        enable("acme", "FR");
        enable("german", "DE");

        List<String> offered = ThemeRule.languages(catalog, ThemeRule.inForce(catalog, rows), "FR").stream()
                .map(ThemeCatalog.Entry::id).toList();
        assertEquals(List.of("german", "english", "acme"), offered, "by locale: de, en, fr");
    }

    @Test
    void theTenantsDefaultThemeComesBeforeItsDefaultLocaleButAfterTheCustomersOwn() {
        enable("french", "FR");
        var inForce = ThemeRule.inForce(catalog, rows);

        assertEquals("french", ThemeRule.choose(catalog, inForce, null, null, "french", "en").theme().id(),
                "a visitor");
        assertEquals("english", ThemeRule.choose(catalog, inForce, null, "DE", "french", "en").theme().id(),
                "english is on for every country until the tenant sets it: a rule that comes first");
        assertEquals("acme", ThemeRule.choose(catalog, inForce, null, null, "acme", "en").theme().id(),
                "named by the tenant even when not enabled");
        enable("english", "GB");
        var narrowed = ThemeRule.inForce(catalog, rows);
        assertEquals("fr", ThemeRule.choose(catalog, narrowed, null, "DE", "french", "en").locale(),
                "a country no theme is enabled for");
        assertEquals("english", ThemeRule.choose(catalog, narrowed, null, "DE", null, "en").theme().id(),
                "without a default theme, the default locale");
        assertEquals("english", ThemeRule.choose(catalog, inForce, "en", "FR", "french", "en").theme().id(),
                "the account's locale wins");
        assertEquals("french", ThemeRule.choose(catalog, inForce, null, "FR", "english", "en").theme().id(),
                "the country's theme wins");
        assertEquals("english", ThemeRule.choose(catalog, inForce, null, null, "klingon", "en").theme().id(),
                "an uninstalled default theme is passed over");
    }

    @Test
    void noThemeAtAllIsAnErrorNotAGuess() {
        ThemeCatalog none = ThemeCatalog.of(List.of());

        assertThrows(IllegalStateException.class, () -> ThemeRule.choose(none, Map.of(), "en", "DE", "en"));
    }

    private ThemeRule.Choice choose(String accountLocale, String country, String tenantLocale) {
        return ThemeRule.choose(catalog, ThemeRule.inForce(catalog, rows), accountLocale, country, tenantLocale);
    }

    private void enable(String theme, String... countries) {
        rows.add(new ThemeSetting("t", theme, true, List.of(countries), NOW));
    }

    private static ThemeCatalog.Declared declared(ThemeInfo info) {
        return new ThemeCatalog.Declared(info, info.id(), "1.0");
    }
}
