package dev.kassa.server.theme.application;

import java.util.Locale;
import java.util.Map;

/** The template engine: turns a theme's template and a model into text. */
public interface Templates {

    /**
     * Renders a template of {@code themeId}, resolved through its chain within {@code themes}.
     *
     * @param template {@code sign-in} (an HTML page), {@code mail/invitation.txt}, {@code mail/invitation.html}
     * @param texts the messages {@code #{…}} shows
     * @param variables the model, with the renderer's own variables added
     * @throws IllegalArgumentException when no theme of the chain has the template
     */
    String render(InstalledThemes.Generation themes, String themeId, String template, Locale locale, Texts texts,
                  Map<String, Object> variables);
}
