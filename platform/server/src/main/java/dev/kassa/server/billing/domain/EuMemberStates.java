package dev.kassa.server.billing.domain;

import java.util.Set;

/**
 * The 27 member states of the European Union by their ISO 3166 code (Greece {@code GR}, although
 * its VAT numbers start with {@code EL}). The United Kingdom left on 31 January 2020 and its
 * transition ended with 2020, so {@code GB} is outside.
 */
public final class EuMemberStates {
    private static final Set<String> MEMBERS = Set.of("AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI",
            "FR", "GR", "HR", "HU", "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK");

    private EuMemberStates() {
    }

    public static boolean contains(String country) {
        return country != null && MEMBERS.contains(country);
    }

    /** The prefix of the country's VAT numbers: the country code, except Greece's {@code EL}. */
    public static String vatPrefix(String country) {
        return "GR".equals(country) ? "EL" : country;
    }
}
