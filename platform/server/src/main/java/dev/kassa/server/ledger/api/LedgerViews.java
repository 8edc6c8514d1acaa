package dev.kassa.server.ledger.api;

import dev.kassa.server.ledger.application.BalanceService;
import dev.kassa.server.web.MoneyView;
import java.time.Instant;

/** The JSON shapes this context answers with. Records only: what a client sees is what is listed here. */
public final class LedgerViews {
    private LedgerViews() {
    }

    public record MovementView(String id, MoneyView amount, MoneyView balanceAfter, Instant createdAt) {
        public static MovementView of(BalanceService.Movement m) {
            return new MovementView(m.id(), MoneyView.of(m.amount()), MoneyView.of(m.balanceAfter()), m.createdAt());
        }
    }

    public record AdjustmentView(String id, String direction, MoneyView amount, String reason, MoneyView balanceAfter,
                                 Instant createdAt) { }

    /** One statement line; {@code conversion} shows what was paid and at which rate when money was converted. */
    public record TransactionView(String id, String type, MoneyView amount, MoneyView balanceAfter,
                                  String description, String reference, ConversionView conversion, Instant createdAt) {
        public static TransactionView of(BalanceService.StatementLine l) {
            return new TransactionView(l.transactionId(), l.type().name(), MoneyView.of(l.amount()),
                    MoneyView.of(l.balanceAfter()), l.description(), l.reference(),
                    l.fx() == null ? null : ConversionView.of(l.fx()), l.createdAt());
        }
    }

    public record ConversionView(MoneyView paid, String rate, String source, java.time.LocalDate rateDate) {
        public static ConversionView of(dev.kassa.server.ledger.domain.FxDetails fx) {
            return new ConversionView(MoneyView.of(fx.paid()), fx.rate().toPlainString(), fx.source(), fx.rateDate());
        }
    }
}
