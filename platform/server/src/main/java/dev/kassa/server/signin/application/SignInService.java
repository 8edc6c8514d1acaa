package dev.kassa.server.signin.application;

import dev.kassa.server.mail.application.MailOutbox;
import dev.kassa.server.mail.application.MailRequest;
import dev.kassa.server.shared.KassaException;
import dev.kassa.server.signin.application.Customers.Customer;
import dev.kassa.server.signin.domain.ClientAreaPath;
import dev.kassa.server.signin.domain.LinkPurpose;
import dev.kassa.server.signin.domain.LinkToken;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Map;
import java.util.Optional;

/**
 * How customers get into the client area: by e-mail and password, by a sign-in link their tenant's
 * own panel asked for (single sign-on), or by setting a password from an invitation or a reset
 * link. What the customer is told never depends on whether an e-mail is known.
 */
@ApplicationScoped
public class SignInService {
    /** The kind of the mail with a set-password link for a new customer. Model: customerName, url, expiresAt. */
    public static final String INVITATION_MAIL = "account.invitation";
    /** The kind of the mail with a reset link after "forgot password". Model: customerName, url, expiresAt. */
    public static final String RESET_MAIL = "account.password_reset";

    private Customers customers;
    private Credentials credentials;
    private Sessions sessions;
    private LinkTokens links;
    private MailOutbox mail;

    protected SignInService() {
    }

    @Inject
    public SignInService(Customers customers, Credentials credentials, Sessions sessions, LinkTokens links,
                         MailOutbox mail) {
        this.customers = customers;
        this.credentials = credentials;
        this.sessions = sessions;
        this.links = links;
        this.mail = mail;
    }

    /**
     * Signs a customer in with a new session.
     *
     * @throws KassaException code "sign_in.failed" (401) or "sign_in.throttled" (429, detail says when to try again)
     */
    // The failure recorded for the throttle must outlive the refusal it comes with.
    @Transactional(dontRollbackOn = KassaException.class)
    public CustomerSession signIn(String tenantId, String email, String password, String remoteAddress) {
        credentials.requireNotThrottled(tenantId, email, remoteAddress);
        Optional<Customer> customer = email == null || email.isBlank() ? Optional.empty()
                : customers.byEmail(tenantId, email.strip());
        String accountId = customer.map(Customer::accountId).orElse(null);
        if (!credentials.check(tenantId, accountId, password)) {
            credentials.recordFailure(tenantId, email, remoteAddress);
            throw failed();
        }
        return sessions.start(tenantId, accountId, remoteAddress);
    }

    /** The live session for this cookie token, touched (idle timeout restarts); empty when unknown, expired or another tenant's. */
    @Transactional
    public Optional<CustomerSession> resume(String tenantId, String token) {
        return sessions.resume(tenantId, token);
    }

    @Transactional
    public void signOut(String tenantId, String token) {
        sessions.end(tenantId, token);
    }

    /**
     * A link that signs the customer in once within five minutes, then sends them to {@code returnTo}
     * (a path of the client area, or null); 404 for an account that is not the tenant's, 422 for a
     * {@code returnTo} that is not a client-area path.
     */
    @Transactional
    public IssuedLink issueSignInLink(String tenantId, String accountId, String returnTo) {
        String problem = returnTo == null ? null : ClientAreaPath.problem(returnTo);
        if (problem != null) {
            throw KassaException.invalid("returnTo", "return_to.invalid", problem);
        }
        Customer customer = customers.require(tenantId, accountId);
        return links.issue(tenantId, customer.accountId(), LinkPurpose.SIGN_IN, returnTo);
    }

    /** Uses a sign-in link up and starts a session; empty when it is unknown, used, expired or another tenant's. */
    @Transactional
    public Optional<LinkSignIn> redeemSignInLink(String tenantId, String token, String remoteAddress) {
        return links.take(tenantId, token, false).map(link -> new LinkSignIn(
                sessions.start(tenantId, link.accountId(), remoteAddress), link.returnTo()));
    }

    /** Mails the customer a link to set a password (72 hours, once), and returns it for tenants who send their own mail. */
    @Transactional
    public IssuedLink invite(String tenantId, String accountId) {
        Customer customer = customers.require(tenantId, accountId);
        IssuedLink link = links.issue(tenantId, customer.accountId(), LinkPurpose.INVITATION, null);
        send(INVITATION_MAIL, customer, link);
        return link;
    }

    /** Whether an invitation or reset token can still set a password (for showing the form). */
    @Transactional
    public boolean passwordTokenValid(String tenantId, String token) {
        return links.usable(tenantId, token, true);
    }

    /**
     * Sets the password from an invitation or reset token, uses the token up, ends the account's other sessions, signs in.
     *
     * @throws KassaException "password.too_short" (422, at least 10 characters; at most 256) or "sign_in.link_invalid" (410)
     */
    @Transactional
    public CustomerSession setPassword(String tenantId, String token, String newPassword, String remoteAddress) {
        Credentials.requireAcceptable(newPassword);
        LinkToken link = links.take(tenantId, token, true).orElseThrow(() -> new KassaException(410,
                "sign_in.link_invalid", "Link no longer valid",
                "This link was already used or has expired; ask for a new one.", null));
        credentials.set(tenantId, link.accountId(), newPassword);
        links.retirePasswordLinks(tenantId, link.accountId());
        sessions.endAll(tenantId, link.accountId());
        return sessions.start(tenantId, link.accountId(), remoteAddress);
    }

    /** Mails a reset link when the e-mail is a customer's of this tenant; does nothing visible otherwise. */
    @Transactional
    public void requestPasswordReset(String tenantId, String email) {
        if (email == null || email.isBlank() || email.length() > 320) {
            return;
        }
        customers.byEmail(tenantId, email.strip()).ifPresent(customer ->
                send(RESET_MAIL, customer, links.issue(tenantId, customer.accountId(), LinkPurpose.RESET, null)));
    }

    /**
     * Changes the password. Every session of the account ends (a browser someone else signed in
     * with is signed out); the customer who changed it goes on in the new session returned.
     *
     * @throws KassaException "sign_in.failed" when current is wrong, "password.too_short"
     */
    @Transactional
    public CustomerSession changePassword(String tenantId, String accountId, String currentPassword,
                                          String newPassword, String remoteAddress) {
        Credentials.requireAcceptable(newPassword);
        customers.require(tenantId, accountId);
        if (!credentials.check(tenantId, accountId, currentPassword)) {
            throw failed();
        }
        credentials.set(tenantId, accountId, newPassword);
        links.retirePasswordLinks(tenantId, accountId);
        sessions.endAll(tenantId, accountId);
        return sessions.start(tenantId, accountId, remoteAddress);
    }

    private void send(String kind, Customer customer, IssuedLink link) {
        mail.compose(new MailRequest(customer.tenantId(), customer.accountId(), kind, customer.email(),
                customer.locale(), Map.of("customerName", customer.name(), "url", link.url().toString(),
                        "expiresAt", link.expiresAt())));
    }

    private static KassaException failed() {
        return new KassaException(401, "sign_in.failed", "Sign-in failed",
                "The e-mail or the password is wrong.", null);
    }
}
