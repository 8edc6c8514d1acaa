package dev.kassa.testkit.bench;

import dev.kassa.api.statement.StatementReader;
import dev.kassa.api.statement.StatementSummary;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.pf4j.DefaultPluginManager;
import org.pf4j.PluginManager;

/**
 * How a large camt.053 reads: writes a generated statement of the given size (50 MB by default;
 * entries with RF references, batches split by transaction, debits) to a temporary file, then reads
 * it with the reader the server uses, the {@code bank-statements} plugin's, loaded with PF4J from its
 * jar in the plugins directory ({@code kassa.plugins.dir}, which the launcher sets to the build's
 * {@code platform/server/target/plugins}), three times, and prints the time, the entries per second
 * and the peak heap used. The upload reads a file twice (check, then import).
 *
 * <p>The import's database side (one transaction per credit through the bank-transfer path) is
 * measured by {@code ./kassa bench} (credits/s); this one isolates what the file size costs.
 * A benchmark, not a test. Run it with {@code ./kassa bench statements [--megabytes N]}; the
 * launcher gives the JVM {@code -Xmx512m}, so a 50 MB file that needed its own size in heap several
 * times over would fail here.
 */
public final class StatementBenchmark {
    private StatementBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        long megabytes = 50;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--megabytes") && i + 1 < args.length) {
                megabytes = Long.parseLong(args[++i]);
            } else {
                System.out.println("usage: ./kassa bench statements [--megabytes N]");
                return;
            }
        }
        Path jar = Path.of(System.getProperty("kassa.plugins.dir", "platform/server/target/plugins"))
                .resolve("bank-statements.jar");
        if (!Files.isRegularFile(jar)) {
            System.out.println("no " + jar + ": build first (./kassa build)");
            return;
        }
        Path plugins = Files.createTempDirectory("kassa-bench-plugins-");
        Files.copy(jar, plugins.resolve("bank-statements.jar"));
        PluginManager manager = new DefaultPluginManager(plugins);
        Path file = Files.createTempFile("kassa-bench-camt053-", ".xml");
        try {
            manager.loadPlugins();
            manager.startPlugins();
            long entries = generate(file, megabytes * 1024 * 1024);
            System.out.printf(Locale.ROOT, "generated camt.053.001.08: %,d bytes, %,d entries (%s)%n",
                    Files.size(file), entries, file);
            StatementReader reader = camtReader(manager, file);
            for (int round = 1; round <= 3; round++) {
                System.gc();
                resetPeaks();
                long before = heapUsed();
                AtomicLong credits = new AtomicLong();
                long start = System.nanoTime();
                StatementSummary summary;
                try (InputStream in = Files.newInputStream(file)) {
                    summary = reader.read(in, e -> {
                        if (e.credit()) {
                            credits.incrementAndGet();
                        }
                    });
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf(Locale.ROOT, "round %d: %,d entries (%,d credits) in %.2f s, %,.0f entries/s,"
                                + " %.1f MB/s; peak heap %.1f MB (%.1f MB before)%n", round, summary.entries(),
                        credits.get(), seconds, summary.entries() / seconds, Files.size(file) / 1e6 / seconds,
                        peakHeap() / 1e6, before / 1e6);
            }
        } finally {
            Files.deleteIfExists(file);
            // not stopPlugins(): in pf4j 3.15.0 it throws ConcurrentModificationException (pf4j/pf4j#656)
            List.copyOf(manager.getStartedPlugins()).forEach(p -> manager.stopPlugin(p.getPluginId()));
            manager.unloadPlugins();
            Files.deleteIfExists(plugins.resolve("bank-statements.jar"));
            Files.deleteIfExists(plugins);
        }
    }

    /** The plugin's reader that recognises the generated file, as the upload chooses it. */
    private static StatementReader camtReader(PluginManager manager, Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(StatementReader.HEAD_BYTES);
        }
        for (StatementReader reader : manager.getExtensions(StatementReader.class, "bank-statements")) {
            if (reader.recognises(head)) {
                return reader;
            }
        }
        throw new IllegalStateException("the bank-statements plugin has no reader for camt.053");
    }

    static long generate(Path file, long targetBytes) throws IOException {
        long entries = 0;
        try (Writer out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16)) {
            out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Document xmlns=\""
                    + "urn:iso:std:iso:20022:tech:xsd:camt.053.001.08\"><BkToCstmrStmt><GrpHdr><MsgId>BENCH</MsgId>"
                    + "<CreDtTm>2026-12-01T18:00:00+01:00</CreDtTm></GrpHdr><Stmt><Id>BENCH-1</Id>"
                    + "<CreDtTm>2026-12-01T18:00:00+01:00</CreDtTm><Acct><Id><IBAN>DE89370400440532013000</IBAN></Id>"
                    + "<Ccy>EUR</Ccy></Acct>\n");
            long written = 400;
            LocalDate day = LocalDate.of(2026, 1, 1);
            while (written < targetBytes) {
                entries++;
                String e = entry(entries, day.plusDays(entries % 365));
                out.write(e);
                written += e.length();
            }
            out.write("</Stmt></BkToCstmrStmt></Document>\n");
        }
        return entries;
    }

    private static String entry(long n, LocalDate day) {
        boolean batch = n % 10 == 0;
        boolean debit = n % 7 == 0;
        String amount = (n % 500 + 1) + "." + (n % 100 < 10 ? "0" : "") + n % 100;
        StringBuilder s = new StringBuilder(1024);
        s.append("<Ntry><Amt Ccy=\"EUR\">").append(amount).append("</Amt><CdtDbtInd>")
                .append(debit ? "DBIT" : "CRDT").append("</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts><BookgDt><Dt>")
                .append(day).append("</Dt></BookgDt><ValDt><Dt>").append(day).append("</Dt></ValDt><AcctSvcrRef>B")
                .append(n).append("</AcctSvcrRef><BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd>")
                .append("<SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd><NtryDtls>");
        int txs = batch ? 3 : 1;
        for (int t = 1; t <= txs; t++) {
            s.append("<TxDtls><Refs><AcctSvcrRef>B").append(n).append('-').append(t)
                    .append("</AcctSvcrRef><EndToEndId>E2E-").append(n).append('-').append(t)
                    .append("</EndToEndId></Refs><Amt Ccy=\"EUR\">").append(batch ? "1.00" : amount)
                    .append("</Amt><CdtDbtInd>").append(debit ? "DBIT" : "CRDT").append("</CdtDbtInd>")
                    .append("<RltdPties><Dbtr><Pty><Nm>Payer ").append(n).append("</Nm></Pty></Dbtr>")
                    .append("<DbtrAcct><Id><IBAN>FR7630006000011234567890189</IBAN></Id></DbtrAcct></RltdPties>")
                    .append("<RmtInf><Ustrd>Invoice ").append(n).append(" top-up TU7K2M9QXD thank you</Ustrd>")
                    .append("<Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry></Tp>")
                    .append("<Ref>RF18TU7K2M9QXD</Ref></CdtrRefInf></Strd></RmtInf></TxDtls>");
        }
        return s.append("</NtryDtls></Ntry>\n").toString();
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    private static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }

    private static long heapUsed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
