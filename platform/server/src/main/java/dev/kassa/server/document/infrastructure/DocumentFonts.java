package dev.kassa.server.document.infrastructure;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TTFSubsetter;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

/**
 * The fonts the documents embed (DejaVu Sans, shipped under {@code document/fonts/} with its
 * licence), cut once per process down to the scripts invoices are written in: Latin (every EU
 * language), Greek, Cyrillic, punctuation and currency signs. Each rendering parses the font it
 * embeds; a 60-kilobyte font instead of the whole 750-kilobyte family is most of a rendering's time
 * saved. A character outside these ranges prints as the font's missing-glyph box.
 */
final class DocumentFonts {
    /** Inclusive ranges of code points kept. */
    private static final int[][] RANGES = {
        {0x20, 0x7E}, {0xA0, 0x24F}, {0x2B0, 0x2FF}, {0x300, 0x36F}, {0x370, 0x3FF}, {0x400, 0x52F},
        {0x1E00, 0x1EFF}, {0x2000, 0x206F}, {0x20A0, 0x20CF}, {0x2100, 0x215F}, {0x2190, 0x21FF},
        {0x2212, 0x2212}, {0xFFFD, 0xFFFD}};
    /** What a font file needs to be read back as a font (PDFBox's own subsets keep the same). */
    private static final List<String> TABLES = List.of("head", "hhea", "loca", "maxp", "cvt ", "prep", "glyf", "hmtx",
            "fpgm", "gasp", "cmap", "name", "OS/2", "post");

    // After the ranges and tables, which they are cut with.
    static final byte[] REGULAR = cut("/document/fonts/DejaVuSans.ttf");
    static final byte[] BOLD = cut("/document/fonts/DejaVuSans-Bold.ttf");

    private DocumentFonts() {
    }

    private static byte[] cut(String resource) {
        try (InputStream in = DocumentFonts.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            byte[] whole = in.readAllBytes();
            try (TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(whole))) {
                TTFSubsetter subset = new TTFSubsetter(font, TABLES);
                for (int[] range : RANGES) {
                    for (int c = range[0]; c <= range[1]; c++) {
                        subset.add(c);
                    }
                }
                ByteArrayOutputStream out = new ByteArrayOutputStream(whole.length / 4);
                subset.writeToStream(out);
                return out.toByteArray();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
