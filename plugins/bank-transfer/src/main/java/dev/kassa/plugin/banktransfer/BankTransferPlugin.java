package dev.kassa.plugin.banktransfer;

import org.pf4j.Plugin;

/**
 * The bank-transfer plugin. It has nothing to start or stop: its only extension,
 * {@link BankTransferMethod}, is stateless.
 */
public class BankTransferPlugin extends Plugin {
}
