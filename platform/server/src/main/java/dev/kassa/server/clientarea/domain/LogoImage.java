package dev.kassa.server.clientarea.domain;

import dev.kassa.server.shared.FieldError;
import dev.kassa.server.shared.KassaException;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A tenant's logo as stored: a PNG, or an SVG made inert by {@link SvgSanitizer}; at most 256 KB. */
public record LogoImage(byte[] bytes, String contentType) {
    public static final String PNG = "image/png";
    public static final String SVG = "image/svg+xml";
    public static final int MAX_BYTES = 256 * 1024;
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    /** {@code data:image/png;base64,…}, parameters such as {@code ;charset=utf-8} allowed before {@code ;base64}. */
    private static final Pattern DATA_URL = Pattern.compile("data:([a-z0-9.+/-]+)((?:;[a-z0-9-]+=[^;,]*)*);base64,(.*)",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    public LogoImage {
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /**
     * The logo in a data URL, checked and cleaned.
     *
     * @throws KassaException 422 {@code branding.logo_too_large} above {@value #MAX_BYTES} bytes,
     *         {@code branding.logo_unsupported} for anything but a base64 data URL of a real PNG or SVG
     */
    public static LogoImage fromDataUrl(String dataUrl) {
        Matcher m = DATA_URL.matcher(dataUrl);
        if (!m.matches()) {
            throw unsupported("must be a data URL: data:image/png;base64,… or data:image/svg+xml;base64,…");
        }
        String type = m.group(1).toLowerCase(Locale.ROOT);
        if (!type.equals(PNG) && !type.equals(SVG)) {
            throw unsupported("is " + type + "; a logo is a PNG or an SVG image");
        }
        String base64 = m.group(3).replaceAll("\\s", "");
        if (base64.length() / 4L * 3 - 2 > MAX_BYTES) {
            throw tooLarge();
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw unsupported("is not valid base64");
        }
        if (bytes.length > MAX_BYTES) {
            throw tooLarge();
        }
        if (type.equals(PNG)) {
            if (bytes.length < PNG_MAGIC.length || !Arrays.equals(bytes, 0, PNG_MAGIC.length, PNG_MAGIC, 0,
                    PNG_MAGIC.length)) {
                throw unsupported("says image/png but is not a PNG file");
            }
            return new LogoImage(bytes, PNG);
        }
        return fromSvg(bytes);
    }

    /** An SVG file as it is (from a tenant definition's directory), checked and cleaned like an upload. */
    public static LogoImage fromSvg(byte[] bytes) {
        if (bytes.length > MAX_BYTES) {
            throw tooLarge();
        }
        byte[] clean = SvgSanitizer.sanitise(bytes).orElseThrow(() -> unsupported(
                "is not a well-formed SVG document without a DOCTYPE (remove any <!DOCTYPE …> line)"));
        return new LogoImage(clean, SVG);
    }

    private static KassaException tooLarge() {
        return new KassaException(422, "branding.logo_too_large", "Logo too large",
                "The logo is larger than 256 KB; make it smaller (an SVG, or a PNG of at most 512 × 512 pixels).",
                List.of(new FieldError("logo", "too_large", "must be at most 256 KB")));
    }

    private static KassaException unsupported(String message) {
        return new KassaException(422, "branding.logo_unsupported", "Unsupported logo",
                "logo: " + message + ".", List.of(new FieldError("logo", "unsupported", message)));
    }
}
