package dev.kassa.server.currency.api;

import dev.kassa.server.web.MoneyView;
import java.time.Instant;

/** The JSON shapes this context answers with. Records only: what a client sees is what is listed here. */
public final class CurrencyViews {
    private CurrencyViews() {
    }

    public record QuoteView(String id, MoneyView from, MoneyView to, String rate, String source,
                            java.time.LocalDate rateDate, int markupBasisPoints, String fixed, String accountId,
                            Instant createdAt, Instant expiresAt) {
        public static QuoteView of(dev.kassa.server.currency.domain.Quote q) {
            return new QuoteView(q.id(), MoneyView.of(q.from()), MoneyView.of(q.to()), q.rate().toPlainString(),
                    q.source(), q.rateDate(), q.markupBasisPoints(), q.fixedSide().name(), q.accountId(),
                    q.createdAt(), q.expiresAt());
        }
    }
}
