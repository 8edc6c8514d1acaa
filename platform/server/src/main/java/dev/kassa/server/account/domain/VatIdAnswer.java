package dev.kassa.server.account.domain;

import java.util.Objects;

/**
 * What VIES said about one VAT ID. {@code UNAVAILABLE} is an outage (no answer, a timeout, a 5xx, a
 * member state's service down, too many requests): it never means the VAT ID is invalid, and
 * {@code error} then names what happened ({@code MS_UNAVAILABLE}, {@code TIMEOUT}, {@code HTTP_503},
 * ...). {@code consultationNumber} is VIES's {@code requestIdentifier}, given when the check named a
 * requester; {@code name} and {@code address} are what the member state discloses, or null.
 */
public record VatIdAnswer(Outcome outcome, String consultationNumber, String name, String address, String error) {
    public enum Outcome { VALID, INVALID, UNAVAILABLE }

    public VatIdAnswer {
        Objects.requireNonNull(outcome, "outcome");
    }

    public static VatIdAnswer unavailable(String error) {
        return new VatIdAnswer(Outcome.UNAVAILABLE, null, null, null, error);
    }
}
