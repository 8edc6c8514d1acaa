package dev.kassa.plugin.bankstatements;

import org.pf4j.Plugin;

/**
 * The bank-statements plugin: it reads camt.053/camt.054 ({@link CamtStatementReader}) and MT940
 * ({@link Mt940StatementReader}) files. It has nothing to start or stop: its extensions are stateless.
 */
public class BankStatementsPlugin extends Plugin {
}
