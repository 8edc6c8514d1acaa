package dev.kassa.server.billing.api;

import dev.kassa.server.billing.domain.BillingSettings;
import dev.kassa.server.billing.domain.CreditNote;
import dev.kassa.server.billing.domain.CreditNoteLine;
import dev.kassa.server.billing.domain.Invoice;
import dev.kassa.server.billing.domain.InvoiceLine;
import dev.kassa.server.billing.domain.LineAmounts;
import dev.kassa.server.billing.domain.LocationEvidence;
import dev.kassa.server.billing.domain.Receipt;
import dev.kassa.server.billing.domain.Service;
import dev.kassa.server.billing.domain.TaxDecision;
import dev.kassa.server.shared.CreditorReferences;
import dev.kassa.server.shared.CurrencyUnit;
import dev.kassa.server.shared.Money;
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

    public record InvoiceLineView(String id, String description, long quantity, MoneyView unitPrice, String taxCategory,
                                  MoneyView net, MoneyView vat, MoneyView gross, TaxView tax, String serviceId,
                                  String topUpId) {
        static InvoiceLineView of(InvoiceLine l) {
            return new InvoiceLineView(l.id(), l.description(), l.quantity(), MoneyView.of(l.unitPrice()),
                    l.taxCategory().name(), MoneyView.of(l.net()), MoneyView.of(l.vat()), MoneyView.of(l.gross()),
                    TaxView.of(l.taxDecision()), l.serviceId(), l.topUpId());
        }
    }

    public record SellerView(String country, String vatId) { }

    /**
     * The buyer as the finalised invoice names it, with what the tax decisions rested on: how its
     * VAT ID stood with VIES ({@code vatIdCheck}, null without a VAT ID) and the evidences of its
     * location ({@code locationEvidence}).
     */
    public record BuyerView(String name, String country, String vatId, BuyerVatIdCheckView vatIdCheck,
                            List<LocationEvidenceView> locationEvidence, String locationEvidenceStatus) {
        static BuyerView of(Invoice.Parties p, Invoice.BuyerEvidence e) {
            BuyerVatIdCheckView check = e == null || e.vatCheckStatus() == null ? null
                    : new BuyerVatIdCheckView(e.vatCheckStatus(), e.vatConsultationNumber(), e.vatCheckedAt());
            List<LocationEvidenceView> location = e == null ? List.of()
                    : e.location().stream().map(l -> new LocationEvidenceView(l.kind().name(), l.country(),
                    l.ipAddress())).toList();
            String status = e == null ? null : LocationEvidence.assess(e.location(), p.buyerCountry()).name();
            return new BuyerView(p.buyerName(), p.buyerCountry(), p.buyerVatId(), check, location, status);
        }
    }

    /** The buyer as a credit note or receipt names it. */
    public record DocumentBuyerView(String name, String country, String vatId) { }

    public record BuyerVatIdCheckView(String status, String consultationNumber, Instant checkedAt) { }

    public record LocationEvidenceView(String kind, String country, String ipAddress) { }

    public record InvoiceView(String id, String accountId, String payerId, String status, String number,
                              String currency, List<InvoiceLineView> lines, MoneyView net, MoneyView vat,
                              MoneyView gross, boolean pricesIncludeVat, String supplyDate, Instant dueAt,
                              SellerView seller, BuyerView buyer, String paymentTransactionId, Instant createdAt,
                              Instant finalizedAt, Instant paidAt, Instant cancelledAt, String paymentReference,
                              String creditorReference, String topUpId, MoneyView prepaymentLeft) {
        public static InvoiceView of(Invoice i) {
            Invoice.Parties p = i.parties();
            boolean frozen = i.finalizedAt() != null;
            return new InvoiceView(i.id(), i.accountId(), i.payerId(), i.status().name(), i.number(),
                    i.currency().code(), i.lines().stream().map(InvoiceLineView::of).toList(), MoneyView.of(i.net()),
                    MoneyView.of(i.vat()), MoneyView.of(i.gross()), i.pricesIncludeVat(),
                    i.supplyDate() == null ? null : i.supplyDate().toString(), i.dueAt(),
                    frozen ? new SellerView(p.sellerCountry(), p.sellerVatId()) : null,
                    frozen ? BuyerView.of(p, i.buyerEvidence()) : null,
                    i.paymentTransactionId(), i.createdAt(), i.finalizedAt(), i.paidAt(), i.cancelledAt(),
                    i.paymentReference(), i.paymentReference() == null ? null
                            : CreditorReferences.forReference(i.paymentReference()).orElse(null),
                    i.topUpId(), i.prepaymentLeft() == null ? null
                            : MoneyView.of(i.prepaymentLeft()));
        }
    }

    public record CreditNoteLineView(String invoiceLineId, String description, long quantity, MoneyView unitPrice,
                                     MoneyView net, MoneyView vat, MoneyView gross, TaxView tax) {
        static CreditNoteLineView of(CreditNoteLine l, CurrencyUnit currency) {
            LineAmounts a = l.amounts();
            return new CreditNoteLineView(l.invoiceLineId(), l.description(), l.quantity(),
                    MoneyView.of(new Money(l.unitPriceMinor(), currency)), MoneyView.of(new Money(a.net(), currency)),
                    MoneyView.of(new Money(a.vat(), currency)), MoneyView.of(new Money(a.gross(), currency)),
                    TaxView.of(l.taxDecision()));
        }
    }

    public record CreditNoteView(String id, String accountId, String payerId, String invoiceId, String number,
                                 String invoiceNumber, String invoiceDate, String reason, boolean fullCredit,
                                 String settlement, String currency, List<CreditNoteLineView> lines, MoneyView net,
                                 MoneyView vat, MoneyView gross, SellerView seller, DocumentBuyerView buyer,
                                 String transactionId, Instant issuedAt) {
        public static CreditNoteView of(CreditNote c) {
            return new CreditNoteView(c.id(), c.accountId(), c.payerId(), c.invoiceId(), c.number(),
                    c.invoiceNumber(), c.invoiceDate().toString(), c.reason(), c.fullCredit(), c.settlement().name(),
                    c.currency().code(), c.lines().stream().map(l -> CreditNoteLineView.of(l, c.currency())).toList(),
                    MoneyView.of(c.net()), MoneyView.of(c.vat()), MoneyView.of(c.gross()),
                    new SellerView(c.sellerCountry(), c.sellerVatId()),
                    new DocumentBuyerView(c.buyerName(), c.buyerCountry(), c.buyerVatId()), c.transactionId(), c.issuedAt());
        }
    }

    public record ReceiptView(String id, String accountId, String payerId, String topUpId, String number,
                              String reference, String method, MoneyView paid, MoneyView credited, SellerView seller,
                              DocumentBuyerView buyer, Instant paidAt) {
        public static ReceiptView of(Receipt r) {
            Invoice.Parties p = r.parties();
            return new ReceiptView(r.id(), r.accountId(), r.payerId(), r.topUpId(), r.number(), r.reference(),
                    r.method(), MoneyView.of(r.paid()), MoneyView.of(r.credited()),
                    new SellerView(p.sellerCountry(), p.sellerVatId()),
                    new DocumentBuyerView(p.buyerName(), p.buyerCountry(), p.buyerVatId()), r.paidAt());
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
