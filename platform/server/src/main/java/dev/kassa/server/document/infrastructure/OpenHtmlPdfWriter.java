package dev.kassa.server.document.infrastructure;

import com.openhtmltopdf.extend.FSCacheEx;
import com.openhtmltopdf.extend.FSCacheValue;
import com.openhtmltopdf.extend.impl.FSDefaultCacheStore;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;
import dev.kassa.server.document.application.PdfWriter;
import dev.kassa.server.document.domain.PrintedDocument;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.logging.Level;
import org.mustangproject.ZUGFeRD.PDFAConformanceLevel;
import org.mustangproject.ZUGFeRD.ZUGFeRDExporterFromA3;

/**
 * XHTML to PDF/A-3b with openhtmltopdf on PDFBox 3 (the fonts embedded, only {@code data:} URLs
 * loaded, nothing from the network or the disk), then, for invoices and credit notes, the
 * Factur-X XML attached by Mustang ({@code factur-x.xml}, profile EN 16931, with its XMP metadata).
 */
@ApplicationScoped
public class OpenHtmlPdfWriter implements PdfWriter {
    /** The family the themes' document style sheets name. */
    public static final String FONT_FAMILY = "Kassa Sans";
    /** sRGB IEC61966-2.1, the output intent PDF/A asks for; Mustang ships it. */
    private static final byte[] SRGB = resource("/sRGB.icc");
    private static final String PRODUCER = "Kassa";
    /** The fonts' metrics, read once rather than at every rendering; openhtmltopdf's cache is thread-safe. */
    private static final FSCacheEx<String, FSCacheValue> FONT_METRICS = new FSDefaultCacheStore();

    static {
        // openhtmltopdf says at INFO what it does at every document (fonts loaded, cache hits): warnings only.
        for (String log : XRLog.listRegisteredLoggers()) {
            XRLog.setLevel(log, Level.WARNING);
        }
    }

    @Override
    public Pdf write(String xhtml, PrintedDocument document) {
        // PDFBox's XMP code asks JAXP for a new DocumentBuilderFactory at every document, and JAXP
        // looks for one in every jar the context class loader sees (META-INF/services): in a web
        // application with a hundred jars that search was 40 % of a rendering. The platform class
        // loader sees the JDK only, so JAXP takes the JDK's own parser at once.
        Thread thread = Thread.currentThread();
        ClassLoader context = thread.getContextClassLoader();
        thread.setContextClassLoader(ClassLoader.getPlatformClassLoader());
        try {
            byte[] pdf = html(xhtml);
            if (!document.kind().facturX()) {
                return new Pdf(pdf, 0);
            }
            byte[] xml = FacturXInvoices.xml(document);
            return new Pdf(attach(pdf, xml), xml.length);
        } finally {
            thread.setContextClassLoader(context);
        }
    }

    static byte[] html(String xhtml) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.usePdfAConformance(PdfRendererBuilder.PdfAConformance.PDFA_3_B);
        builder.useColorProfile(SRGB);
        builder.useFont(() -> new ByteArrayInputStream(DocumentFonts.REGULAR), FONT_FAMILY, 400, BaseRendererBuilder.FontStyle.NORMAL,
                true);
        builder.useFont(() -> new ByteArrayInputStream(DocumentFonts.BOLD), FONT_FAMILY, 700, BaseRendererBuilder.FontStyle.NORMAL,
                true);
        builder.useExternalResourceAccessControl((uri, type) -> uri != null && uri.startsWith("data:"),
                ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
        builder.useExternalResourceAccessControl((uri, type) -> uri != null && uri.startsWith("data:"),
                ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI);
        builder.useCacheStore(PdfRendererBuilder.CacheStore.PDF_FONT_METRICS, FONT_METRICS);
        builder.withProducer(PRODUCER);
        builder.withHtmlContent(xhtml, null);
        builder.toStream(out);
        try {
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] attach(byte[] pdf, byte[] xml) {
        try (ZUGFeRDExporterFromA3 exporter = new ZUGFeRDExporterFromA3()) {
            exporter.ignorePDFAErrors()
                    .load(pdf)
                    .setProducer(PRODUCER)
                    .setCreator(PRODUCER)
                    .setZUGFeRDVersion(2)
                    .setProfile(FacturXInvoices.PROFILE)
                    .setConformanceLevel(PDFAConformanceLevel.BASIC);
            exporter.setXML(xml);
            ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + xml.length + 8 * 1024);
            exporter.export(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] resource(String name) {
        try (InputStream in = OpenHtmlPdfWriter.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
