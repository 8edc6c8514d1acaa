package dev.kassa.server.account.domain;

/** Where the check of a payer's VAT ID with VIES stands. */
public enum VatIdCheckStatus {
    /** VIES said the VAT ID is valid. */
    VALID,
    /** VIES said the VAT ID is not valid (not registered for intra-EU trade). */
    INVALID,
    /** Not answered yet: VIES was not asked yet or could not answer; it is asked again later. */
    PENDING
}
