package dev.kassa.server.ledger.domain;

/** What a journal transaction records. */
public enum TransactionType {
    /** A top-up was paid and credited to its account. */
    TOP_UP,
    /** Money arrived quoting an account's own reference and went straight to that account. */
    BANK_TRANSFER,
    /** Money arrived that no reference matched; it waits in the unallocated account. */
    UNMATCHED_RECEIPT,
    /** Unallocated money was assigned to an account. */
    ASSIGNMENT,
    /** The balance paid for something. */
    CHARGE,
    /** A manual correction by the tenant. */
    ADJUSTMENT,
    /** Unused funds debited for a refund to the original payment method. */
    REFUND,
    /** A refund that failed: the funds are back on the balance. */
    REFUND_REVERSAL,
    /** A refund was confirmed sent: the money left the clearing account. */
    REFUND_SENT,
    /** A credit note gave back what the balance paid for a credited invoice. */
    CREDIT_NOTE,
    /**
     * A gateway took back a payment that had been credited (a chargeback, a PayPal reversal): the
     * only posting that may take a balance below zero.
     */
    REVERSAL
}
