package dev.kassa.testkit.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Full-page PNG screenshots, the whole document and not only the viewport, taken with Chrome DevTools'
 * {@code Page.captureScreenshot}. They go to {@code target/screenshots/} of the module whose tests run
 * ({@code -Dkassa.screenshots=} elsewhere).
 */
public final class Screenshots {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*(/[A-Za-z0-9][A-Za-z0-9._-]*)*");

    private Screenshots() {
    }

    /** Where screenshots go: {@code target/screenshots}, relative to the module's directory. */
    public static Path directory() {
        return Path.of(System.getProperty("kassa.screenshots", "target/screenshots"));
    }

    /**
     * Saves the current page as {@code target/screenshots/<name>.png} and returns the file; {@code name}
     * may have folders ({@code "fr/top-up"}), made of letters, digits, '.', '_' and '-'.
     */
    public static Path take(Browser browser, String name) {
        if (!NAME.matcher(name).matches() || name.contains("..")) {
            throw new IllegalArgumentException("Screenshot names are letters, digits, '.', '_', '-' and '/': " + name);
        }
        return take(browser, directory().resolve(name + ".png"));
    }

    /** Saves the current page, whole, as a PNG at {@code file}. */
    public static Path take(Browser browser, Path file) {
        Map<String, Object> metrics = browser.cdp("Page.getLayoutMetrics", Map.of());
        @SuppressWarnings("unchecked")
        Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
        double width = Math.max(1, number(size.get("width")));
        double height = Math.max(1, number(size.get("height")));
        Map<String, Object> shot = browser.cdp("Page.captureScreenshot", Map.of(
                "format", "png",
                "captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
        byte[] png = Base64.getDecoder().decode((String) shot.get("data"));
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            return Files.write(file, png);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not save the screenshot " + file, e);
        }
    }

    private static double number(Object value) {
        return ((Number) value).doubleValue();
    }
}
