package dev.kassa.server.payment.domain;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Saved methods, always within one tenant. Every method joins the caller's transaction. */
public interface SavedMethodRepository {
    void add(SavedMethod method);

    /** The saved method unless it was removed. */
    Optional<SavedMethod> find(String tenantId, String id);

    /** The saved method, removed or not, locked until the transaction ends; 404 {@code not_found} if none. */
    SavedMethod lock(String tenantId, String id);

    /** The saved method a gateway's news is about, locked: by the gateway's set-up reference, else by our id. */
    Optional<SavedMethod> lockForGateway(String tenantId, String method, String gatewayReference, String id);

    /** The tenant's methods of {@code method} holding the gateway's {@code token}, except removed ones, locked. */
    List<SavedMethod> lockByToken(String tenantId, String method, String token);

    /** The account's methods except removed ones, default first, then newest. */
    List<SavedMethod> list(String tenantId, String accountId);

    /** The account's confirmed methods, default first, then newest. */
    default List<SavedMethod> confirmed(String tenantId, String accountId) {
        return confirmedOfAccounts(tenantId, List.of(accountId));
    }

    /**
     * The confirmed methods of all these accounts, each account's default first, then newest: what
     * {@link #confirmed} gives for one account, for many in one query (a billing batch).
     */
    List<SavedMethod> confirmedOfAccounts(String tenantId, Collection<String> accountIds);

    /** All of the account's methods, removed ones too, locked in id order: two callers wait, never deadlock. */
    List<SavedMethod> lockAll(String tenantId, String accountId);
}
