package dev.kassa.api.theme;

import java.net.URL;
import java.util.Optional;
import org.pf4j.ExtensionPoint;

/**
 * A theme of the client area, contributed by a plugin ({@code @Extension} on the implementing
 * class). Most themes extend {@link BundledTheme}, which reads the theme's files from its own jar;
 * implement this interface directly only to find them elsewhere.
 *
 * <p>Implementations are stateless and thread-safe. The platform asks for each file once and
 * keeps what it parsed until the plugins are reloaded, so a theme must answer the same file for
 * the same path for as long as it is loaded.
 */
public interface Theme extends ExtensionPoint {

    /** What the theme is: its id, its parent and the locales it provides; called once when the plugin is loaded. */
    ThemeInfo info();

    /**
     * One of this theme's own files, by its path below the theme's root, such as
     * {@code templates/sign-in.html}, {@code messages/fr.properties} or {@code static/theme.css}
     * (the layout is described in the {@linkplain dev.kassa.api.theme package documentation}).
     *
     * <p>Answer only the theme's own files: a file this theme does not have is empty, and the
     * platform then asks the parent theme. A path that is not a plain relative path (empty, with a
     * leading slash, a backslash, an empty segment or a {@code .} or {@code ..} segment) finds
     * nothing.
     *
     * @return where the file can be read, or empty
     */
    Optional<URL> resource(String path);
}
