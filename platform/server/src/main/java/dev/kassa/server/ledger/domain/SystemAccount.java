package dev.kassa.server.ledger.domain;

import dev.kassa.server.shared.CurrencyUnit;

/**
 * The tenant's own ledger accounts, one per currency. Their balances are derived from entries
 * only: keeping a stored balance on them would make every posting of a tenant contend on one row.
 */
public enum SystemAccount {
    /** Asset: money received at the tenant's bank (or a gateway) for customers. */
    BANK_CLEARING("bank_clearing"),
    /** Liability: money received that no reference matched yet. */
    UNALLOCATED("unallocated"),
    /** Income: what customers' balances paid for. */
    REVENUE("revenue"),
    /** Expense/income of manual corrections. */
    ADJUSTMENTS("adjustments"),
    /** Asset: money a payment gateway (card, wallet) holds for the tenant until it pays out. */
    GATEWAY_CLEARING("gateway_clearing"),
    /** Liability: refunds asked for and debited from balances, not yet confirmed sent. */
    REFUNDS_PENDING("refunds_pending"),
    /** Where conversions pass: one leg in each currency, so every currency balances on its own. */
    EXCHANGE("exchange");

    private final String code;

    SystemAccount(String code) {
        this.code = code;
    }

    public String ledgerAccount(CurrencyUnit currency) {
        return "sys:" + code + ":" + currency.code();
    }
}
