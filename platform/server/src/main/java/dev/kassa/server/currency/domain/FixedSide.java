package dev.kassa.server.currency.domain;

/** Which amount of a conversion the customer chose; the other one is calculated. */
public enum FixedSide {
    /** The customer fixes what they pay: {@code to = from × effective rate}. */
    FROM,
    /** The customer fixes what reaches the balance: {@code from = to ÷ effective rate}. */
    TO
}
