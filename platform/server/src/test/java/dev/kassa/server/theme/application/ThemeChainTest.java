package dev.kassa.server.theme.application;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kassa.server.theme.ThemeJars;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tenant's child of french that changes one template and one text: that template and that text
 * come from it, everything else from french, then english; the tenant's own texts come before any
 * theme's; and a reload of the plugins shows a new version of the child at once.
 */
class ThemeChainTest {
    private static final String NOT_FOUND = """
            <!DOCTYPE html>
            <html lang="en" th:replace="~{layout :: page(~{::title}, ~{::content})}">
            <head><title th:text="#{notFound.title}">x</title></head>
            <body><th:block th:fragment="content"><p class="acme">%s</p></th:block></body>
            </html>
            """;

    @TempDir
    Path plugins;
    @TempDir
    Path work;
    private Testbed bed;

    @BeforeEach
    void install() throws IOException {
        Files.copy(acme("Acme a perdu cette page", "1.0.0"), plugins.resolve("acme.jar"));
        bed = Testbed.start(plugins);
    }

    @AfterEach
    void stop() {
        bed.close();
    }

    @Test
    void theChildsTemplateAndTextWinAndEverythingElseFallsBack() {
        ChosenTheme acme = bed.theme("t1", "acme");
        assertEquals("fr", acme.locale(), "a child without locales speaks its parent's");

        String signIn = bed.render(acme, "sign-in", ShippedThemesTest.pageModel());
        assertTrue(signIn.contains(">Bienvenue chez Acme<"), "the child's text: " + signIn);
        assertTrue(signIn.contains(">Adresse e-mail<"), "french's text");
        assertTrue(signIn.contains("data-test=\"sign-in-email\""), "english's template");
        String notFound = bed.render(acme, "not-found", Map.of());
        assertTrue(notFound.contains("<p class=\"acme\">Acme a perdu cette page</p>"), "the child's template");
        assertTrue(notFound.contains("<title>Page introuvable</title>"), "french's text in it: " + notFound);
        assertTrue(notFound.contains("href=\"/theme-assets/acme/theme.css\""), "english's layout");

        String french = bed.render(bed.theme("t1", "french"), "sign-in", ShippedThemesTest.pageModel());
        assertTrue(french.contains(">Connexion<"), "french itself is unchanged: " + french);
        assertFalse(bed.render(bed.theme("t1", "french"), "not-found", Map.of()).contains("acme"));
    }

    @Test
    void aTenantsOwnTextComesBeforeAnyThemesAndOnlyForThatTenant() {
        bed.texts.update("t1", "fr", Map.of("signIn.heading", "Chez nous", "signIn.submit", "Entrer"));

        String mine = bed.render(bed.theme("t1", "acme"), "sign-in", ShippedThemesTest.pageModel());
        String theirs = bed.render(bed.theme("t2", "acme"), "sign-in", ShippedThemesTest.pageModel());
        assertTrue(mine.contains(">Chez nous<") && mine.contains(">Entrer<"), mine);
        assertTrue(theirs.contains(">Bienvenue chez Acme<") && theirs.contains(">Se connecter<"), theirs);
        String english = bed.render(bed.theme("t1", "english"), "sign-in", ShippedThemesTest.pageModel());
        assertTrue(english.contains(">Sign in<"), "texts are per locale: " + english);
    }

    @Test
    void staticFilesComeThroughTheChainToo() {
        byte[] css = bed.renderer.asset("acme", "theme.css").orElseThrow();

        assertArrayEquals(bed.renderer.asset("english", "theme.css").orElseThrow(), css);
        assertTrue(bed.renderer.asset("acme", "missing.css").isEmpty());
        assertTrue(bed.renderer.asset("acme", "../english/static/theme.css").isEmpty());
        assertTrue(bed.renderer.asset("nobody", "theme.css").isEmpty());
    }

    @Test
    void aReloadShowsTheNewVersionOfATheme() throws IOException {
        assertTrue(bed.render(bed.theme("t1", "acme"), "not-found", Map.of()).contains("Acme a perdu cette page"));

        Files.copy(acme("Acme v2 a perdu cette page", "2.0.0"), plugins.resolve("acme.jar"),
                StandardCopyOption.REPLACE_EXISTING);
        bed.registry.reload();

        assertTrue(bed.render(bed.theme("t1", "acme"), "not-found", Map.of()).contains("Acme v2 a perdu cette page"));
        assertEquals("2.0.0", bed.themes.catalog().find("acme").orElseThrow().pluginVersion());
        Files.delete(plugins.resolve("acme.jar"));
        bed.registry.reload();
        assertEquals(List.of("english", "french"), bed.themes.catalog().all().stream()
                .map(t -> t.id()).toList());
    }

    private Path acme(String notFound, String version) throws IOException {
        return ThemeJars.child(work, "acme", "french", version, Map.of(
                "templates/not-found.html", NOT_FOUND.formatted(notFound),
                "messages/fr.properties", "signIn.heading=Bienvenue chez Acme\n"));
    }
}
