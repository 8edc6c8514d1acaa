package dev.kassa.server.signin.application;

import dev.kassa.server.config.Secrets;
import dev.kassa.server.shared.FieldError;
import dev.kassa.server.shared.Ids;
import dev.kassa.server.shared.KassaException;
import dev.kassa.server.signin.domain.FailedSignIn;
import dev.kassa.server.signin.domain.Login;
import dev.kassa.server.signin.domain.LoginRepository;
import dev.kassa.server.signin.domain.Passwords;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Customers' passwords and the throttle on guessing them. Every check hashes once, also for an
 * e-mail that is nobody's or an account without a password (against a dummy hash), so that neither
 * the answer nor its timing tells whether the e-mail is a customer's.
 *
 * <p>The throttle: {@value #MAX_FAILURES} failed sign-ins for one e-mail from one address within
 * {@link #WINDOW} refuse further tries of that e-mail from that address until the oldest of them
 * is {@link #WINDOW} old; {@value #MAX_FAILURES_PER_EMAIL} from any addresses refuse that e-mail
 * everywhere (guessing spread over many addresses). Refused tries are not counted, so the throttle
 * lifts by itself. Failures are counted for unknown e-mails exactly as for known ones.
 */
@ApplicationScoped
public class Credentials {
    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 256;
    static final int MAX_FAILURES = 5;
    static final int MAX_FAILURES_PER_EMAIL = 50;
    static final Duration WINDOW = Duration.ofMinutes(15);
    private static final String NO_ADDRESS = "unknown";

    private LoginRepository logins;
    private Passwords passwords;
    private Clock clock;
    private volatile String dummyHash;

    protected Credentials() {
    }

    @Inject
    public Credentials(LoginRepository logins, Passwords passwords, Clock clock) {
        this.logins = logins;
        this.passwords = passwords;
        this.clock = clock;
    }

    /** 422 {@code password.too_short} unless the password has {@value #MIN_LENGTH} to {@value #MAX_LENGTH} characters. */
    public static void requireAcceptable(String password) {
        int length = password == null ? 0 : password.codePointCount(0, password.length());
        if (length < MIN_LENGTH || length > MAX_LENGTH) {
            String message = "must have at least " + MIN_LENGTH + " and at most " + MAX_LENGTH + " characters";
            throw new KassaException(422, "password.too_short", "Password too short", "password: " + message,
                    List.of(new FieldError("password", "password.too_short", message)));
        }
    }

    /** 429 {@code sign_in.throttled} when this e-mail failed too often lately, from this address or overall. */
    public void requireNotThrottled(String tenantId, String email, String remoteAddress) {
        Instant now = clock.instant();
        List<FailedSignIn> failures = logins.failuresSince(tenantId, emailKey(email), now.minus(WINDOW));
        String address = address(remoteAddress);
        List<FailedSignIn> fromHere = failures.stream().filter(f -> f.remoteAddress().equals(address)).toList();
        Instant until = null;
        if (fromHere.size() >= MAX_FAILURES) {
            until = fromHere.get(fromHere.size() - MAX_FAILURES).failedAt().plus(WINDOW);
        }
        if (failures.size() >= MAX_FAILURES_PER_EMAIL) {
            Instant overall = failures.get(failures.size() - MAX_FAILURES_PER_EMAIL).failedAt().plus(WINDOW);
            until = until == null || overall.isAfter(until) ? overall : until;
        }
        if (until != null) {
            long seconds = Math.max(1, Duration.between(now, until).toSeconds());
            long minutes = (seconds + 59) / 60;
            throw new KassaException(429, "sign_in.throttled", "Too many failed sign-ins",
                    "Too many failed sign-ins for this e-mail; try again in " + minutes
                            + (minutes == 1 ? " minute." : " minutes."), null)
                    .with("retryAfter", until).with("retryAfterSeconds", seconds);
        }
    }

    /** Whether the password is the account's; {@code accountId} null (no such customer) is checked against a dummy. */
    public boolean check(String tenantId, String accountId, String password) {
        Optional<Login> login = accountId == null ? Optional.empty() : logins.findByAccount(tenantId, accountId);
        String encoded = login.map(Login::passwordHash).orElseGet(this::dummyHash);
        boolean matches = passwords.verify(password == null ? "" : password, encoded);
        return matches && login.isPresent();
    }

    public void recordFailure(String tenantId, String email, String remoteAddress) {
        logins.addFailure(new FailedSignIn(Ids.next("sif"), tenantId, emailKey(email), address(remoteAddress),
                clock.instant()));
    }

    /** Sets the account's password (its first one, or a new one). */
    @Transactional
    public void set(String tenantId, String accountId, String password) {
        requireAcceptable(password);
        String hash = passwords.hash(password);
        Optional<Login> login = logins.findByAccount(tenantId, accountId);
        if (login.isPresent()) {
            login.get().changePassword(hash, clock.instant());
        } else {
            logins.add(new Login(Ids.next("lgn"), tenantId, accountId, hash, clock.instant()));
        }
    }

    public boolean hasPassword(String tenantId, String accountId) {
        return logins.findByAccount(tenantId, accountId).isPresent();
    }

    static String emailKey(String email) {
        String key = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        return key.length() > 320 ? key.substring(0, 320) : key;
    }

    private static String address(String remoteAddress) {
        if (remoteAddress == null || remoteAddress.isBlank()) {
            return NO_ADDRESS;
        }
        return remoteAddress.length() > 64 ? remoteAddress.substring(0, 64) : remoteAddress;
    }

    private String dummyHash() {
        String hash = dummyHash;
        if (hash == null) {
            hash = passwords.hash(Secrets.newToken("dummy-"));
            dummyHash = hash;
        }
        return hash;
    }
}
