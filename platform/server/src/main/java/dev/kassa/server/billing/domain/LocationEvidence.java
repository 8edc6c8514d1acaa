package dev.kassa.server.billing.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One piece of evidence of where a consumer is (Implementing Regulation 282/2011, article 24b):
 * what it is and the country it points to. An invoice keeps those it was decided with.
 */
public record LocationEvidence(Kind kind, String country) {
    public enum Kind {
        /** The country of the payer the invoice is addressed to. */
        PAYER_COUNTRY,
        /** The country of the payer's billing address. */
        BILLING_ADDRESS,
        /** The country of the customer account. */
        ACCOUNT_COUNTRY,
        /** The country of the card's issuer. */
        CARD_COUNTRY,
        /** The country of the bank account paid from. */
        BANK_COUNTRY
    }

    public LocationEvidence {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(country, "country");
    }

    /** As stored: {@code KIND:CC} pairs separated by commas. */
    public static String encode(List<LocationEvidence> evidence) {
        StringBuilder out = new StringBuilder();
        for (LocationEvidence e : evidence) {
            out.append(out.length() == 0 ? "" : ",").append(e.kind().name()).append(':').append(e.country());
        }
        return out.length() == 0 ? null : out.toString();
    }

    public static List<LocationEvidence> decode(String stored) {
        List<LocationEvidence> out = new ArrayList<>();
        if (stored == null || stored.isEmpty()) {
            return out;
        }
        for (String pair : stored.split(",")) {
            int colon = pair.indexOf(':');
            out.add(new LocationEvidence(Kind.valueOf(pair.substring(0, colon)), pair.substring(colon + 1)));
        }
        return out;
    }

    /** How many of the evidences point to {@code country}. */
    public static long agreeing(List<LocationEvidence> evidence, String country) {
        return evidence.stream().filter(e -> e.country().equals(country)).count();
    }
}
