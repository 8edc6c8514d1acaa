package dev.kassa.server.document;

import dev.kassa.server.document.application.PdfWriter;
import dev.kassa.server.document.domain.PrintedDocument;
import dev.kassa.server.theme.application.ChosenTheme;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * {@code ./kassa bench invoice-pdf [--warmup N] [--runs N]}: the time to render one invoice as a
 * Factur-X PDF/A-3 (theme template, XHTML to PDF, CII XML, attachment), on one thread, after a
 * warm-up, with the shipped themes. A benchmark, not a test: it prints figures and fails on nothing.
 */
public final class InvoicePdfBenchmark {
    /** The thread's own CPU time: on a shared machine, wall time also counts the waits for a core. */
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private InvoicePdfBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int warmup = option(args, "--warmup", 300);
        int runs = option(args, "--runs", 300);
        Path plugins = Files.createTempDirectory("kassa-bench-themes");
        try (DocumentBed bed = DocumentBed.start(plugins)) {
            for (String locale : new String[] {"en", "fr"}) {
                ChosenTheme theme = bed.theme(locale.equals("en") ? "english" : "french");
                PrintedDocument invoice = SampleDocuments.domesticInvoice(locale);
                int size = 0;
                for (int i = 0; i < warmup; i++) {
                    size = bed.rendering.render(theme, invoice, SampleDocuments.BRAND).bytes().length;
                }
                long[] nanos = new long[runs];
                long[] cpu = new long[runs];
                for (int i = 0; i < runs; i++) {
                    long start = System.nanoTime();
                    long startCpu = THREADS.getCurrentThreadCpuTime();
                    PdfWriter.Pdf pdf = bed.rendering.render(theme, invoice, SampleDocuments.BRAND);
                    cpu[i] = THREADS.getCurrentThreadCpuTime() - startCpu;
                    nanos[i] = System.nanoTime() - start;
                    size = pdf.bytes().length;
                }
                Arrays.sort(nanos);
                Arrays.sort(cpu);
                System.out.printf(Locale.ROOT, "invoice PDF with Factur-X (%s, %d bytes): median %.1f ms, p95 %.1f ms,"
                                + " min %.1f ms (CPU time: median %.1f ms) over %d runs after %d warm-up runs"
                                + " (target: 50 ms)%n", locale, size, ms(nanos[runs / 2]), ms(nanos[(int) (runs * 0.95)]),
                        ms(nanos[0]), ms(cpu[runs / 2]), runs, warmup);
            }
        }
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static int option(String[] args, String name, int fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        if (Arrays.asList(args).contains("--help")) {
            System.out.println("./kassa bench invoice-pdf [--warmup N] [--runs N]");
            System.exit(0);
        }
        return fallback;
    }
}
