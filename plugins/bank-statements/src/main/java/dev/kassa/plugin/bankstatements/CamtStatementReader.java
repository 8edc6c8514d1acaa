package dev.kassa.plugin.bankstatements;

import dev.kassa.api.statement.StatementEntry;
import dev.kassa.api.statement.StatementReader;
import dev.kassa.api.statement.StatementSummary;
import java.io.InputStream;
import java.util.function.Consumer;
import org.pf4j.Extension;

/**
 * ISO 20022 camt.053 (statements) and camt.054 (notifications), every version .001.02–.001.13,
 * read by {@link CamtReader}. It recognises an XML document naming a camt namespace in its first
 * bytes, in whichever version, so that a version not read is refused as such.
 */
@Extension
public class CamtStatementReader implements StatementReader {
    @Override
    public String id() {
        return "camt";
    }

    @Override
    public boolean recognises(byte[] head) {
        String start = StatementHeads.start(head);
        return start.startsWith("<") && start.contains("urn:iso:std:iso:20022:tech:xsd:camt.05");
    }

    @Override
    public StatementSummary read(InputStream in, Consumer<StatementEntry> sink) {
        return new CamtReader().read(in, sink);
    }
}
