package dev.kassa.server.theme.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Renders the client area's pages and e-mails with a {@link ChosenTheme}: templates from the
 * theme's chain, texts from the tenant's overrides and then the chain's bundles, money and dates
 * for the theme's locale, every value HTML-escaped unless a template says otherwise.
 *
 * <p>Besides the caller's model, every template sees {@code lang} (the locale tag),
 * {@code themeAssets} (the path of the theme's static files, ending in {@code /}) and
 * {@code languages} (the language switcher's entries); {@code #format} writes money and dates;
 * {@code #texts.forCode(prefix, code, fallback)} says a code (a gateway's decline code) in the
 * theme's words when it has some for it.
 * A model may set {@code timeZone} (a {@link java.time.ZoneId}) for the dates; UTC otherwise.
 * Parsed templates are kept per theme until the plugins are reloaded.
 */
@ApplicationScoped
public class ThemeRenderer {
    /** Where the theme's {@code static/} files are served: {@code /theme-assets/<theme id>/<file>}. */
    public static final String ASSETS_PATH = "/theme-assets/";

    private static final Pattern PAGE = Pattern.compile("[a-z0-9-]+(/[a-z0-9-]+)*");

    private InstalledThemes themes;
    private Templates templates;
    private TextService texts;

    protected ThemeRenderer() {
    }

    @Inject
    public ThemeRenderer(InstalledThemes themes, Templates templates, TextService texts) {
        this.themes = themes;
        this.templates = templates;
        this.texts = texts;
    }

    /** An e-mail as the theme writes it: its subject (one line), plain text and HTML. */
    public record RenderedMail(String subject, String text, String html) { }

    /**
     * A page: {@code templates/<page>.html} of the theme's chain.
     *
     * @param page such as {@code sign-in} or {@code not-found}
     */
    public String render(ChosenTheme theme, String page, Map<String, ?> model) {
        requireName(page);
        Texts texts = texts(theme);
        return themes.read(generation -> templates.render(generation, theme.themeId(), page, theme.javaLocale(), texts,
                variables(theme, model)));
    }

    /**
     * An e-mail: {@code templates/mail/<mail>.subject.txt}, {@code .txt} and {@code .html} of the
     * theme's chain; the HTML also sees the rendered {@code subject}.
     *
     * @param mail such as {@code invitation}, {@code top-up-paid}
     */
    public RenderedMail renderMail(ChosenTheme theme, String mail, Map<String, ?> model) {
        requireName(mail);
        Texts texts = texts(theme);
        Map<String, Object> variables = variables(theme, model);
        return themes.read(generation -> {
            String subject = templates.render(generation, theme.themeId(), "mail/" + mail + ".subject.txt",
                    theme.javaLocale(), texts, variables).strip().replaceAll("\\s+", " ");
            String text = templates.render(generation, theme.themeId(), "mail/" + mail + ".txt", theme.javaLocale(),
                    texts, variables);
            variables.put("subject", subject);
            String html = templates.render(generation, theme.themeId(), "mail/" + mail + ".html", theme.javaLocale(),
                    texts, variables);
            return new RenderedMail(subject, text, html);
        });
    }

    /** A static file of the theme's chain ({@code static/<path>}), such as {@code theme.css}. */
    public Optional<byte[]> asset(String themeId, String path) {
        return themes.read(generation -> generation.file(themeId, "static/" + path));
    }

    /** The texts the theme shows in its language, the tenant's own first (for words written outside a template). */
    public Texts texts(ChosenTheme theme) {
        Map<String, String> overrides = theme.tenantId() == null ? Map.of()
                : texts.shown(theme.tenantId(), theme.locale());
        return themes.read(generation -> new Texts(overrides, generation.texts(theme.themeId(), theme.locale())));
    }

    private static Map<String, Object> variables(ChosenTheme theme, Map<String, ?> model) {
        Map<String, Object> variables = new HashMap<>(model);
        variables.put("lang", theme.locale());
        variables.put("themeAssets", ASSETS_PATH + theme.themeId() + "/");
        variables.put("languages", theme.languages());
        return variables;
    }

    private static void requireName(String name) {
        if (name == null || !PAGE.matcher(name).matches()) {
            throw new IllegalArgumentException("not a template name: " + name);
        }
    }
}
