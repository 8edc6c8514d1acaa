package dev.kassa.server.signin.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Customers' logins and the failed sign-ins of the throttle, always within one tenant; joins the caller's transaction. */
public interface LoginRepository {
    Optional<Login> findByAccount(String tenantId, String accountId);

    void add(Login login);

    void addFailure(FailedSignIn failure);

    /** The failed sign-ins for this e-mail (its lower-case key) since {@code since}, oldest first. */
    List<FailedSignIn> failuresSince(String tenantId, String emailKey, Instant since);

    /** Forgets failed sign-ins older than {@code before}, of every tenant; returns how many. */
    int purgeFailures(Instant before);
}
