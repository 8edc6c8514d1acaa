package dev.kassa.server.banktransfer.api;

import dev.kassa.server.web.JsonRequest;
import dev.kassa.server.web.MoneyInput;
import dev.kassa.server.web.constraint.DateTime;
import dev.kassa.server.web.constraint.Required;
import dev.kassa.server.web.constraint.Text;
import dev.kassa.server.web.constraint.ValidMoney;
import java.time.Instant;
import java.time.OffsetDateTime;

/** The request bodies of this context, with the rules each field must meet. */
public final class BankTransferRequests {
    private BankTransferRequests() {
    }

    /** A transfer the bank received; {@code reference} is what the payer wrote, matched to a top-up. */
    public record BankTransferReport(@Required @Text(max = 140) String bankTransactionId,
                                     @Text(max = 140) String reference, @Required @ValidMoney MoneyInput amount,
                                     @Text(max = 200) String payerName, @DateTime String receivedAt)
            implements JsonRequest {
        public Instant receivedInstant() {
            return receivedAt == null ? null : OffsetDateTime.parse(receivedAt).toInstant();
        }
    }

    /** Credits an unmatched transfer to an account by hand. */
    public record AssignRequest(@Required @Text(max = 40) String accountId) implements JsonRequest { }
}
