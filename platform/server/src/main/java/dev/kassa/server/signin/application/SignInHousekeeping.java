package dev.kassa.server.signin.application;

import dev.kassa.server.signin.domain.LinkRepository;
import dev.kassa.server.signin.domain.LoginRepository;
import dev.kassa.server.signin.domain.SessionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Forgets what no longer works: ended sessions, links expired a day ago, failed sign-ins past the throttle's window. */
@ApplicationScoped
public class SignInHousekeeping {
    private SessionRepository sessions;
    private LinkRepository links;
    private LoginRepository logins;
    private Clock clock;

    protected SignInHousekeeping() {
    }

    @Inject
    public SignInHousekeeping(SessionRepository sessions, LinkRepository links, LoginRepository logins, Clock clock) {
        this.sessions = sessions;
        this.links = links;
        this.logins = logins;
        this.clock = clock;
    }

    /** Returns how many rows went. */
    @Transactional
    public int purge() {
        Instant now = clock.instant();
        return sessions.purgeExpired(now) + links.purgeExpired(now.minus(Duration.ofDays(1)))
                + logins.purgeFailures(now.minus(Credentials.WINDOW));
    }
}
