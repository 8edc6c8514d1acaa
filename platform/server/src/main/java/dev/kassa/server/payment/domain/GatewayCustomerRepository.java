package dev.kassa.server.payment.domain;

import java.time.Instant;
import java.util.Optional;

/** Which customer id each gateway gave an account. Every method joins the caller's transaction. */
public interface GatewayCustomerRepository {
    /** The account's customer id at the method's gateway, if one was created. */
    Optional<String> find(String tenantId, String method, String accountId);

    /** Keeps {@code reference} unless the account has a customer id at that method already (the first one stays). */
    void addIfAbsent(String tenantId, String method, String accountId, String reference, Instant createdAt);

    /** Forgets every customer id the tenant has at the method's gateway. */
    void removeAll(String tenantId, String method);
}
