package dev.kassa.server.clientarea.api;

import dev.kassa.server.account.application.AccountService;
import dev.kassa.server.account.domain.Account;
import dev.kassa.server.clientarea.application.ClientAreaHosts;
import dev.kassa.server.config.Settings;
import dev.kassa.server.shared.KassaException;
import dev.kassa.server.signin.application.CustomerSession;
import dev.kassa.server.signin.application.SignInService;
import dev.kassa.server.theme.application.ChosenTheme;
import dev.kassa.server.theme.application.ThemeChoice;
import dev.kassa.server.theme.application.ThemeRenderer;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * The client area: every path no other servlet or the JSON API claims. It finds the tenant from the
 * {@code Host} header (an unknown host gets a neutral 404 page with nothing of any tenant, or, when
 * the client does not ask for HTML, the API's {@code not_found} problem), resumes
 * the customer's session from its cookie, chooses the theme, and hands the request to the
 * {@link ClientAreaPage} that serves the path.
 *
 * <p>Every answer carries a Content-Security-Policy with a fresh script nonce and no
 * {@code unsafe-inline}, {@code frame-ancestors 'none'}, {@code nosniff} and {@code no-store}. A form
 * post must come from the same origin ({@code Origin}, else {@code Referer}) and carry the CSRF
 * token of the session, or of the visitor cookie before sign-in; otherwise it gets 403 and the page
 * never sees it.
 */
@WebServlet(name = "client-area", urlPatterns = "/")
public class ClientAreaServlet extends HttpServlet {
    static final String SESSION_COOKIE = "kassa_session";
    static final String VISITOR_COOKIE = "kassa_visitor";
    static final String LOCALE_COOKIE = "kassa_locale";
    /** Forms here are a few fields; a bigger post is no customer's. */
    static final int MAX_FORM_BYTES = 64 * 1024;

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(ClientAreaServlet.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{16,100}");
    private static final Pattern LOCALE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})?");

    @Inject
    private transient ClientAreaHosts hosts;
    @Inject
    private transient SignInService signIns;
    @Inject
    private transient ThemeChoice themes;
    @Inject
    private transient ThemeRenderer renderer;
    @Inject
    private transient AccountService accounts;
    @Inject
    private transient LayoutModel layout;
    @Inject
    private transient Settings settings;
    @Inject
    @Any
    private transient Instance<ClientAreaPage> pages;
    private transient volatile Map<String, ClientAreaPage> routes;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String nonce = token(16);
        securityHeaders(response, nonce);
        String method = request.getMethod();
        Optional<String> tenantId = hosts.tenantFor(request.getHeader("Host"));
        if (tenantId.isEmpty()) {
            String accept = request.getHeader("Accept");
            if (accept == null || !accept.contains("text/html")) {
                // Not a browser: an API client that lost its way gets the API's problem document.
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            writePage(response, 404, themes.neutral(), "not-found", new HashMap<>(), method, nonce);
            return;
        }
        try {
            serve(request, response, tenantId.get(), nonce);
        } catch (RuntimeException e) {
            String incident = UUID.randomUUID().toString();
            LOG.log(Level.SEVERE, "client area " + method + " " + pathOf(request) + " failed; incident " + incident, e);
            if (!response.isCommitted()) {
                response.reset();
                securityHeaders(response, nonce);
                Map<String, Object> model = new HashMap<>();
                model.put("message", "error.unexpected");
                model.put("incident", incident);
                writePage(response, 500, themes.neutral(), "error", model, method, nonce);
            }
        }
    }

    private void serve(HttpServletRequest request, HttpServletResponse response, String tenantId, String nonce)
            throws IOException {
        ClientAreaPage page = pageFor(pathOf(request));
        boolean reading = !"POST".equals(request.getMethod()) && (page == null || !page.changesOnGet(pathOf(request)));
        if (!reading) {
            route(arrive(request, response, tenantId, nonce), page);
            return;
        }
        Request[] at = new Request[1];
        try {
            ReadingTransaction.run(() -> {
                at[0] = arrive(request, response, tenantId, nonce);
                route(at[0], page);
            });
        } catch (KassaException e) {
            if (e.status() != 404 || at[0] == null) {
                throw e;
            }
            // Shown after the reading transaction, which the refusal ended.
            Visit visit = at[0].visit();
            if (visit.theme() == null) {
                visit.theme(chooseTheme(tenantId, null, at[0].localeCookie()));
            }
            renderFor(response, visit, Reply.page(404, "not-found", Map.of()), request.getMethod());
        }
    }

    /** The visitor and their session, from the cookies (renewing the visitor cookie when there is none). */
    private Request arrive(HttpServletRequest request, HttpServletResponse response, String tenantId, String nonce) {
        boolean secure = request.isSecure()
                || settings.trustProxy() && "https".equalsIgnoreCase(request.getHeader("X-Forwarded-Proto"));
        String host = request.getHeader("Host").toLowerCase(Locale.ROOT);
        String origin = (secure ? "https://" : "http://") + host;

        String visitorToken = cookie(request, VISITOR_COOKIE).filter(t -> TOKEN.matcher(t).matches()).orElse(null);
        boolean newVisitor = visitorToken == null;
        if (newVisitor) {
            visitorToken = token(32);
        }
        String sessionCookie = cookie(request, SESSION_COOKIE).filter(t -> TOKEN.matcher(t).matches()).orElse(null);
        CustomerSession session = sessionCookie == null ? null : signIns.resume(tenantId, sessionCookie).orElse(null);
        String localeCookie = cookie(request, LOCALE_COOKIE).filter(l -> LOCALE.matcher(l).matches()).orElse(null);
        Visit visit = new Visit(request, tenantId, origin, remoteAddress(request), nonce, session, visitorToken, null);
        if (newVisitor) {
            setCookie(response, VISITOR_COOKIE, visitorToken, secure, -1);
        }
        if (session == null && sessionCookie != null) {
            setCookie(response, SESSION_COOKIE, "", secure, 0); // expired or ended elsewhere
        }
        return new Request(request, response, visit, localeCookie, secure, newVisitor);
    }

    /** One request as the servlet sees it once the visitor and the session are known. */
    private record Request(HttpServletRequest http, HttpServletResponse response, Visit visit, String localeCookie,
                           boolean secure, boolean newVisitor) { }

    /**
     * Hands the request to its page. In a reading transaction (a GET that changes nothing) a 404
     * from the page goes on to the caller, to be shown once that transaction is over.
     */
    private void route(Request at, ClientAreaPage page) throws IOException {
        HttpServletResponse response = at.response();
        Visit visit = at.visit();
        String tenantId = visit.tenantId();
        String method = at.http().getMethod();
        if (visit.session().isPresent()) {
            visit.account(accounts.get(tenantId, visit.session().get().accountId()));
        }
        visit.theme(chooseTheme(tenantId, visit.account(), at.localeCookie()));
        if (page == null) {
            renderFor(response, visit, Reply.page(404, "not-found", Map.of()), method);
            return;
        }
        boolean post = "POST".equals(method);
        if (!post && !"GET".equals(method) && !"HEAD".equals(method)) {
            response.setHeader("Allow", "GET, HEAD, POST");
            renderFor(response, visit, error(405, "error.method"), method);
            return;
        }
        if (page.forCustomers() && !visit.signedIn()) {
            String back = post ? visit.path() : visit.pathAndQuery();
            reply(response, visit, Reply.redirect("/sign-in?returnTo=" + URLEncoder.encode(back, StandardCharsets.UTF_8)),
                    at.secure(), method);
            return;
        }
        if (post) {
            String refusal = refusal(at.http(), visit, at.newVisitor());
            if (refusal != null) {
                LOG.info(() -> "client area refused a post to " + visit.path() + ": " + refusal);
                renderFor(response, visit, error(403, "error.forbidden"), method);
                return;
            }
        }
        Reply reply;
        if (post || page.changesOnGet(visit.path())) {
            try {
                reply = post ? page.post(visit) : page.get(visit);
            } catch (KassaException e) {
                if (e.status() != 404) {
                    throw e;
                }
                reply = Reply.page(404, "not-found", Map.of());
            }
        } else {
            reply = page.get(visit);
        }
        answer(response, visit, reply, at.localeCookie(), at.secure(), method);
    }

    /** Sends what the page answered, with the session and theme the page may have changed. */
    private void answer(HttpServletResponse response, Visit visit, Reply answered, String localeCookie, boolean secure,
                        String method) throws IOException {
        String tenantId = visit.tenantId();
        Reply reply = answered;
        if (reply == null) {
            response.setHeader("Allow", "GET, HEAD");
            reply = error(405, "error.method");
        }
        if (visit.startedSession() != null || visit.sessionEnded() || visit.chosenLocale() != null) {
            visit.account(visit.session().map(s -> accounts.get(tenantId, s.accountId())).orElse(null));
            visit.theme(chooseTheme(tenantId, visit.account(),
                    visit.chosenLocale() != null ? visit.chosenLocale() : localeCookie));
        }
        reply(response, visit, reply, secure, method);
    }

    /** Why a form post is refused, or null when it may go on. */
    private static String refusal(HttpServletRequest request, Visit visit, boolean newVisitor) {
        if (request.getContentLengthLong() > MAX_FORM_BYTES) {
            return "the form is larger than " + MAX_FORM_BYTES + " bytes";
        }
        String origin = request.getHeader("Origin");
        if (origin != null && !"null".equals(origin)) {
            if (!origin.equalsIgnoreCase(visit.origin())) {
                return "it came from " + origin;
            }
        } else {
            String referer = request.getHeader("Referer");
            if (referer == null || !referer.toLowerCase(Locale.ROOT).startsWith(visit.origin() + "/")) {
                return "it names no origin of this client area";
            }
        }
        if (newVisitor && !visit.signedIn()) {
            return "the browser had no visitor cookie, so the form cannot carry its token";
        }
        String sent = request.getParameter("csrf");
        if (sent == null || !MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8),
                visit.csrf().getBytes(StandardCharsets.UTF_8))) {
            return "the CSRF token is missing or wrong";
        }
        return null;
    }

    private ChosenTheme chooseTheme(String tenantId, Account account, String localeCookie) {
        if (account == null) {
            return themes.forCustomer(tenantId, localeCookie, null);
        }
        return themes.forCustomer(tenantId, account.locale(), account.country());
    }

    private void reply(HttpServletResponse response, Visit visit, Reply reply, boolean secure, String method)
            throws IOException {
        if (visit.startedSession() != null) {
            setCookie(response, SESSION_COOKIE, visit.startedSession().token(), secure, -1);
        } else if (visit.sessionEnded()) {
            setCookie(response, SESSION_COOKIE, "", secure, 0);
        }
        if (visit.chosenLocale() != null) {
            setCookie(response, LOCALE_COOKIE, visit.chosenLocale(), secure, 365 * 24 * 3600);
        }
        switch (reply.kind()) {
            case REDIRECT:
                response.setStatus(303);
                response.setHeader("Location", reply.location());
                break;
            case BYTES:
                response.setStatus(reply.status());
                reply.headers().forEach(response::setHeader);
                response.setContentType(reply.contentType());
                response.setContentLength(reply.body().length);
                if (!"HEAD".equals(method)) {
                    response.getOutputStream().write(reply.body());
                }
                break;
            default:
                renderFor(response, visit, reply, method);
        }
    }

    private void renderFor(HttpServletResponse response, Visit visit, Reply reply, String method) throws IOException {
        Map<String, Object> model = new HashMap<>(reply.model());
        layout.fill(model, visit);
        writePage(response, reply.status(), visit.theme(), reply.template(), model, method, visit.nonce());
    }

    private void writePage(HttpServletResponse response, int status, ChosenTheme theme, String template,
                           Map<String, Object> model, String method, String nonce) throws IOException {
        model.put("nonce", nonce);
        byte[] html = renderer.render(theme, template, model).getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        response.setContentLength(html.length);
        if (!"HEAD".equals(method)) {
            response.getOutputStream().write(html);
        }
    }

    private static Reply error(int status, String message) {
        return Reply.page(status, "error", Map.of("message", message));
    }

    /**
     * The page of a path: an exact path, else a pattern with a star for the middle one of three
     * segments (the invoice PDFs: {@link InvoicePdfPage#PATH}), which the page reads from the path.
     */
    private ClientAreaPage pageFor(String path) {
        Map<String, ClientAreaPage> known = routes();
        ClientAreaPage page = known.get(path);
        if (page == null) {
            String[] parts = path.split("/", -1);
            if (parts.length == 4 && !parts[2].isEmpty()) {
                page = known.get("/" + parts[1] + "/*/" + parts[3]);
            }
        }
        return page;
    }

    private Map<String, ClientAreaPage> routes() {
        Map<String, ClientAreaPage> known = routes;
        if (known == null) {
            Map<String, ClientAreaPage> built = new HashMap<>();
            for (ClientAreaPage page : pages) {
                for (String path : page.paths()) {
                    ClientAreaPage before = built.put(path, page);
                    if (before != null) {
                        throw new IllegalStateException(path + " is served by both " + before + " and " + page);
                    }
                }
            }
            known = Map.copyOf(built);
            routes = known;
        }
        return known;
    }

    private void securityHeaders(HttpServletResponse response, String nonce) {
        response.setHeader("Content-Security-Policy", "default-src 'self'; script-src 'self' 'nonce-" + nonce + "'; "
                + "style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("Cache-Control", "no-store");
    }

    private String remoteAddress(HttpServletRequest request) {
        String forwarded = request.getHeader("X-Forwarded-For");
        if (settings.trustProxy() && forwarded != null && !forwarded.isBlank()) {
            String[] hops = forwarded.split(",");
            return hops[hops.length - 1].strip();
        }
        return request.getRemoteAddr();
    }

    private static void setCookie(HttpServletResponse response, String name, String value, boolean secure,
                                  int maxAgeSeconds) {
        StringBuilder cookie = new StringBuilder(name).append('=').append(value).append("; Path=/; HttpOnly; SameSite=Lax");
        if (maxAgeSeconds >= 0) {
            cookie.append("; Max-Age=").append(maxAgeSeconds);
        }
        if (secure) {
            cookie.append("; Secure");
        }
        response.addHeader("Set-Cookie", cookie.toString());
    }

    private static Optional<String> cookie(HttpServletRequest request, String name) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        for (Cookie c : cookies) {
            if (name.equals(c.getName()) && c.getValue() != null && !c.getValue().isEmpty()) {
                return Optional.of(c.getValue());
            }
        }
        return Optional.empty();
    }

    static String pathOf(HttpServletRequest request) {
        String info = request.getPathInfo();
        return request.getServletPath() + (info == null ? "" : info);
    }

    static String token(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}
