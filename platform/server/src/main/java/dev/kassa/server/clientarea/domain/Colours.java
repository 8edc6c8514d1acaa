package dev.kassa.server.clientarea.domain;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A tenant's four brand colours, each {@code #rrggbb} in lower case. The defaults are the base
 * theme's own, which keep text on background and primary on background above 4.5:1.
 */
public record Colours(String primary, String accent, String background, String text) {
    private static final Pattern HEX = Pattern.compile("#[0-9a-fA-F]{6}");

    /** The base theme's palette: blue, teal, white, near-black. */
    public static final Colours DEFAULT = new Colours("#1d4ed8", "#0f766e", "#ffffff", "#1f2937");

    public Colours {
        primary = checked("primary", primary);
        accent = checked("accent", accent);
        background = checked("background", background);
        text = checked("text", text);
    }

    /** Whether the value is {@code #rrggbb}: nothing else may reach a style sheet. */
    public static boolean isColour(String value) {
        return value != null && HEX.matcher(value).matches();
    }

    /** Text on the background. */
    public double textContrast() {
        return Contrast.ratio(text, background);
    }

    /** The primary colour (buttons, links) on the background. */
    public double primaryContrast() {
        return Contrast.ratio(primary, background);
    }

    private static String checked(String name, String value) {
        if (!isColour(value)) {
            throw new IllegalArgumentException(name + " is not a #rrggbb colour");
        }
        return value.toLowerCase(Locale.ROOT);
    }
}
