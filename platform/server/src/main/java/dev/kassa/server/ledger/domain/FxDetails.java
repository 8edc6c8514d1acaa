package dev.kassa.server.ledger.domain;

import dev.kassa.server.shared.Money;
import java.math.BigDecimal;
import java.time.LocalDate;

/** A conversion as the ledger keeps it: what was paid, the effective rate, its source and date. */
public record FxDetails(Money paid, BigDecimal rate, String source, LocalDate rateDate) {
}
