package dev.kassa.server.shared;

/** An ISO 4217 currency: its alphabetic code and how many minor units it has (EUR 2, JPY 0, BHD 3). */
public record CurrencyUnit(String code, int minorUnits) {
    public CurrencyUnit {
        if (code == null || !code.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("not an ISO 4217 code: " + code);
        }
        if (minorUnits < 0 || minorUnits > 4) {
            throw new IllegalArgumentException("minor units out of range: " + minorUnits);
        }
    }

    @Override
    public String toString() {
        return code;
    }
}
