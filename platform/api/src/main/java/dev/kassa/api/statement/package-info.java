/**
 * Bank statement files: a {@link dev.kassa.api.statement.StatementReader} plugin recognises a file
 * format by its first bytes and reads a file of it, streamed, into
 * {@link dev.kassa.api.statement.StatementEntry} records, one per booked movement, and a
 * {@link dev.kassa.api.statement.StatementSummary}. Matching the entries to top-ups and invoices,
 * deduplicating them and crediting them are the platform's business.
 */
package dev.kassa.api.statement;
