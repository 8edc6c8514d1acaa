package dev.kassa.server.web.view;

import dev.kassa.server.account.domain.Account;
import dev.kassa.server.account.domain.Payer;
import dev.kassa.server.banktransfer.domain.BankTransfer;
import dev.kassa.server.ledger.application.BalanceService;
import dev.kassa.server.payment.application.PaymentMethodService.ConfiguredMethod;
import dev.kassa.server.payment.domain.BankDetails;
import dev.kassa.server.payment.domain.BuiltInMethod;
import dev.kassa.server.shared.MoneyView;
import dev.kassa.server.tenant.domain.Tenant;
import dev.kassa.server.tenant.domain.TopUpLimits;
import dev.kassa.server.topup.domain.TopUp;
import jakarta.json.Json;
import jakarta.json.JsonValue;
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
                                    List<String> locales, String apiKey, Instant createdAt) {
        public static CreatedTenantView of(Tenant t, String apiKey) {
            return new CreatedTenantView(t.id(), t.slug(), t.name(), t.baseCurrency().code(), t.defaultLocale(),
                    t.locales(), apiKey, t.createdAt());
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
            return new MethodOptionView(m.method().code(), m.method().name(locale), m.method().processingTime(locale));
        }
    }

    public record TopUpOptionsView(MoneyView minimum, MoneyView maximum, List<MoneyView> presets,
                                   List<MethodOptionView> methods) { }

    /**
     * {@code amount} is what the customer pays (payment currency); {@code credit} what that credits
     * (account currency); {@code credited} what has reached the balance so far.
     */
    public record TopUpView(String id, String accountId, String status, MoneyView amount, MoneyView credit,
                            MoneyView credited, String quoteId, String method, String payerId, String reference,
                            JsonValue instructions, String cancelReason, Instant createdAt, Instant paidAt,
                            Instant cancelledAt) {
        public static TopUpView of(TopUp t) {
            return new TopUpView(t.id(), t.accountId(), t.status().name(), MoneyView.of(t.amount()),
                    MoneyView.of(t.credit()), MoneyView.of(t.credited()), t.quoteId(), t.method(), t.payerId(),
                    t.reference(), json(t.instructions()), t.cancelReason(), t.createdAt(), t.paidAt(),
                    t.cancelledAt());
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

    public record PaymentMethodView(String code, String name, boolean enabled, List<String> countries,
                                    String processingTime, Map<String, Object> settings) {
        public static PaymentMethodView of(ConfiguredMethod m, String locale) {
            Map<String, Object> settings = Map.of();
            if (m.method() == BuiltInMethod.BANK_TRANSFER) {
                BankDetails bank = m.bankDetails();
                settings = new java.util.LinkedHashMap<>();
                settings.put("beneficiary", bank.beneficiary());
                settings.put("iban", bank.iban());
                settings.put("bic", bank.bic());
                settings.put("bankName", bank.bankName());
            }
            return new PaymentMethodView(m.method().code(), m.method().name(locale), m.config().enabled(),
                    m.config().countries(), m.method().processingTime(locale), settings);
        }
    }

    static JsonValue json(String text) {
        if (text == null) {
            return JsonValue.NULL;
        }
        return Json.createReader(new StringReader(text)).readValue();
    }
}
