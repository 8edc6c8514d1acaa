package dev.kassa.server.clientarea.api;

import java.util.Set;

/**
 * One or more pages of the client area, found by {@link ClientAreaServlet} through CDI. A page
 * holds no business rule: it reads the form, calls the same application services as the JSON
 * API, and picks a template and its model.
 *
 * <p>The servlet has already found the tenant from the host, resumed the session, chosen the
 * theme, and, for a POST, checked the origin and the CSRF token, before either method is called.
 */
public interface ClientAreaPage {
    /** The exact paths served, such as {@code /sign-in}. */
    Set<String> paths();

    /** Whether only a signed-in customer may see them; a visitor is sent to sign in first. */
    boolean forCustomers();

    default Reply get(Visit visit) {
        return null;
    }

    /**
     * Whether a GET of this path changes anything (redeeming a sign-in link does). Any other GET
     * runs, with the layout and the rendering, in one transaction that is rolled back at the end:
     * what it changed is undone.
     */
    default boolean changesOnGet(String path) {
        return false;
    }

    /** A form post; null when the page takes no post (the servlet answers 405). */
    default Reply post(Visit visit) {
        return null;
    }
}
