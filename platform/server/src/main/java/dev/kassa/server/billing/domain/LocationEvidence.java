package dev.kassa.server.billing.domain;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One piece of evidence of where a consumer is (Implementing Regulation 282/2011, article 24b):
 * what it is and the country it points to. An invoice keeps those it was decided with, and those
 * its payment brought (the address it was paid from in the client area).
 *
 * @param country the country it points to; null only for an {@link Kind#IP_ADDRESS} whose country
 *     is not known (Kassa ships no IP geolocation database)
 * @param ipAddress the address, for an {@link Kind#IP_ADDRESS}; else null
 */
public record LocationEvidence(Kind kind, String country, String ipAddress) {
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
        BANK_COUNTRY,
        /** The IP address the customer paid the invoice from, in the client area. */
        IP_ADDRESS
    }

    /** Whether the evidences support the country the VAT was decided on ({@link #assess}). */
    public enum Assessment {
        /** At least two independent evidences point to that country and none to another. */
        SUPPORTED,
        /** None points elsewhere, but fewer than two independent ones point to that country. */
        INSUFFICIENT,
        /** At least one evidence points to another country. */
        CONTRADICTED
    }

    /** The kinds that support the payer's country; the payer's country is the claim itself. */
    private static final Set<Kind> INDEPENDENT = EnumSet.of(Kind.BILLING_ADDRESS, Kind.ACCOUNT_COUNTRY,
            Kind.CARD_COUNTRY, Kind.BANK_COUNTRY, Kind.IP_ADDRESS);

    public LocationEvidence {
        Objects.requireNonNull(kind, "kind");
        if (kind == Kind.IP_ADDRESS) {
            Objects.requireNonNull(ipAddress, "ipAddress");
            if (ipAddress.contains(",") || ipAddress.length() > 64) {
                throw new IllegalArgumentException("not an IP address: " + ipAddress);
            }
        } else {
            Objects.requireNonNull(country, "country");
            if (ipAddress != null) {
                throw new IllegalArgumentException("only an IP_ADDRESS evidence has an address");
            }
        }
    }

    public LocationEvidence(Kind kind, String country) {
        this(kind, country, null);
    }

    /** An IP address whose country is not known. */
    public static LocationEvidence ipAddress(String address) {
        return new LocationEvidence(Kind.IP_ADDRESS, null, address);
    }

    /** The kind of evidence a saved method's country is: a bank account's for a bank debit, else a card issuer's. */
    public static Kind methodKind(String brand) {
        return brand != null && brand.endsWith("_debit") ? Kind.BANK_COUNTRY : Kind.CARD_COUNTRY;
    }

    /**
     * As stored: {@code KIND:CC} pairs separated by commas; an IP address is {@code IP_ADDRESS:address}
     * (or {@code IP_ADDRESS:address@CC} with a known country).
     */
    public static String encode(List<LocationEvidence> evidence) {
        StringBuilder out = new StringBuilder();
        for (LocationEvidence e : evidence) {
            out.append(out.length() == 0 ? "" : ",").append(e.kind().name()).append(':');
            if (e.kind() == Kind.IP_ADDRESS) {
                out.append(e.ipAddress()).append(e.country() == null ? "" : "@" + e.country());
            } else {
                out.append(e.country());
            }
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
            Kind kind = Kind.valueOf(pair.substring(0, colon));
            String value = pair.substring(colon + 1);
            if (kind == Kind.IP_ADDRESS) {
                int at = value.lastIndexOf('@');
                out.add(at < 0 ? ipAddress(value)
                        : new LocationEvidence(kind, value.substring(at + 1), value.substring(0, at)));
            } else {
                out.add(new LocationEvidence(kind, value));
            }
        }
        return out;
    }

    /** How many of the evidences point to {@code country}. */
    public static long agreeing(List<LocationEvidence> evidence, String country) {
        return evidence.stream().filter(e -> Objects.equals(e.country(), country)).count();
    }

    /**
     * Whether the evidences support {@code country} (the payer's, which decided the VAT): two
     * non-contradictory evidences, as article 24b(d) asks, counted among those independent of the
     * payer's declared country, one per kind, and none pointing to another country. An evidence with
     * no country (an IP address without geolocation) neither supports nor contradicts.
     */
    public static Assessment assess(List<LocationEvidence> evidence, String country) {
        Set<Kind> supporting = EnumSet.noneOf(Kind.class);
        for (LocationEvidence e : evidence) {
            if (e.country() == null) {
                continue;
            }
            if (!e.country().equals(country)) {
                return Assessment.CONTRADICTED;
            }
            if (INDEPENDENT.contains(e.kind())) {
                supporting.add(e.kind());
            }
        }
        return supporting.size() >= 2 ? Assessment.SUPPORTED : Assessment.INSUFFICIENT;
    }
}
