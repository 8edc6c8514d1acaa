/**
 * Readers of bank statement files as {@link dev.kassa.api.statement.StatementReader}s: ISO 20022
 * camt.053/camt.054 by StAX on element local names, SWIFT MT940 with Prowide's {@code Field61}
 * (pw-swift-core, shaded into the plugin jar).
 */
package dev.kassa.plugin.bankstatements;
