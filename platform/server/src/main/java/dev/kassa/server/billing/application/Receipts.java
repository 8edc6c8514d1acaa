package dev.kassa.server.billing.application;

import dev.kassa.server.account.domain.AccountRepository;
import dev.kassa.server.account.domain.Payer;
import dev.kassa.server.billing.domain.BillingSettings;
import dev.kassa.server.billing.domain.DocumentCounters;
import dev.kassa.server.billing.domain.DocumentSeries;
import dev.kassa.server.billing.domain.Invoice;
import dev.kassa.server.billing.domain.NumberFormat;
import dev.kassa.server.billing.domain.Receipt;
import dev.kassa.server.billing.domain.ReceiptRepository;
import dev.kassa.server.payment.application.TopUpPaid;
import dev.kassa.server.shared.Ids;
import dev.kassa.server.shared.KassaException;
import dev.kassa.server.shared.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * Every paid top-up gets a receipt, in the transaction that credits it: numbered in the tenant's
 * receipt series (gapless, like invoices: a rolled-back payment gives its number back), naming the
 * payer and the seller as they are that day. Nothing here can refuse: a tenant without billing
 * settings still gets receipts (with the default numbering and no seller country), since failing
 * would roll the payment back.
 */
@ApplicationScoped
public class Receipts {
    private ReceiptRepository receipts;
    private AccountRepository accounts;
    private BillingSettingsService settings;
    private DocumentCounters counters;
    private Event<ReceiptIssued> issued;

    protected Receipts() {
    }

    @Inject
    public Receipts(ReceiptRepository receipts, AccountRepository accounts, BillingSettingsService settings,
                    DocumentCounters counters, Event<ReceiptIssued> issued) {
        this.receipts = receipts;
        this.accounts = accounts;
        this.settings = settings;
        this.counters = counters;
        this.issued = issued;
    }

    void onPaid(@Observes TopUpPaid paid) {
        BillingSettings s = settings.get(paid.tenantId());
        LocalDate day = LocalDate.ofInstant(paid.paidAt(), ZoneOffset.UTC);
        long seq = counters.next(paid.tenantId(), DocumentSeries.RECEIPT, day.getYear());
        String number = NumberFormat.format(s.format(DocumentSeries.RECEIPT), day.getYear(), day.getMonthValue(),
                seq);
        Optional<Payer> payer = paid.payerId() == null ? Optional.empty()
                : accounts.findPayer(paid.tenantId(), paid.accountId(), paid.payerId());
        Invoice.Parties parties = new Invoice.Parties(s.establishmentCountry(), s.vatId(),
                payer.map(Payer::name).orElse(null), payer.map(Payer::country).orElse(null),
                payer.map(Payer::vatId).orElse(null));
        Receipt receipt = new Receipt(Ids.next("rct"), paid.tenantId(), number, new Receipt.Payment(paid.accountId(),
                paid.payerId(), paid.topUpId(), paid.reference(), paid.method(), paid.paid(), paid.credited(),
                paid.paidAt()), parties);
        receipts.add(receipt);
        issued.fire(new ReceiptIssued(paid.tenantId(), receipt.id(), paid.accountId(), paid.payerId(), number,
                paid.topUpId()));
    }

    @Transactional
    public Receipt get(String tenantId, String receiptId) {
        return receipts.find(tenantId, receiptId).orElseThrow(KassaException::notFound);
    }

    /** The receipt of a paid top-up, if it is paid. */
    @Transactional
    public Optional<Receipt> ofTopUp(String tenantId, String topUpId) {
        return receipts.findByTopUp(tenantId, topUpId);
    }

    /** The account's receipts, newest first, {@code limit + 1} of them. */
    @Transactional
    public List<Receipt> ofAccount(String tenantId, String accountId, PageRequest page) {
        accounts.require(tenantId, accountId);
        return receipts.page(tenantId, accountId, page.after(), page.limit());
    }
}
