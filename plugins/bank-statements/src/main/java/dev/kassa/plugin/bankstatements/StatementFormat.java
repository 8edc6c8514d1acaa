package dev.kassa.plugin.bankstatements;

/** The kinds of statement file read. */
public enum StatementFormat {
    /** ISO 20022 bank-to-customer statement (end of day). */
    CAMT_053("camt.053"),
    /** ISO 20022 debit/credit notification (intraday). */
    CAMT_054("camt.054"),
    /** SWIFT customer statement. */
    MT940("mt940");

    private final String code;

    StatementFormat(String code) {
        this.code = code;
    }

    /** The name used in the API. */
    public String code() {
        return code;
    }
}
