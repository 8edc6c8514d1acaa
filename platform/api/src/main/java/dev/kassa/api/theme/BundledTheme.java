package dev.kassa.api.theme;

import java.net.URISyntaxException;
import java.net.URL;
import java.security.CodeSource;
import java.util.Optional;

/**
 * A theme whose files are inside its own plugin jar, under {@code theme/<id>/}: the usual way to
 * write one. A complete theme plugin is this class's subclass, marked {@code @Extension}, and the
 * files:
 *
 * <pre>{@code
 * @Extension
 * public class AcmeTheme extends BundledTheme {
 *     public AcmeTheme() {
 *         super(ThemeInfo.child("acme", "french"));
 *     }
 * }
 * }</pre>
 *
 * with, for example, {@code theme/acme/messages/fr.properties} holding the texts it changes and
 * {@code theme/acme/static/theme.css} replacing the parent's CSS.
 *
 * <p>Files are looked up in the jar (or classes directory) the subclass was loaded from, and only
 * there: a file of the same name elsewhere on the class path (in the platform, in another plugin)
 * is never answered as this theme's.
 */
public abstract class BundledTheme implements Theme {
    private final ThemeInfo info;
    private final String root;

    /** A theme described by {@code info}, with its files under {@code theme/<id>/} of its jar. */
    protected BundledTheme(ThemeInfo info) {
        this.info = info;
        this.root = "theme/" + info.id() + "/";
    }

    @Override
    public ThemeInfo info() {
        return info;
    }

    @Override
    public Optional<URL> resource(String path) {
        if (!isPlainPath(path)) {
            return Optional.empty();
        }
        ClassLoader loader = getClass().getClassLoader();
        URL url = loader == null ? null : loader.getResource(root + path);
        return url != null && isOwn(url) ? Optional.of(url) : Optional.empty();
    }

    /** Whether {@code url} lies in the jar or directory this class came from. */
    private boolean isOwn(URL url) {
        CodeSource source = getClass().getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return false;
        }
        try {
            String home = source.getLocation().toURI().toString();
            String found = url.toURI().toString();
            return found.startsWith("jar:" + home + "!/") || !home.endsWith(".jar") && found.startsWith(home);
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** Relative, forward slashes only, no empty, {@code .} or {@code ..} segment. */
    static boolean isPlainPath(String path) {
        if (path == null || path.isEmpty() || path.startsWith("/") || path.contains("\\")) {
            return false;
        }
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return false;
            }
        }
        return true;
    }
}
