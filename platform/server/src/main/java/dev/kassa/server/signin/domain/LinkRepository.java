package dev.kassa.server.signin.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Link tokens, always within one tenant; joins the caller's transaction. */
public interface LinkRepository {
    Optional<LinkToken> findByTokenHash(String tenantId, String tokenHash);

    /** The token, locked until the transaction ends, so that two uses at once cannot both succeed. */
    Optional<LinkToken> lockByTokenHash(String tenantId, String tokenHash);

    /** The account's tokens that set a password and are not used yet (expired ones included). */
    List<LinkToken> unusedPasswordLinks(String tenantId, String accountId);

    void add(LinkToken link);

    /** Forgets the tokens that expired before {@code before}, of every tenant; returns how many. */
    int purgeExpired(Instant before);
}
