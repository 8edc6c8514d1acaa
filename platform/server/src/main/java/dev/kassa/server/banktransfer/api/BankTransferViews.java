package dev.kassa.server.banktransfer.api;

import dev.kassa.server.banktransfer.domain.BankTransfer;
import dev.kassa.server.web.MoneyView;
import java.time.Instant;

/** The JSON shapes this context answers with. Records only: what a client sees is what is listed here. */
public final class BankTransferViews {
    private BankTransferViews() {
    }

    public record BankTransferView(String id, String status, String bankTransactionId, String reference,
                                   MoneyView amount, String payerName, Instant receivedAt, String accountId,
                                   String topUpId, MoneyView credited, Instant createdAt, Instant assignedAt) {
        public static BankTransferView of(BankTransfer b) {
            return new BankTransferView(b.id(), b.status().name(), b.bankTransactionId(), b.reference(),
                    MoneyView.of(b.amount()), b.payerName(), b.receivedAt(), b.accountId(), b.topUpId(),
                    MoneyView.of(b.credited()), b.createdAt(), b.assignedAt());
        }
    }
}
