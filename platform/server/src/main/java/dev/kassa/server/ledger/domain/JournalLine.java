package dev.kassa.server.ledger.domain;

/** An entry on a ledger account together with the transaction it belongs to. */
public record JournalLine(JournalEntry entry, JournalTransaction transaction) { }
