package dev.kassa.bankfiles;

/**
 * What a read found: the format (and for camt its version, such as {@code 001.08}), the account of
 * the first statement in the file and the number of entries handed on.
 */
public record StatementSummary(StatementFormat format, String version, String account, int entries) {
}
