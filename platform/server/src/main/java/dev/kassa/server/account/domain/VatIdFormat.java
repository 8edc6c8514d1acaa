package dev.kassa.server.account.domain;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * VAT identification number syntax per country (EU VIES formats, plus GB, CH and NO). Only the
 * shape is checked; whether the number is registered is a question for VIES, not for syntax.
 */
public final class VatIdFormat {
    /** Country code to the pattern of the part after the prefix. Greece's prefix is EL. */
    private static final Map<String, String> FORMATS = Map.ofEntries(
            Map.entry("AT", "U[0-9]{8}"),
            Map.entry("BE", "[01][0-9]{9}"),
            Map.entry("BG", "[0-9]{9,10}"),
            Map.entry("CY", "[0-9]{8}[A-Z]"),
            Map.entry("CZ", "[0-9]{8,10}"),
            Map.entry("DE", "[0-9]{9}"),
            Map.entry("DK", "[0-9]{8}"),
            Map.entry("EE", "[0-9]{9}"),
            Map.entry("GR", "[0-9]{9}"),
            Map.entry("ES", "[0-9A-Z][0-9]{7}[0-9A-Z]"),
            Map.entry("FI", "[0-9]{8}"),
            Map.entry("FR", "[0-9A-HJ-NP-Z]{2}[0-9]{9}"),
            Map.entry("HR", "[0-9]{11}"),
            Map.entry("HU", "[0-9]{8}"),
            Map.entry("IE", "[0-9][0-9A-Z+*][0-9]{5}[A-Z]{1,2}"),
            Map.entry("IT", "[0-9]{11}"),
            Map.entry("LT", "([0-9]{9}|[0-9]{12})"),
            Map.entry("LU", "[0-9]{8}"),
            Map.entry("LV", "[0-9]{11}"),
            Map.entry("MT", "[0-9]{8}"),
            Map.entry("NL", "[0-9]{9}B[0-9]{2}"),
            Map.entry("PL", "[0-9]{10}"),
            Map.entry("PT", "[0-9]{9}"),
            Map.entry("RO", "[1-9][0-9]{1,9}"),
            Map.entry("SE", "[0-9]{10}01"),
            Map.entry("SI", "[0-9]{8}"),
            Map.entry("SK", "[0-9]{10}"),
            Map.entry("GB", "([0-9]{9}|[0-9]{12}|GD[0-4][0-9]{2}|HA[5-9][0-9]{2})"),
            Map.entry("XI", "([0-9]{9}|[0-9]{12}|GD[0-4][0-9]{2}|HA[5-9][0-9]{2})"),
            Map.entry("CH", "E[0-9]{9}(MWST|TVA|IVA)?"),
            Map.entry("NO", "[0-9]{9}(MVA)?"));

    private static final Map<String, Pattern> COMPILED = compile();

    /** The prefixes VIES knows: the EU member states (Greece EL) and Northern Ireland (XI). */
    private static final Set<String> VIES_PREFIXES = Set.of("AT", "BE", "BG", "CY", "CZ", "DE",
            "DK", "EE", "EL", "ES", "FI", "FR", "HR", "HU", "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO",
            "SE", "SI", "SK", "XI");

    private VatIdFormat() {
    }

    /** Upper case without spaces, dots or dashes, as VAT ids are compared. */
    public static String normalise(String vatId) {
        return vatId.toUpperCase(Locale.ROOT).replaceAll("[\\s.\\-]", "");
    }

    /**
     * Whether a normalised VAT id has the shape of the country's numbers, with the country prefix
     * ({@code DE123456789}, Greece {@code EL...}). Countries without a known format accept 2 to 15
     * letters and digits.
     */
    public static boolean matches(String country, String normalised) {
        Pattern pattern = COMPILED.get(country);
        if (pattern == null) {
            return normalised.matches("[A-Z0-9]{2,15}");
        }
        return pattern.matcher(normalised).matches();
    }

    /** Whether VIES can check this normalised VAT id: its prefix is a member state's or Northern Ireland's. */
    public static boolean inVies(String normalised) {
        return normalised != null && normalised.length() > 2 && VIES_PREFIXES.contains(normalised.substring(0, 2));
    }

    private static Map<String, Pattern> compile() {
        Map<String, Pattern> out = new java.util.HashMap<>();
        FORMATS.forEach((country, body) -> {
            String prefix = switch (country) {
                case "GR" -> "EL";
                case "CH" -> "CHE";
                default -> country;
            };
            String rest = country.equals("CH") ? body.substring(1) : body;
            out.put(country, Pattern.compile(prefix + rest));
        });
        return Map.copyOf(out);
    }
}
