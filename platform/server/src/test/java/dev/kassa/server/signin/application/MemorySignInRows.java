package dev.kassa.server.signin.application;

import dev.kassa.server.signin.domain.FailedSignIn;
import dev.kassa.server.signin.domain.LinkPurpose;
import dev.kassa.server.signin.domain.LinkRepository;
import dev.kassa.server.signin.domain.LinkToken;
import dev.kassa.server.signin.domain.Login;
import dev.kassa.server.signin.domain.LoginRepository;
import dev.kassa.server.signin.domain.SessionRepository;
import dev.kassa.server.signin.domain.SignInSession;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Sign-in's three repositories in lists, scoped by tenant as the JPA ones are (locks are the database's part). */
final class MemorySignInRows {
    final Logins logins = new Logins();
    final Sessions sessions = new Sessions();
    final Links links = new Links();

    static final class Logins implements LoginRepository {
        final List<Login> rows = new ArrayList<>();
        final List<FailedSignIn> failures = new ArrayList<>();

        @Override
        public Optional<Login> findByAccount(String tenantId, String accountId) {
            return rows.stream().filter(l -> l.tenantId().equals(tenantId) && l.accountId().equals(accountId))
                    .findFirst();
        }

        @Override
        public void add(Login login) {
            rows.add(login);
        }

        @Override
        public void addFailure(FailedSignIn failure) {
            failures.add(failure);
        }

        @Override
        public List<FailedSignIn> failuresSince(String tenantId, String emailKey, Instant since) {
            return failures.stream().filter(f -> f.tenantId().equals(tenantId) && f.emailKey().equals(emailKey)
                    && f.failedAt().isAfter(since)).sorted(Comparator.comparing(FailedSignIn::failedAt)).toList();
        }

        @Override
        public int purgeFailures(Instant before) {
            int size = failures.size();
            failures.removeIf(f -> f.failedAt().isBefore(before));
            return size - failures.size();
        }
    }

    static final class Sessions implements SessionRepository {
        final List<SignInSession> rows = new ArrayList<>();

        @Override
        public Optional<SignInSession> findByTokenHash(String tenantId, String tokenHash) {
            return rows.stream().filter(s -> s.tenantId().equals(tenantId) && s.tokenHash().equals(tokenHash))
                    .findFirst();
        }

        @Override
        public void add(SignInSession session) {
            rows.add(session);
        }

        @Override
        public void remove(SignInSession session) {
            rows.remove(session);
        }

        @Override
        public int removeAll(String tenantId, String accountId) {
            int size = rows.size();
            rows.removeIf(s -> s.tenantId().equals(tenantId) && s.accountId().equals(accountId));
            return size - rows.size();
        }

        @Override
        public int purgeExpired(Instant now) {
            int size = rows.size();
            rows.removeIf(s -> !s.liveAt(now));
            return size - rows.size();
        }
    }

    static final class Links implements LinkRepository {
        final List<LinkToken> rows = new ArrayList<>();

        @Override
        public Optional<LinkToken> findByTokenHash(String tenantId, String tokenHash) {
            return rows.stream().filter(l -> l.tenantId().equals(tenantId) && l.tokenHash().equals(tokenHash))
                    .findFirst();
        }

        @Override
        public Optional<LinkToken> lockByTokenHash(String tenantId, String tokenHash) {
            return findByTokenHash(tenantId, tokenHash);
        }

        @Override
        public List<LinkToken> unusedPasswordLinks(String tenantId, String accountId) {
            return rows.stream().filter(l -> l.tenantId().equals(tenantId) && l.accountId().equals(accountId)
                    && l.usedAt() == null && l.purpose() != LinkPurpose.SIGN_IN).toList();
        }

        @Override
        public void add(LinkToken link) {
            rows.add(link);
        }

        @Override
        public int purgeExpired(Instant before) {
            int size = rows.size();
            rows.removeIf(l -> l.expiresAt().isBefore(before));
            return size - rows.size();
        }
    }
}
