package dev.kassa.server.tenant.application;

import dev.kassa.server.shared.CurrencyUnit;
import java.util.List;

/**
 * What a tenant's money is held in, asked before its currencies change. The ledger and the
 * accounts belong to other contexts; the ledger answers through this, so that the tenant context
 * reads none of their tables.
 */
public interface MoneyInUse {
    /** Whether any money has moved for the tenant: then its base currency is fixed. */
    boolean hasMoved(String tenantId);

    /** The currencies the tenant's accounts are kept in: they must stay enabled. */
    List<CurrencyUnit> accountCurrencies(String tenantId);
}
