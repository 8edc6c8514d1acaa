package dev.kassa.testkit.browser;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the current page weighed: its document and every subresource it loaded (styles, scripts,
 * images, fonts, fetches), in bytes as they came over the wire (compressed bodies, the Resource
 * Timing API's {@code encodedBodySize}, so that a resource served from the cache still counts).
 * Hosts given as excluded, a payment gateway's scripts for example, do not count.
 *
 * <p>Read it once the page has settled; resources from another origin that send no
 * {@code Timing-Allow-Origin} report no size to the page, so they count as 0.
 */
public record PageWeight(URI page, long bytes, List<Resource> resources) {

    /** The budget of every client-area page: 100 KB, before gateway scripts. */
    public static final long BUDGET = 100 * 1024;

    /** One loaded resource and its size. */
    public record Resource(URI uri, String type, long bytes) {

        @Override
        public String toString() {
            return bytes + " B  " + type + "  " + uri;
        }
    }

    private static final String SCRIPT = "return [performance.getEntriesByType('navigation'), performance.getEntriesByType('resource')]"
            + ".flat().map(e => ({name: e.name, type: e.initiatorType || e.entryType, size: e.encodedBodySize || 0, transfer: e.transferSize || 0}))";

    /** The current page's weight, leaving out what came from {@code excludedHosts}. */
    public static PageWeight of(Browser browser, String... excludedHosts) {
        return of(browser, Arrays.asList(excludedHosts));
    }

    /** The current page's weight, leaving out what came from {@code excludedHosts}. */
    public static PageWeight of(Browser browser, Collection<String> excludedHosts) {
        Set<String> excluded = excludedHosts.stream().map(h -> h.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> entries = (List<Map<String, Object>>) browser.script(SCRIPT);
        List<Resource> resources = new ArrayList<>();
        for (Map<String, Object> entry : entries) {
            URI uri = URI.create((String) entry.get("name"));
            if (uri.getHost() != null && excluded.contains(uri.getHost().toLowerCase(Locale.ROOT))) {
                continue;
            }
            long size = Math.max(((Number) entry.get("size")).longValue(), 0);
            resources.add(new Resource(uri, (String) entry.get("type"), size));
        }
        long total = resources.stream().mapToLong(Resource::bytes).sum();
        return new PageWeight(browser.currentUri(), total, List.copyOf(resources));
    }

    /** Fails, listing the heaviest resources, when the page weighs more than {@code limit} bytes. */
    public PageWeight assertAtMost(long limit) {
        if (bytes > limit) {
            throw new AssertionError(page + " weighs " + bytes + " bytes, over the budget of " + limit + ":\n  "
                    + resources.stream().sorted(Comparator.comparingLong(Resource::bytes).reversed()).limit(10)
                            .map(Resource::toString).collect(Collectors.joining("\n  ")));
        }
        return this;
    }

    /** Fails when the page weighs more than the 100 KB {@link #BUDGET}. */
    public PageWeight assertWithinBudget() {
        return assertAtMost(BUDGET);
    }

    /** Fails when the current page, without what came from {@code excludedHosts}, weighs more than 100 KB. */
    public static PageWeight assertWithinBudget(Browser browser, String... excludedHosts) {
        return of(browser, excludedHosts).assertWithinBudget();
    }
}
