package dev.kassa.server.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kassa.server.document.application.PdfWriter;
import dev.kassa.server.document.domain.PrintedDocument;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DocumentRenderingTest {
    @TempDir
    static Path plugins;
    private DocumentBed bed;

    @BeforeAll
    void start() throws IOException {
        bed = DocumentBed.start(plugins);
    }

    @AfterAll
    void stop() {
        bed.close();
    }

    @Test
    void dump() throws IOException {
        Path out = Path.of("target/documents");
        Files.createDirectories(out);
        for (String theme : new String[] {"english", "french"}) {
            String locale = theme.equals("english") ? "en" : "fr";
            PrintedDocument doc = SampleDocuments.domesticInvoice(locale);
            Files.writeString(out.resolve("domestic-" + locale + ".html"), bed.rendering.xhtml(bed.theme(theme), doc,
                    SampleDocuments.BRAND));
            PdfWriter.Pdf pdf = bed.rendering.render(bed.theme(theme), doc, SampleDocuments.BRAND);
            Files.write(out.resolve("domestic-" + locale + ".pdf"), pdf.bytes());
        }
        assertTrue(true);
    }
}
