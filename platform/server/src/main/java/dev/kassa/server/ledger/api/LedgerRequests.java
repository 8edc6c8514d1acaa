package dev.kassa.server.ledger.api;

import dev.kassa.server.web.JsonRequest;
import dev.kassa.server.web.MoneyInput;
import dev.kassa.server.web.constraint.OneOf;
import dev.kassa.server.web.constraint.Required;
import dev.kassa.server.web.constraint.Text;
import dev.kassa.server.web.constraint.ValidMoney;

/** The request bodies of this context, with the rules each field must meet. */
public final class LedgerRequests {
    private LedgerRequests() {
    }

    /** Takes money from the balance, in the account's currency, for what {@code description} says. */
    public record ChargeRequest(@Required @ValidMoney MoneyInput amount, @Required @Text(max = 500) String description)
            implements JsonRequest { }

    /** Corrects the balance by hand: {@code CREDIT} adds, {@code DEBIT} takes, always with a reason. */
    public record AdjustmentRequest(@Required @ValidMoney MoneyInput amount,
                                    @Required @OneOf({"CREDIT", "DEBIT"}) String direction,
                                    @Required @Text(max = 500) String reason) implements JsonRequest { }
}
