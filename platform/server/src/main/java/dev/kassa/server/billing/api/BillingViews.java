package dev.kassa.server.billing.api;

import dev.kassa.server.billing.domain.BillingSettings;
import dev.kassa.server.billing.domain.Invoice;
import dev.kassa.server.billing.domain.InvoiceLine;
import dev.kassa.server.billing.domain.Service;
import dev.kassa.server.billing.domain.TaxDecision;
import dev.kassa.server.web.MoneyView;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** The response bodies of this context. */
public final class BillingViews {
    private BillingViews() {
    }

    public record BillingSettingsView(String establishmentCountry, String vatId, boolean pricesIncludeVat,
                                      int graceDays, int terminationDays, boolean invoiceTopUps,
                                      NumberingView numbering) {
        public static BillingSettingsView of(BillingSettings s) {
            return new BillingSettingsView(s.establishmentCountry(), s.vatId(), s.pricesIncludeVat(), s.graceDays(),
                    s.terminationDays(), s.invoiceTopUps(),
                    new NumberingView(s.invoiceFormat(), s.creditNoteFormat(), s.receiptFormat()));
        }
    }

    public record NumberingView(String invoice, String creditNote, String receipt) { }

    /** A rate as a decimal string of percent ({@code "20"}, {@code "25.5"}), never a float. */
    static String percent(BigDecimal rate) {
        return rate.signum() == 0 ? "0" : rate.stripTrailingZeros().toPlainString();
    }

    public record TaxView(String rule, String rate, String category, String exemptionReason, String rateTableDate) {
        static TaxView of(TaxDecision d) {
            return new TaxView(d.rule().name(), percent(d.rate()), d.category(), d.exemptionReason(),
                    d.rateTableDate());
        }
    }

    public record InvoiceLineView(String description, long quantity, MoneyView unitPrice, String taxCategory,
                                  MoneyView net, MoneyView vat, MoneyView gross, TaxView tax, String serviceId,
                                  String topUpId) {
        static InvoiceLineView of(InvoiceLine l) {
            return new InvoiceLineView(l.description(), l.quantity(), MoneyView.of(l.unitPrice()),
                    l.taxCategory().name(), MoneyView.of(l.net()), MoneyView.of(l.vat()), MoneyView.of(l.gross()),
                    TaxView.of(l.taxDecision()), l.serviceId(), l.topUpId());
        }
    }

    public record SellerView(String country, String vatId) { }

    public record BuyerView(String name, String country, String vatId) { }

    public record InvoiceView(String id, String accountId, String payerId, String status, String number,
                              String currency, List<InvoiceLineView> lines, MoneyView net, MoneyView vat,
                              MoneyView gross, boolean pricesIncludeVat, String supplyDate, Instant dueAt,
                              SellerView seller, BuyerView buyer, String paymentTransactionId, Instant createdAt,
                              Instant finalizedAt, Instant paidAt, String paymentReference) {
        public static InvoiceView of(Invoice i) {
            Invoice.Parties p = i.parties();
            boolean frozen = i.finalizedAt() != null;
            return new InvoiceView(i.id(), i.accountId(), i.payerId(), i.status().name(), i.number(),
                    i.currency().code(), i.lines().stream().map(InvoiceLineView::of).toList(), MoneyView.of(i.net()),
                    MoneyView.of(i.vat()), MoneyView.of(i.gross()), i.pricesIncludeVat(),
                    i.supplyDate() == null ? null : i.supplyDate().toString(), i.dueAt(),
                    frozen ? new SellerView(p.sellerCountry(), p.sellerVatId()) : null,
                    frozen ? new BuyerView(p.buyerName(), p.buyerCountry(), p.buyerVatId()) : null,
                    i.paymentTransactionId(), i.createdAt(), i.finalizedAt(), i.paidAt(), i.paymentReference());
        }
    }

    public record ServiceView(String id, String accountId, String payerId, String name, String externalId,
                              MoneyView price, String period, Instant nextRenewalAt, boolean autoRenew,
                              String taxCategory, String status, String unpaidInvoiceId, Instant suspendAt,
                              Instant terminateAt, Instant cancelAt, Instant createdAt, Instant updatedAt,
                              Instant lastRenewedAt, Instant suspendedAt, Instant terminatedAt) {
        public static ServiceView of(Service s) {
            return new ServiceView(s.id(), s.accountId(), s.payerId(), s.name(), s.externalId(),
                    MoneyView.of(s.price()), s.period().name(), s.nextRenewalAt(), s.autoRenew(),
                    s.taxCategory().name(), s.status().name(), s.unpaidInvoiceId(), s.suspendAt(), s.terminateAt(),
                    s.cancelAt(), s.createdAt(), s.updatedAt(), s.lastRenewedAt(), s.suspendedAt(), s.terminatedAt());
        }
    }
}
