package dev.kassa.server.bankstatement.api;

import dev.kassa.server.bankstatement.domain.BankStatement;
import dev.kassa.server.bankstatement.domain.StatementLine;
import dev.kassa.server.web.MoneyView;
import java.time.Instant;
import java.time.LocalDate;

/** The JSON shapes this context answers with. */
public final class BankStatementViews {
    private BankStatementViews() {
    }

    public record BankStatementView(String id, String format, String account, int entries, int matched,
                                    int unmatched, int duplicates, Instant createdAt) {
        public static BankStatementView of(BankStatement s) {
            return new BankStatementView(s.id(), s.format(), s.bankAccount(), s.entries(), s.matched(),
                    s.unmatched(), s.duplicates(), s.createdAt());
        }
    }

    public record StatementEntryView(String id, String outcome, String direction, boolean reversal,
                                     MoneyView amount, LocalDate bookingDate, String bankReference,
                                     String creditorReference, String endToEndId, String remittance,
                                     String payerName, String bankTransferId, String reversesEntryId,
                                     boolean amountDiffers) {
        public static StatementEntryView of(StatementLine l) {
            return new StatementEntryView(l.id(), l.outcome().name(), l.credit() ? "CREDIT" : "DEBIT", l.reversal(),
                    MoneyView.of(l.amount()), l.bookingDate(), l.bankReference(), l.creditorReference(),
                    l.endToEndId(), l.remittance(), l.payerName(), l.bankTransferId(), l.reversesId(),
                    l.amountDiffers());
        }
    }
}
