package dev.kassa.plugin.ecb;

import org.pf4j.Plugin;

/**
 * The ECB reference-rates plugin. It has nothing to start or stop: its only extension,
 * {@link EcbRateSource}, is stateless.
 */
public class EcbRatesPlugin extends Plugin {
}
