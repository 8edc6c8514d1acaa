package dev.kassa.server.account.application;

/**
 * Whether an account has top-ups still NEW: their amount and credit were agreed in its currency,
 * so the currency must not change under them. The payment context, which owns top-ups, answers.
 */
public interface OpenTopUps {
    boolean exist(String tenantId, String accountId);
}
