package dev.kassa.server.clientarea.api;

import dev.kassa.server.account.domain.Account;
import dev.kassa.server.signin.application.CustomerSession;
import dev.kassa.server.theme.application.ChosenTheme;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * One request to the client area, as a page sees it: whose client area (the tenant found from the
 * host), who is signed in, the theme chosen, the form or query parameters, and what the page wants
 * to change in the browser (a new session, a language) once it answers.
 */
public final class Visit {
    private final HttpServletRequest request;
    private final String tenantId;
    private final String origin;
    private final String remoteAddress;
    private final String nonce;
    private CustomerSession session;
    private Account account;
    private ChosenTheme theme;
    private final String visitorToken;
    private CustomerSession startedSession;
    private boolean sessionEnded;
    private String chosenLocale;

    Visit(HttpServletRequest request, String tenantId, String origin, String remoteAddress, String nonce,
          CustomerSession session, String visitorToken, ChosenTheme theme) {
        this.request = request;
        this.tenantId = tenantId;
        this.origin = origin;
        this.remoteAddress = remoteAddress;
        this.nonce = nonce;
        this.session = session;
        this.visitorToken = visitorToken;
        this.theme = theme;
    }

    public String tenantId() {
        return tenantId;
    }

    /** The signed-in customer's account id; only on pages {@link ClientAreaPage#forCustomers() for customers}. */
    public String accountId() {
        if (session == null) {
            throw new IllegalStateException("no customer is signed in");
        }
        return session.accountId();
    }

    /**
     * The signed-in customer's account as the request found it (read once per request: the theme,
     * the layout and the page all need it); null before sign-in. A page that changes the account
     * redirects, so the next request reads it afresh.
     */
    public Account account() {
        return account;
    }

    void account(Account found) {
        this.account = found;
    }

    public Optional<CustomerSession> session() {
        return Optional.ofNullable(session);
    }

    public boolean signedIn() {
        return session != null;
    }

    public ChosenTheme theme() {
        return theme;
    }

    void theme(ChosenTheme chosen) {
        this.theme = chosen;
    }

    /** The path asked for, such as {@code /top-up}. */
    public String path() {
        return ClientAreaServlet.pathOf(request);
    }

    /** The path with its query, as the browser asked for it: where to come back to after signing in. */
    public String pathAndQuery() {
        String query = request.getQueryString();
        return query == null ? path() : path() + "?" + query;
    }

    /** A form field or query parameter, trimmed; null when absent or blank. */
    public String param(String name) {
        String value = request.getParameter(name);
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }

    /** Every value of a field sent several times (checkboxes of one name), trimmed, blanks left out. */
    public java.util.List<String> params(String name) {
        String[] values = request.getParameterValues(name);
        if (values == null) {
            return java.util.List.of();
        }
        return java.util.Arrays.stream(values).map(String::strip).filter(v -> !v.isEmpty()).toList();
    }

    /** A field as typed, not trimmed (a password); null when absent. */
    public String rawParam(String name) {
        return request.getParameter(name);
    }

    /** {@code scheme://host[:port]} the browser used: for return URLs handed to a gateway. */
    public String origin() {
        return origin;
    }

    public String remoteAddress() {
        return remoteAddress;
    }

    /** The CSRF token forms of this page carry: the session's, or the visitor cookie's before sign-in. */
    public String csrf() {
        return session != null ? session.csrfToken() : visitorToken;
    }

    /** The Content-Security-Policy nonce of this response, for the page's own script tags. */
    public String nonce() {
        return nonce;
    }

    /** Signs the browser in with a new session (its cookie is set with the answer). */
    public void startSession(CustomerSession started) {
        this.session = started;
        this.startedSession = started;
        this.sessionEnded = false;
    }

    /** Forgets the session in the browser (the page has ended it on the server). */
    public void endSession() {
        this.session = null;
        this.startedSession = null;
        this.sessionEnded = true;
    }

    /** Remembers a visitor's language in a cookie (a customer's is saved on the account). */
    public void rememberLocale(String locale) {
        this.chosenLocale = locale;
    }

    CustomerSession startedSession() {
        return startedSession;
    }

    boolean sessionEnded() {
        return sessionEnded;
    }

    String chosenLocale() {
        return chosenLocale;
    }
}
