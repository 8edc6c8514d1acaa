package dev.kassa.server.billing.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class NumberFormatTest {

    private static List<String> codes(String format) {
        return NumberFormat.check(format).stream().map(NumberFormat.Problem::code).toList();
    }

    @Test
    void theDefaultsAreGoodFormats() {
        assertEquals(List.of(), codes(BillingSettings.DEFAULT_INVOICE_FORMAT));
        assertEquals(List.of(), codes(BillingSettings.DEFAULT_CREDIT_NOTE_FORMAT));
        assertEquals(List.of(), codes(BillingSettings.DEFAULT_RECEIPT_FORMAT));
        assertEquals(List.of(), codes("F{yy}{mm}/{seq}"));
    }

    @Test
    void formatsFillEachPlaceholder() {
        assertEquals("INV-2026-000042", NumberFormat.format("INV-{yyyy}-{seq:6}", 2026, 3, 42));
        assertEquals("F2603/7", NumberFormat.format("F{yy}{mm}/{seq}", 2026, 3, 7));
        assertEquals("A-2026-1234567", NumberFormat.format("A-{yyyy}-{seq:3}", 2026, 1, 1_234_567),
                "a sequence wider than its padding is written whole");
        assertEquals("2027-000000000001", NumberFormat.format("{yyyy}-{seq:12}", 2027, 12, 1));
    }

    @Test
    void paddingWritesWhatPercentZeroDWrites() {
        for (long value : new long[] {0, 1, 7, 42, 999, 1_000, 123_456, 1_234_567, 999_999_999_999L, -5, -123}) {
            for (int width = 1; width <= 12; width++) {
                assertEquals(String.format(Locale.ROOT, "%0" + width + "d", value), NumberFormat.padded(value, width),
                        value + " in " + width);
            }
        }
    }

    @Test
    void badFormatsSayWhatIsWrong() {
        assertEquals(List.of("numbering.placeholder_unknown"), codes("INV-{yyyy}-{n}-{seq}"));
        assertEquals(List.of("numbering.placeholder_unknown", "numbering.seq_missing"), codes("INV-{yyyy}-{seq:13}"));
        assertEquals(List.of("numbering.seq_missing"), codes("INV-{yyyy}"));
        assertEquals(List.of("numbering.seq_missing"), codes("{yyyy}-{seq}-{seq}"));
        assertEquals(List.of("numbering.year_missing"), codes("INV-{seq:6}"));
        assertEquals(List.of("invalid"), codes("INV<{yyyy}>{seq}"));
        assertEquals(List.of("invalid", "numbering.year_missing"), codes("INV-{yyyy-{seq}"));
        assertEquals(List.of("blank"), codes(" "));
        assertEquals(List.of("too_long"), codes("X".repeat(41) + "{yyyy}{seq}"));
    }
}
