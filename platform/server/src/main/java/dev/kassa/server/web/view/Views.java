package dev.kassa.server.web.view;

import dev.kassa.server.account.domain.Account;
import dev.kassa.server.account.domain.Payer;
import dev.kassa.server.banktransfer.domain.BankTransfer;
import dev.kassa.server.ledger.application.BalanceService;
import dev.kassa.server.payment.application.PaymentMethodService.ConfiguredMethod;
import dev.kassa.server.payment.domain.PaymentAttempt;
import dev.kassa.server.payment.domain.Refund;
import dev.kassa.server.payment.domain.SavedMethod;
import dev.kassa.server.shared.MoneyView;
import dev.kassa.server.tenant.domain.ApiKey;
import dev.kassa.server.tenant.domain.Tenant;
import dev.kassa.server.tenant.domain.TopUpLimits;
import dev.kassa.server.topup.domain.TopUp;
import dev.kassa.server.web.ShownOnce;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbProperty;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The JSON shapes of the API. Records only: what a client sees is what is listed here. */
public final class Views {
    private Views() {
    }

    public record TenantView(String id, String slug, String name, String baseCurrency, String defaultLocale,
                             List<String> locales, Instant createdAt) {
        public static TenantView of(Tenant t) {
            return new TenantView(t.id(), t.slug(), t.name(), t.baseCurrency().code(), t.defaultLocale(), t.locales(),
                    t.createdAt());
        }
    }

    public record CreatedTenantView(String id, String slug, String name, String baseCurrency, String defaultLocale,
                                    List<String> locales, String apiKey, Instant createdAt) implements ShownOnce {
        public static CreatedTenantView of(Tenant t, String apiKey) {
            return new CreatedTenantView(t.id(), t.slug(), t.name(), t.baseCurrency().code(), t.defaultLocale(),
                    t.locales(), apiKey, t.createdAt());
        }

        @Override
        public String secretMember() {
            return "apiKey";
        }

        @Override
        public String replayNotice() {
            return "The API key is shown only in the first answer and is not kept. Create a new one with "
                    + "POST /api/v1/tenants/" + id + "/api-keys.";
        }
    }

    /** One of a tenant's API keys, never its secret. */
    public record ApiKeyView(String id, String prefix, String last4, Instant createdAt, Instant lastUsedAt) {
        public static ApiKeyView of(ApiKey k) {
            return new ApiKeyView(k.id(), k.prefix(), k.last4(), k.createdAt(), k.lastUsedAt().orElse(null));
        }
    }

    /** A key just issued: the only answer that carries its secret. */
    public record CreatedApiKeyView(String id, String apiKey, String prefix, Instant createdAt) implements ShownOnce {
        public static CreatedApiKeyView of(ApiKey k, String secret) {
            return new CreatedApiKeyView(k.id(), secret, k.prefix(), k.createdAt());
        }

        @Override
        public String secretMember() {
            return "apiKey";
        }

        @Override
        public String replayNotice() {
            return "The API key is shown only in the first answer and is not kept. Revoke this key ("
                    + id + ") if it was not received, and create a new one.";
        }
    }

    public record CurrencySettingsView(String base, List<String> enabled, int markupBasisPoints) {
        public static CurrencySettingsView of(dev.kassa.server.tenant.domain.CurrencySettings c) {
            return new CurrencySettingsView(c.base().code(), c.enabled().stream().map(u -> u.code()).toList(),
                    c.markupBasisPoints());
        }
    }

    public record TopUpSettingsView(MoneyView minimum, MoneyView maximum, List<MoneyView> presets) {
        public static TopUpSettingsView of(TopUpLimits l) {
            return new TopUpSettingsView(MoneyView.of(l.minimum()), MoneyView.of(l.maximum()),
                    l.presets().stream().map(MoneyView::of).toList());
        }
    }

    /** {@code displayBalance} is null unless asked for with {@code ?displayCurrency=}. */
    public record AccountView(String id, String reference, String email, String name, String country, String locale,
                              String currency, MoneyView balance, MoneyView displayBalance, Instant createdAt) {
        public static AccountView of(Account a) {
            return new AccountView(a.id(), a.reference(), a.email(), a.name(), a.country(), a.locale(),
                    a.currency().code(), MoneyView.of(a.balance()), null, a.createdAt());
        }

        /** With an indicative balance in another currency (not money the customer holds). */
        public static AccountView of(Account a, dev.kassa.server.shared.Money display) {
            return new AccountView(a.id(), a.reference(), a.email(), a.name(), a.country(), a.locale(),
                    a.currency().code(), MoneyView.of(a.balance()), MoneyView.of(display), a.createdAt());
        }
    }

    public record PayerView(String id, String accountId, String type, String name, String country, String vatId,
                            JsonValue address, Instant createdAt) {
        public static PayerView of(Payer p) {
            return new PayerView(p.id(), p.accountId(), p.type().name(), p.name(), p.country(), p.vatId(),
                    json(p.address()), p.createdAt());
        }
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
                    s.last4(), s.expiry(), s.isDefault(), json(s.nextAction()), s.reasonCode(), s.reason(),
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
            return new PaymentView(a.id(), a.method(), a.status().name(), a.gatewayReference(), json(a.nextAction()),
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

    public record RefundView(String id, String topUpId, String accountId, String method, MoneyView amount,
                             String status, String gatewayReference, String reasonCode, String reason,
                             Instant createdAt, Instant completedAt) {
        public static RefundView of(Refund r) {
            return new RefundView(r.id(), r.topUpId(), r.accountId(), r.method(), MoneyView.of(r.amount()),
                    r.status().name(), r.gatewayReference(), r.reasonCode(), r.reason(), r.createdAt(),
                    r.completedAt());
        }
    }

    /**
     * {@code amount} is what the customer pays (payment currency); {@code credit} what that credits
     * (account currency); {@code credited} what has reached the balance so far.
     */
    public record TopUpView(String id, String accountId, String status, MoneyView amount, MoneyView credit,
                            MoneyView credited, String quoteId, String method, String payerId, String reference,
                            JsonValue instructions, PaymentView payment, String cancelReason, Instant createdAt,
                            Instant paidAt, Instant cancelledAt) {
        public static TopUpView of(TopUp t, PaymentAttempt latest) {
            return new TopUpView(t.id(), t.accountId(), t.status().name(), MoneyView.of(t.amount()),
                    MoneyView.of(t.credit()), MoneyView.of(t.credited()), t.quoteId(), t.method(), t.payerId(),
                    t.reference(), json(t.instructions()), PaymentView.of(latest), t.cancelReason(), t.createdAt(),
                    t.paidAt(), t.cancelledAt());
        }
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

    public record BankTransferView(String id, String status, String bankTransactionId, String reference,
                                   MoneyView amount, String payerName, Instant receivedAt, String accountId,
                                   String topUpId, MoneyView credited, Instant createdAt, Instant assignedAt) {
        public static BankTransferView of(BankTransfer b) {
            return new BankTransferView(b.id(), b.status().name(), b.bankTransactionId(), b.reference(),
                    MoneyView.of(b.amount()), b.payerName(), b.receivedAt(), b.accountId(), b.topUpId(),
                    MoneyView.of(b.credited()), b.createdAt(), b.assignedAt());
        }
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

    static JsonValue json(String text) {
        if (text == null) {
            return JsonValue.NULL;
        }
        return Json.createReader(new StringReader(text)).readValue();
    }
}
