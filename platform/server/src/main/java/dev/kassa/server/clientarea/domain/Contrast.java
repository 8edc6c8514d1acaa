package dev.kassa.server.clientarea.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** WCAG 2.2's contrast ratio of two {@code #rrggbb} colours, from their relative luminance. */
public final class Contrast {
    /** What WCAG 2.2 AA asks of normal text. */
    public static final double MINIMUM = 4.5;

    private Contrast() {
    }

    /** (L1 + 0.05) / (L2 + 0.05), the lighter colour's luminance over the darker's: 1 to 21. */
    public static double ratio(String a, String b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    /**
     * {@code "3.2:1"}: one decimal, cut rather than rounded, so that a ratio just under the minimum
     * never reads as the minimum.
     */
    public static String format(double ratio) {
        return BigDecimal.valueOf(ratio).setScale(1, RoundingMode.DOWN).toPlainString() + ":1";
    }

    static double luminance(String hex) {
        int rgb = Integer.parseInt(hex.substring(1), 16);
        return 0.2126 * channel((rgb >> 16) & 0xff) + 0.7152 * channel((rgb >> 8) & 0xff) + 0.0722 * channel(rgb & 0xff);
    }

    private static double channel(int value) {
        double c = value / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
}
