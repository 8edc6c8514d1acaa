package dev.kassa.server.account.domain;

/**
 * The register VAT IDs are checked against: the European Commission's VIES. Called outside any
 * database transaction; it answers within a few seconds, and an outage is an answer
 * ({@link VatIdAnswer.Outcome#UNAVAILABLE}), never an exception.
 */
public interface VatIdRegistry {
    /**
     * @param vatId the VAT ID with its two-letter prefix ({@code DE123456789}, Greece {@code EL...})
     * @param requesterVatId the VAT ID of whoever asks (the tenant), with its prefix, or null; with it
     *     VIES gives a consultation number
     */
    VatIdAnswer check(String vatId, String requesterVatId);
}
