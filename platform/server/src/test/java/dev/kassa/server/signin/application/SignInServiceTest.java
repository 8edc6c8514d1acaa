package dev.kassa.server.signin.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kassa.server.mail.application.MailOutbox;
import dev.kassa.server.mail.application.MailRequest;
import dev.kassa.server.mail.application.PlainEnglishMails;
import dev.kassa.server.mail.domain.OutboxMessage;
import dev.kassa.server.mail.domain.OutboxRepository;
import dev.kassa.server.mail.domain.OutboxStatus;
import dev.kassa.server.mail.domain.Sender;
import dev.kassa.server.shared.KassaException;
import dev.kassa.server.signin.infrastructure.Argon2Passwords;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Signing in without a container: the service over lists in place of the tables, the real Argon2id
 * (with small parameters), the real outbox and plain-text mails, and a clock the test moves.
 */
class SignInServiceTest {
    private static final String A = "ten_a";
    private static final String B = "ten_b";
    private static final String PASSWORD = "correct horse battery";
    private static final String HOME = "10.0.0.1";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T10:00:00Z"));
    private final MemorySignInRows rows = new MemorySignInRows();
    private final FakeCustomers customers = new FakeCustomers();
    private final List<MailRequest> mails = new ArrayList<>();
    private final List<OutboxMessage> outbox = new ArrayList<>();
    private final Credentials credentials = new Credentials(rows.logins, new Argon2Passwords(64, 1, 1), clock);
    private final SignInService service = new SignInService(customers, credentials,
            new Sessions(rows.sessions, clock),
            new LinkTokens(rows.links, tenantId -> URI.create("http://" + tenantId + ".localhost:8080"), clock),
            new MailOutbox(outboxRows(), tenantId -> new Sender("Tenant " + tenantId, null), request -> {
                mails.add(request);
                return new PlainEnglishMails().render(request);
            }, clock));

    @Test
    void argon2idHashesRoundTripWithTheDocumentedParameters() {
        Argon2Passwords passwords = new Argon2Passwords();
        String hash = passwords.hash(PASSWORD);

        assertTrue(hash.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), hash);
        assertTrue(passwords.verify(PASSWORD, hash));
        assertFalse(passwords.verify(PASSWORD + " ", hash));
        assertNotEquals(hash, passwords.hash(PASSWORD), "a salt of its own each time");
        assertFalse(passwords.verify(PASSWORD, "$argon2id$v=19$m=999999999,t=2,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAA"));
        assertFalse(passwords.verify(PASSWORD, "plain"));
    }

    @Test
    void anInvitationIsMailedAndSetsThePasswordOnce() {
        String account = customers.add(A, "ana@example.com");

        IssuedLink link = service.invite(A, account);

        assertEquals(clock.instant().plus(Duration.ofHours(72)), link.expiresAt());
        assertTrue(link.url().toString().startsWith("http://ten_a.localhost:8080/set-password?token="), link.url()::toString);
        MailRequest mail = mails.get(0);
        assertEquals(SignInService.INVITATION_MAIL, mail.kind());
        assertEquals("ana@example.com", mail.recipient());
        assertEquals(link.url().toString(), mail.model().get("url"));
        assertEquals(OutboxStatus.PENDING, outbox.get(0).status(), "the mail has a text: " + outbox.get(0).lastError());

        String token = token(link);
        assertTrue(service.passwordTokenValid(A, token));
        assertFalse(service.passwordTokenValid(B, token), "another tenant's token");
        CustomerSession session = service.setPassword(A, token, PASSWORD, HOME);
        assertEquals(account, session.accountId());
        assertFalse(service.passwordTokenValid(A, token), "used up");
        assertCode(410, "sign_in.link_invalid", () -> service.setPassword(A, token, "another password", HOME));

        CustomerSession signedIn = service.signIn(A, "ANA@example.com", PASSWORD, HOME);
        assertEquals(account, signedIn.accountId());
        assertNotEquals(session.token(), signedIn.token(), "a new token on every sign-in");
        assertNotEquals(signedIn.token(), signedIn.csrfToken());
        assertTrue(rows.sessions.rows.stream().noneMatch(s -> s.tokenHash().equals(signedIn.token())), "only a hash");
    }

    @Test
    void anInvitationExpiresAfter72HoursAndATooShortPasswordChangesNothing() {
        String account = customers.add(A, "ben@example.com");
        String token = token(service.invite(A, account));

        assertCode(422, "password.too_short", () -> service.setPassword(A, token, "short", HOME));
        assertCode(422, "password.too_short", () -> service.setPassword(A, token, "x".repeat(257), HOME));
        assertTrue(service.passwordTokenValid(A, token), "a refused password uses nothing up");
        clock.advance(Duration.ofHours(72));
        assertFalse(service.passwordTokenValid(A, token));
        assertCode(410, "sign_in.link_invalid", () -> service.setPassword(A, token, PASSWORD, HOME));
    }

    @Test
    void aWrongPasswordAndAnUnknownEmailFailAlike() {
        signedUp(A, "cleo@example.com");

        KassaException wrong = assertCode(401, "sign_in.failed", () -> service.signIn(A, "cleo@example.com", "nope", HOME));
        KassaException unknown = assertCode(401, "sign_in.failed",
                () -> service.signIn(A, "nobody@example.com", PASSWORD, HOME));
        KassaException noPassword = assertCode(401, "sign_in.failed",
                () -> service.signIn(A, customerWithoutPassword(), "", HOME));
        assertEquals(wrong.getMessage(), unknown.getMessage());
        assertEquals(wrong.getMessage(), noPassword.getMessage());
    }

    @Test
    void fiveFailuresWithinFifteenMinutesThrottleThatEmailFromThatAddress() {
        String dan = signedUp(A, "dan@example.com");
        for (int i = 0; i < 5; i++) {
            assertCode(401, "sign_in.failed", () -> service.signIn(A, "dan@example.com", "guess", HOME));
            clock.advance(Duration.ofMinutes(1));
        }

        KassaException throttled = assertCode(429, "sign_in.throttled",
                () -> service.signIn(A, "dan@example.com", PASSWORD, HOME));
        assertTrue(throttled.getMessage().contains("try again in 10 minutes"), throttled.getMessage());
        assertEquals(Instant.parse("2026-03-02T10:15:00Z"), throttled.extensions().get("retryAfter"));
        assertEquals(dan, service.signIn(A, "dan@example.com", PASSWORD, "10.9.9.9").accountId(),
                "not throttled from another address");
        assertCode(401, "sign_in.failed", () -> service.signIn(B, "dan@example.com", "guess", HOME));

        clock.advance(Duration.ofMinutes(11));
        assertEquals(dan, service.signIn(A, "dan@example.com", PASSWORD, HOME).accountId(), "the throttle lifts by itself");
    }

    @Test
    void anUnknownEmailIsThrottledExactlyLikeAKnownOne() {
        for (int i = 0; i < 5; i++) {
            assertCode(401, "sign_in.failed", () -> service.signIn(A, "ghost@example.com", "guess", HOME));
        }
        assertCode(429, "sign_in.throttled", () -> service.signIn(A, "ghost@example.com", "guess", HOME));
    }

    @Test
    void aSignInLinkWorksOnceWithinFiveMinutesAndKeepsItsReturnPath() {
        String account = customers.add(A, "eve@example.com");

        IssuedLink link = service.issueSignInLink(A, account, "/payments/history?status=NEW");
        assertTrue(link.url().toString().startsWith("http://ten_a.localhost:8080/sign-in/link?token="));
        assertEquals(clock.instant().plus(Duration.ofMinutes(5)), link.expiresAt());

        assertTrue(service.redeemSignInLink(B, token(link), HOME).isEmpty(), "another tenant's link");
        assertFalse(service.passwordTokenValid(A, token(link)), "a sign-in link sets no password");
        LinkSignIn signedIn = service.redeemSignInLink(A, token(link), HOME).orElseThrow();
        assertEquals(account, signedIn.session().accountId());
        assertEquals("/payments/history?status=NEW", signedIn.returnTo());
        assertTrue(service.redeemSignInLink(A, token(link), HOME).isEmpty(), "single use");

        IssuedLink plain = service.issueSignInLink(A, account, null);
        clock.advance(Duration.ofMinutes(5));
        assertTrue(service.redeemSignInLink(A, token(plain), HOME).isEmpty(), "expired");
        IssuedLink fresh = service.issueSignInLink(A, account, null);
        assertNull(service.redeemSignInLink(A, token(fresh), HOME).orElseThrow().returnTo());
        assertTrue(service.redeemSignInLink(A, "", HOME).isEmpty());
        assertTrue(service.redeemSignInLink(A, null, HOME).isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://evil.example/", "//evil.example/x", "/\\evil.example", "payments", "/a//b",
        "/a b", "http:/x", ""})
    void aReturnPathOutsideTheClientAreaIsRefusedForTheField(String returnTo) {
        String account = customers.add(A, "fay@example.com");

        KassaException refused = assertCode(422, "request.invalid", () -> service.issueSignInLink(A, account, returnTo));
        assertEquals("returnTo", refused.errors().get(0).field());
        assertEquals("return_to.invalid", refused.errors().get(0).code());
        assertTrue(rows.links.rows.isEmpty());
    }

    @Test
    void anotherTenantsAccountGetsNoLinkAndNoInvitation() {
        String accountOfB = customers.add(B, "gus@example.com");

        assertCode(404, "not_found", () -> service.issueSignInLink(A, accountOfB, null));
        assertCode(404, "not_found", () -> service.invite(A, accountOfB));
        assertTrue(mails.isEmpty());
    }

    @Test
    void aSessionIdlesOutAfter30MinutesAndEndsAfter12HoursAnyway() {
        signedUp(A, "hal@example.com");
        CustomerSession session = service.signIn(A, "hal@example.com", PASSWORD, HOME);
        assertEquals(clock.instant().plus(Duration.ofMinutes(30)), session.idleExpiresAt());
        assertEquals(clock.instant().plus(Duration.ofHours(12)), session.absoluteExpiresAt());

        assertTrue(service.resume(B, session.token()).isEmpty(), "another tenant's client area");
        for (int i = 0; i < 12 * 3 - 1; i++) {
            clock.advance(Duration.ofMinutes(20));
            CustomerSession resumed = service.resume(A, session.token()).orElseThrow(() -> new AssertionError(clock.instant()));
            assertEquals(session.csrfToken(), resumed.csrfToken());
            assertTrue(!resumed.idleExpiresAt().isAfter(session.absoluteExpiresAt()));
        }
        clock.advance(Duration.ofMinutes(20));
        assertTrue(service.resume(A, session.token()).isEmpty(), "12 hours at most");

        CustomerSession idle = service.signIn(A, "hal@example.com", PASSWORD, HOME);
        clock.advance(Duration.ofMinutes(30));
        assertTrue(service.resume(A, idle.token()).isEmpty(), "30 minutes without use");
    }

    @Test
    void signingOutEndsTheSessionOnTheServer() {
        signedUp(A, "ida@example.com");
        CustomerSession session = service.signIn(A, "ida@example.com", PASSWORD, HOME);

        service.signOut(B, session.token());
        assertTrue(service.resume(A, session.token()).isPresent(), "another tenant cannot end it");
        service.signOut(A, session.token());
        assertTrue(service.resume(A, session.token()).isEmpty());
        assertTrue(rows.sessions.rows.isEmpty());
    }

    @Test
    void aResetIsMailedOnlyForAKnownEmailAndEndsTheOtherSessions() {
        String account = signedUp(A, "jon@example.com");
        CustomerSession before = service.signIn(A, "jon@example.com", PASSWORD, HOME);

        service.requestPasswordReset(A, "nobody@example.com");
        service.requestPasswordReset(B, "jon@example.com");
        assertTrue(mails.isEmpty(), "nothing for unknown e-mails");
        service.requestPasswordReset(A, "Jon@Example.com");
        MailRequest mail = mails.get(0);
        assertEquals(SignInService.RESET_MAIL, mail.kind());
        assertEquals(account, mail.accountId());
        assertEquals(clock.instant().plus(Duration.ofHours(1)), mail.model().get("expiresAt"));
        assertEquals(OutboxStatus.PENDING, outbox.get(0).status());

        String token = token(URI.create((String) mail.model().get("url")));
        service.setPassword(A, token, "a new password", HOME);
        assertTrue(service.resume(A, before.token()).isEmpty(), "the other sessions ended");
        assertCode(401, "sign_in.failed", () -> service.signIn(A, "jon@example.com", PASSWORD, HOME));
        assertEquals(account, service.signIn(A, "jon@example.com", "a new password", HOME).accountId());
    }

    @Test
    void aResetLinkWorksForOneHourAndSettingAPasswordRetiresTheOthers() {
        String account = signedUp(A, "kim@example.com");
        service.requestPasswordReset(A, "kim@example.com");
        service.requestPasswordReset(A, "kim@example.com");
        String first = token(URI.create((String) mails.get(0).model().get("url")));
        String second = token(URI.create((String) mails.get(1).model().get("url")));

        service.setPassword(A, second, "a new password", HOME);
        assertFalse(service.passwordTokenValid(A, first), "an older link no longer sets a password");

        service.requestPasswordReset(A, "kim@example.com");
        String third = token(URI.create((String) mails.get(2).model().get("url")));
        clock.advance(Duration.ofHours(1));
        assertCode(410, "sign_in.link_invalid", () -> service.setPassword(A, third, "yet another one", HOME));
        assertEquals(account, service.signIn(A, "kim@example.com", "a new password", HOME).accountId());
    }

    @Test
    void changingThePasswordNeedsTheCurrentOneAndSignsOutEveryOtherBrowser() {
        String account = signedUp(A, "lea@example.com");
        CustomerSession here = service.signIn(A, "lea@example.com", PASSWORD, HOME);
        CustomerSession elsewhere = service.signIn(A, "lea@example.com", PASSWORD, HOME);

        assertCode(401, "sign_in.failed", () -> service.changePassword(A, account, "wrong one", "a new password", HOME));
        assertCode(422, "password.too_short", () -> service.changePassword(A, account, PASSWORD, "short", HOME));
        assertCode(404, "not_found", () -> service.changePassword(B, account, PASSWORD, "a new password", HOME));
        assertTrue(service.resume(A, elsewhere.token()).isPresent(), "a refused change ends nothing");

        CustomerSession next = service.changePassword(A, account, PASSWORD, "a new password", HOME);
        assertTrue(service.resume(A, elsewhere.token()).isEmpty(), "the other browser is signed out");
        assertTrue(service.resume(A, here.token()).isEmpty(), "so is the old session of this one");
        assertEquals(account, service.resume(A, next.token()).orElseThrow().accountId(), "which goes on in a new one");
        assertEquals(account, service.signIn(A, "lea@example.com", "a new password", HOME).accountId());
    }

    private String signedUp(String tenantId, String email) {
        String account = customers.add(tenantId, email);
        credentials.set(tenantId, account, PASSWORD);
        return account;
    }

    private String customerWithoutPassword() {
        customers.add(A, "new@example.com");
        return "new@example.com";
    }

    private static String token(IssuedLink link) {
        return token(link.url());
    }

    private static String token(URI url) {
        return url.getQuery().substring("token=".length());
    }

    private static KassaException assertCode(int status, String code, Runnable call) {
        KassaException e = assertThrows(KassaException.class, call::run);
        assertEquals(code, e.code(), e::getMessage);
        assertEquals(status, e.status());
        return e;
    }

    private OutboxRepository outboxRows() {
        return new OutboxRepository() {
            @Override
            public void add(OutboxMessage message) {
                outbox.add(message);
            }

            @Override
            public Optional<OutboxMessage> lockNextDue(Instant now) {
                return Optional.empty();
            }

            @Override
            public Optional<OutboxMessage> lock(String tenantId, String id) {
                return Optional.empty();
            }

            @Override
            public List<OutboxMessage> page(OutboxStatus status, String after, int limit) {
                return outbox;
            }
        };
    }

    /** Accounts of two tenants, looked up as the account context does: by tenant, e-mail without case. */
    static final class FakeCustomers implements Customers {
        private final List<Customer> rows = new ArrayList<>();

        String add(String tenantId, String email) {
            String id = "acc_" + rows.size();
            rows.add(new Customer(tenantId, id, email, "Customer " + id, Locale.ENGLISH));
            return id;
        }

        @Override
        public Customer require(String tenantId, String accountId) {
            return rows.stream().filter(c -> c.tenantId().equals(tenantId) && c.accountId().equals(accountId))
                    .findFirst().orElseThrow(KassaException::notFound);
        }

        @Override
        public Optional<Customer> byEmail(String tenantId, String email) {
            return rows.stream().filter(c -> c.tenantId().equals(tenantId) && c.email().equalsIgnoreCase(email))
                    .findFirst();
        }

        @Override
        public Customer open(String tenantId, String email, String name, String country) {
            return require(tenantId, add(tenantId, email));
        }

        @Override
        public void addPayer(String tenantId, String accountId, boolean company, String name, String country,
                             String vatId) {
        }
    }

    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
