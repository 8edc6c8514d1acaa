package dev.kassa.server.payment.api;

import dev.kassa.server.payment.application.CreditTransfers;
import dev.kassa.server.payment.application.PaymentMethodService.ConfiguredMethod;
import dev.kassa.server.payment.domain.PaymentAttempt;
import dev.kassa.server.payment.domain.Refund;
import dev.kassa.server.payment.domain.SavedMethod;
import dev.kassa.server.payment.domain.TopUp;
import dev.kassa.server.web.JsonText;
import dev.kassa.server.web.MoneyView;
import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbProperty;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The JSON shapes this context answers with. Records only: what a client sees is what is listed here. */
public final class PaymentViews {
    private PaymentViews() {
    }

    public record MethodOptionView(String code, String name, String processingTime) {
        public static MethodOptionView of(ConfiguredMethod m, String locale) {
            return new MethodOptionView(m.code(), m.method().info().name(locale),
                    m.method().info().processingTime(locale));
        }
    }

    /** {@code savedMethods}: the chosen payer's confirmed methods, the default first (empty without a payer). */
    public record TopUpOptionsView(MoneyView minimum, MoneyView maximum, List<MoneyView> presets,
                                   List<MethodOptionView> methods, List<SavedMethodOptionView> savedMethods) { }

    public record SavedMethodOptionView(String id, String method, String brand, String last4, String expiry,
                                        @JsonbProperty("default") boolean isDefault) {
        public static SavedMethodOptionView of(SavedMethod s) {
            return new SavedMethodOptionView(s.id(), s.method(), s.brand(), s.last4(), s.expiry(), s.isDefault());
        }
    }

    /** A saved method: never card data, only what the gateway lets the customer recognise it by. */
    public record SavedMethodView(String id, String accountId, String payerId, String method, String status,
                                  String gatewayReference, String brand, String last4, String expiry, @JsonbProperty("default") boolean isDefault, JsonValue nextAction,
                                  String reasonCode, String reason, Instant createdAt) {
        public static SavedMethodView of(SavedMethod s) {
            return new SavedMethodView(s.id(), s.accountId(), s.payerId(), s.method(), s.status().name(),
                    s.gatewayReference(), s.brand(),
                    s.last4(), s.expiry(), s.isDefault(), JsonText.parse(s.nextAction()), s.reasonCode(), s.reason(),
                    s.createdAt());
        }
    }

    /** The latest payment attempt of a top-up, as the client area needs it to go on. */
    public record PaymentView(String id, String method, String status, String gatewayReference, JsonValue nextAction,
                              MoneyView received, String reasonCode, String reason, String flag, Instant updatedAt) {
        public static PaymentView of(PaymentAttempt a) {
            if (a == null) {
                return null;
            }
            return new PaymentView(a.id(), a.method(), a.status().name(), a.gatewayReference(), JsonText.parse(a.nextAction()),
                    a.receivedAmount() == null ? null : MoneyView.of(a.receivedAmount()), a.reasonCode(), a.reason(),
                    a.flag(), a.updatedAt());
        }
    }

    /** A payment attempt with its history, for the tenant looking into what happened. */
    public record AttemptView(String id, String method, String status, MoneyView amount, String gatewayReference,
                              MoneyView received, String reasonCode, String reason, String flag, boolean offSession,
                              String savedMethodId, Instant createdAt, Instant updatedAt,
                              List<dev.kassa.server.payment.application.PaymentAttempts.HistoryEntry> history) {
        public static AttemptView of(PaymentAttempt a,
                                     List<dev.kassa.server.payment.application.PaymentAttempts.HistoryEntry> history) {
            return new AttemptView(a.id(), a.method(), a.status().name(), MoneyView.of(a.amount()), a.gatewayReference(),
                    a.receivedAmount() == null ? null : MoneyView.of(a.receivedAmount()), a.reasonCode(), a.reason(),
                    a.flag(), a.offSession(), a.savedMethodId(), a.createdAt(), a.updatedAt(), history);
        }
    }

    /**
     * {@code bankAccount}: where a refund the tenant sends by hand goes (null when not known, or for
     * a gateway's refund); {@code creditTransfer}: whether a pain.001 file can be had for it and, if
     * not, why (null for a gateway's refund).
     */
    public record RefundView(String id, String topUpId, String accountId, String method, MoneyView amount,
                             String status, String gatewayReference, String reasonCode, String reason,
                             Instant createdAt, Instant completedAt, BankAccountView bankAccount,
                             CreditTransferView creditTransfer) {
        public static RefundView of(Refund r) {
            return new RefundView(r.id(), r.topUpId(), r.accountId(), r.method(), MoneyView.of(r.amount()),
                    r.status().name(), r.gatewayReference(), r.reasonCode(), r.reason(), r.createdAt(),
                    r.completedAt(), BankAccountView.of(r), CreditTransferView.of(r));
        }
    }

    /** {@code source}: {@code REQUEST} (named when the refund was asked for) or {@code STATEMENT} (the payer's account on the bank statement). */
    public record BankAccountView(String iban, String bic, String name, String source) {
        static BankAccountView of(Refund r) {
            return r.payeeIban() == null ? null : new BankAccountView(r.payeeIban(), r.payeeBic(), r.payeeName(),
                    r.payeeSource());
        }
    }

    /** {@code file}: where to download the refund's pain.001, when it can be had; else {@code code} and {@code reason} say why not. */
    public record CreditTransferView(String file, String batchId, String code, String reason) {
        static CreditTransferView of(Refund r) {
            if (r.payeeSource() == null) {
                return null;
            }
            java.util.Optional<String[]> blocker = r.transferFileBlocker();
            return new CreditTransferView(blocker.isPresent() ? null : "/api/v1/refunds/" + r.id() + "/pain.001",
                    r.batchId(), blocker.map(b -> b[0]).orElse(null), blocker.map(b -> b[1]).orElse(null));
        }
    }

    /** A batch of refunds by bank transfer; {@code messageId} is the pain.001's {@code MsgId}. */
    public record RefundBatchView(String id, String messageId, Instant createdAt, Instant sentAt, int count,
                                  MoneyView total, String file, List<RefundView> refunds) {
        public static RefundBatchView of(CreditTransfers.Batch b) {
            return new RefundBatchView(b.batch().id(), b.batch().id().replace('_', '-'), b.batch().createdAt(),
                    b.batch().sentAt(), b.batch().refundCount(), MoneyView.of(b.batch().total()),
                    "/api/v1/refund-batches/" + b.batch().id() + "/pain.001",
                    b.refunds().stream().map(RefundView::of).toList());
        }
    }

    /**
     * {@code amount} is what the customer pays (payment currency); {@code credit} what that credits
     * (account currency); {@code credited} what has reached the balance so far.
     */
    public record TopUpView(String id, String accountId, String status, MoneyView amount, MoneyView credit,
                            MoneyView credited, String quoteId, String method, String payerId, String reference,
                            JsonValue instructions, PaymentView payment, String cancelReason,
                            String cancelReasonCode, Instant createdAt, Instant paidAt, Instant cancelledAt,
                            String invoiceId) {
        public static TopUpView of(TopUp t, PaymentAttempt latest) {
            return new TopUpView(t.id(), t.accountId(), t.status().name(), MoneyView.of(t.amount()),
                    MoneyView.of(t.credit()), MoneyView.of(t.credited()), t.quoteId(), t.method(), t.payerId(),
                    t.reference(), JsonText.parse(t.instructions()), PaymentView.of(latest), t.cancelReason(),
                    t.cancelReasonCode(), t.createdAt(), t.paidAt(), t.cancelledAt(), t.invoiceId());
        }
    }

    /**
     * A method as its tenant configured it. Secret credentials are never shown: {@code credentials}
     * holds a masked hint for each set one ({@code "sk_t…4242"}) and visible ones in full;
     * {@code settings} repeats the visible ones (bank details), as the first release showed them.
     */
    public record PaymentMethodView(String code, String name, String plugin, boolean enabled, List<String> countries,
                                    String processingTime, boolean credentialsSet, Map<String, Object> credentials,
                                    List<CredentialFieldView> credentialFields, Map<String, Object> settings) {
        public static PaymentMethodView of(ConfiguredMethod m, String locale) {
            Map<String, Object> hints = new java.util.LinkedHashMap<>();
            Map<String, Object> settings = new java.util.LinkedHashMap<>();
            List<CredentialFieldView> fields = new java.util.ArrayList<>();
            for (dev.kassa.api.payment.CredentialField f : m.method().info().credentials()) {
                String value = m.credentials().get(f.name());
                if (value != null) {
                    hints.put(f.name(), f.secret() ? mask(value) : value);
                }
                if (!f.secret()) {
                    settings.put(f.name(), value);
                }
                fields.add(new CredentialFieldView(f.name(), f.label(), f.secret(), f.required(), value != null));
            }
            var info = m.method().info();
            return new PaymentMethodView(m.code(), info.name(locale), m.method().pluginId(), m.enabled(), m.countries(),
                    info.processingTime(locale), m.credentialsComplete(), hints, fields, settings);
        }

        /**
         * Enough of a secret to tell two apart, never enough to use: its kind prefix (such as
         * {@code sk_test_} or {@code whsec_}) and its last four characters.
         */
        static String mask(String secret) {
            int prefix = secret.substring(0, Math.min(8, secret.length())).lastIndexOf('_') + 1;
            if (secret.length() < prefix + 12) {
                return "…";
            }
            return secret.substring(0, prefix) + "…" + secret.substring(secret.length() - 4);
        }
    }

    public record CredentialFieldView(String name, String label, boolean secret, boolean required, boolean set) { }
}
