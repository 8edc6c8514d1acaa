package dev.kassa.server.clientarea.api;

import dev.kassa.server.ledger.application.BalanceService;
import dev.kassa.server.ledger.application.BalanceService.StatementLine;
import dev.kassa.server.ledger.domain.TransactionType;
import dev.kassa.server.shared.Ids;
import dev.kassa.server.shared.KassaException;
import dev.kassa.server.shared.Money;
import dev.kassa.server.shared.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code /transactions}, the Transactions tab of Payments: the account's statement, newest first,
 * with the balance after each movement and the conversion where one was converted; the same
 * statement as {@code GET /api/v1/accounts/{id}/transactions}, a page of {@value #PER_PAGE} at a time.
 */
@ApplicationScoped
public class TransactionsPage implements ClientAreaPage {
    static final int PER_PAGE = 25;

    private BalanceService balances;

    protected TransactionsPage() {
    }

    @Inject
    public TransactionsPage(BalanceService balances) {
        this.balances = balances;
    }

    /** A conversion: what was paid, at which rate, of which day. */
    public record ConversionRow(Money paid, BigDecimal rate, LocalDate rateDate) { }

    /**
     * One movement: {@code type} a {@code TransactionType} name, {@code amount} signed from the
     * customer's side (+ credit, - debit).
     */
    public record TransactionRow(String type, String description, String reference, Money amount,
                                 Money balanceAfter, Instant createdAt, boolean credit, ConversionRow conversion) { }

    @Override
    public Set<String> paths() {
        return Set.of("/transactions");
    }

    @Override
    public boolean forCustomers() {
        return true;
    }

    @Override
    public Reply get(Visit visit) {
        String after = visit.param("after");
        if (after != null && !Ids.looksLike(after, "jen")) {
            return Reply.redirect("/transactions");
        }
        List<StatementLine> lines;
        try {
            lines = balances.statement(visit.tenantId(), visit.accountId(), new PageRequest(PER_PAGE, after));
        } catch (KassaException e) {
            if ("request.invalid_cursor".equals(e.code())) {
                return Reply.redirect("/transactions"); // another account's cursor, or a made-up one
            }
            throw e;
        }
        boolean more = lines.size() > PER_PAGE;
        List<TransactionRow> rows = lines.stream().limit(PER_PAGE).map(TransactionsPage::row).toList();
        Map<String, Object> model = new HashMap<>();
        model.put("section", "payments");
        model.put("transactions", rows);
        model.put("olderPage", more ? "/transactions?after=" + lines.get(PER_PAGE - 1).cursor() : null);
        model.put("firstPage", after != null);
        return Reply.page("transactions", model);
    }

    private static TransactionRow row(StatementLine l) {
        ConversionRow conversion = l.fx() == null ? null
                : new ConversionRow(l.fx().paid(), l.fx().rate(), l.fx().rateDate());
        // A charge's description is the tenant's line for the customer ("Server rental"); the others
        // are Kassa's own notes in English for the tenant (gateway ids, refund ids), not for this page.
        String description = l.type() == TransactionType.CHARGE ? l.description() : null;
        return new TransactionRow(l.type().name(), description, l.reference(), l.amount(), l.balanceAfter(),
                l.createdAt(), l.amount().isPositive(), conversion);
    }
}
