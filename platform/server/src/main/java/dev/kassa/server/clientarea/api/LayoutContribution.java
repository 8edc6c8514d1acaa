package dev.kassa.server.clientarea.api;

import java.util.Map;

/**
 * Something the layout shows on every page besides the page's own model, such as a notice for the
 * signed-in customer. {@link LayoutModel} calls every CDI bean implementing it, after its own
 * variables are set; a contribution adds its own variables and leaves the others alone.
 */
public interface LayoutContribution {
    void fill(Map<String, Object> model, Visit visit);
}
