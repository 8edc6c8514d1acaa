package dev.kassa.server.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kassa.server.document.application.PdfWriter;
import dev.kassa.server.document.domain.DocumentKind;
import dev.kassa.server.document.domain.PrintedDocument;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mustangproject.validator.ZUGFeRDValidator;

/**
 * Invoices as the shipped themes print them: valid Factur-X (PDF/A-3 and EN 16931, by Mustang's
 * validator), their text and XML as the golden files under {@code src/test/resources/documents/}
 * say, in English and French, every font embedded. {@code -Dkassa.golden.update=true} rewrites
 * the golden files (then read the diff before committing it); the PDFs are left in
 * {@code target/documents/} to look at.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DocumentRenderingTest {
    private static final Path GOLDEN = Path.of("src/test/resources/documents");
    private static final Path OUT = Path.of("target/documents");
    private static final Map<String, String> THEMES = Map.of("en", "english", "fr", "french");

    @TempDir
    static Path plugins;
    private DocumentBed bed;

    @BeforeAll
    void start() throws IOException {
        bed = DocumentBed.start(plugins);
        Files.createDirectories(OUT);
    }

    @AfterAll
    void stop() {
        bed.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "fr"})
    void anInvoiceReadsAsTheGoldenFileSaysAndCarriesItsXml(String locale) throws IOException {
        byte[] pdf = render(SampleDocuments.domesticInvoice(locale), "domestic-" + locale);

        golden("invoice-domestic." + locale + ".txt", text(pdf));
        golden("invoice-domestic.xml", new String(embedded(pdf, "factur-x.xml"), StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {"domestic", "reverse-charge", "outside-eu"})
    void everyInvoiceIsValidFacturX(String which) throws IOException {
        PrintedDocument doc = switch (which) {
            case "domestic" -> SampleDocuments.domesticInvoice("fr");
            case "reverse-charge" -> SampleDocuments.reverseChargeInvoice("fr");
            default -> SampleDocuments.outsideEuInvoice("en");
        };
        byte[] pdf = render(doc, which);

        ZUGFeRDValidator validator = new ZUGFeRDValidator();
        if (which.equals("outside-eu")) {
            // Mustang 2.25's arithmetic re-check reads the rate of every VAT group, and an "O" group
            // has none (EN 16931 forbids it): it fails with a NullPointerException. The schema and
            // the EN 16931 schematron still check the XML.
            validator.disableArithmeticCheck();
        }
        String report = validator.validate(pdf, which + ".pdf");
        assertTrue(validator.wasCompletelyValid(), report);
        assertTrue(report.contains("EN16931") || report.contains("urn:cen.eu:en16931"), report);
    }

    @Test
    void theMentionsFollowTheTaxRuleInTheCustomersLanguage() throws IOException {
        String reverse = text(render(SampleDocuments.reverseChargeInvoice("fr"), "reverse-charge-fr"));
        assertTrue(reverse.contains("Autoliquidation\u00a0: TVA due par le preneur"), reverse);
        assertTrue(reverse.contains("N°\u00a0de TVA\u00a0: DE136695976"), reverse);
        assertTrue(reverse.contains("Pas d’escompte pour paiement anticipé."), reverse);

        String outside = text(render(SampleDocuments.outsideEuInvoice("en"), "outside-eu-en"));
        assertTrue(outside.contains("VAT not applicable, Article 259-1 of the French General Tax Code"), outside);
        assertFalse(outside.contains("Reverse charge"), outside);
    }

    @Test
    void everyFontIsEmbedded() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(render(SampleDocuments.domesticInvoice("fr"), "fonts"))) {
            int fonts = 0;
            for (var name : pdf.getPage(0).getResources().getFontNames()) {
                PDFont font = pdf.getPage(0).getResources().getFont(name);
                assertTrue(font.isEmbedded(), font.getName());
                fonts++;
            }
            assertTrue(fonts > 0);
        }
    }

    @Test
    void aReceiptHasNoXml() throws IOException {
        PrintedDocument invoice = SampleDocuments.domesticInvoice("en");
        PrintedDocument receipt = new PrintedDocument(DocumentKind.RECEIPT, "RCT-2026-000007", invoice.issueDate(),
                null, null, invoice.currency(), "en", invoice.seller(), invoice.buyer(), invoice.lines(),
                invoice.vatBreakdown(), invoice.totals(), java.util.List.of(),
                new PrintedDocument.Payment(true, invoice.issueDate(), null, java.util.List.of()), null);

        PdfWriter.Pdf pdf = bed.rendering.render(bed.theme("english"), receipt, SampleDocuments.BRAND);

        assertEquals(0, pdf.xmlBytes());
        assertTrue(text(pdf.bytes()).contains("Receipt"), text(pdf.bytes()));
    }

    private byte[] render(PrintedDocument doc, String name) throws IOException {
        byte[] pdf = bed.rendering.render(bed.theme(THEMES.get(doc.locale())), doc, SampleDocuments.BRAND).bytes();
        Files.write(OUT.resolve(name + ".pdf"), pdf);
        return pdf;
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc).replace("\r\n", "\n");
        }
    }

    static byte[] embedded(byte[] pdf, String file) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDDocumentNameDictionary names = new PDDocumentNameDictionary(doc.getDocumentCatalog());
            PDEmbeddedFilesNameTreeNode files = names.getEmbeddedFiles();
            PDComplexFileSpecification spec = files.getNames().get(file);
            return spec.getEmbeddedFile().toByteArray();
        }
    }

    private static void golden(String name, String actual) throws IOException {
        Path file = GOLDEN.resolve(name);
        if (Boolean.getBoolean("kassa.golden.update") || !Files.exists(file)) {
            Files.createDirectories(GOLDEN);
            Files.writeString(file, actual);
        }
        assertEquals(Files.readString(file), actual, name + " differs from the golden file");
    }
}
