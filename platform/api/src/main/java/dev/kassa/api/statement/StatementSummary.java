package dev.kassa.api.statement;

/**
 * What a read found: the format (and for camt its version, such as {@code 001.08}), the account of
 * the first statement in the file and the number of entries handed on.
 *
 * @param format the name of the file's format as the API shows it and the platform stores it, such as
 *     {@code camt.053}, {@code camt.054} or {@code mt940}: lower case, at most 16 characters
 * @param version the format's version as the file declares it, null when the format has none
 * @param account the account of the file's first statement, as in {@link StatementEntry#account()}
 * @param entries how many entries were handed to the sink
 */
public record StatementSummary(String format, String version, String account, int entries) {
}
