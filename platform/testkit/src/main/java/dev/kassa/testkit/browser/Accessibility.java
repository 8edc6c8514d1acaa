package dev.kassa.testkit.browser;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Deque's axe-core on the current page: the WCAG 2.x A and AA rules and axe's best practices. A page
 * passes when axe finds no violation of impact {@code serious} or {@code critical}.
 */
public final class Accessibility {

    /** The impacts that fail a page. */
    public static final Set<String> FAILING_IMPACTS = Set.of("serious", "critical");

    private static final List<String> TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice");

    private Accessibility() {
    }

    /** One rule axe found broken, with the elements that break it. */
    public record Violation(String rule, String impact, String help, String helpUrl, List<String> targets) {

        @Override
        public String toString() {
            return rule + " (" + impact + "): " + help + "\n    at " + String.join(", ", targets) + "\n    see " + helpUrl;
        }
    }

    /** Every violation axe reports on the current page, whatever its impact. */
    public static List<Violation> violations(Browser browser) {
        // Legacy mode runs axe in the page itself; the default opens and closes a blank window to merge
        // per-frame results, which doubles the time of every check. Our pages have no frames to merge.
        Results results = new AxeBuilder().withTags(TAGS).setLegacyMode(true).analyze(browser.driver());
        if (results.isErrored()) {
            throw new IllegalStateException("axe-core could not check " + results.getUrl() + ": " + results.getErrorMessage());
        }
        List<Violation> violations = new ArrayList<>();
        for (Rule rule : results.getViolations()) {
            violations.add(new Violation(rule.getId(), rule.getImpact(), rule.getHelp(), rule.getHelpUrl(),
                    rule.getNodes().stream().map(Accessibility::target).collect(Collectors.toList())));
        }
        return violations;
    }

    /** The violations of impact serious or critical on the current page. */
    public static List<Violation> seriousViolations(Browser browser) {
        return violations(browser).stream().filter(v -> FAILING_IMPACTS.contains(v.impact())).collect(Collectors.toList());
    }

    /** Fails, listing rule, impact, elements and help page of each, when axe finds a serious or critical violation. */
    public static void assertNoSeriousViolations(Browser browser) {
        List<Violation> serious = seriousViolations(browser);
        if (!serious.isEmpty()) {
            throw new AssertionError(serious.size() + " serious or critical accessibility violation(s) on "
                    + browser.currentUri() + ":\n  " + serious.stream().map(Violation::toString).collect(Collectors.joining("\n  ")));
        }
    }

    // axe's target is a list of selectors, one per frame or shadow root on the way to the element.
    private static String target(CheckedNode node) {
        Object target = node.getTarget();
        if (target instanceof Collection) {
            return ((Collection<?>) target).stream().map(String::valueOf).collect(Collectors.joining(" >>> "));
        }
        return String.valueOf(target);
    }
}
