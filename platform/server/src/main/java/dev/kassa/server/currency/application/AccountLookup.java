package dev.kassa.server.currency.application;

/**
 * Whether a tenant has an account, for a quote made for one. The account context answers; the
 * currency context reads none of its tables.
 */
public interface AccountLookup {
    boolean exists(String tenantId, String accountId);
}
