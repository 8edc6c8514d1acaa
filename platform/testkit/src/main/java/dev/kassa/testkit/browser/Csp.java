package dev.kassa.testkit.browser;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Content-Security-Policy refusals, as Chromium reports them on the console ("Refused to execute
 * inline script because it violates the following Content Security Policy directive: …"), on every
 * page the browser showed since the test began ({@link Browser#reset()}), not only the current one.
 */
public final class Csp {

    private Csp() {
    }

    /** The console lines reporting a CSP violation, oldest first. */
    public static List<String> violations(Browser browser) {
        return browser.consoleLog().stream().filter(Csp::isViolation).collect(Collectors.toList());
    }

    /** Fails, quoting them, when any page since the test began broke its Content-Security-Policy. */
    public static void assertNoViolations(Browser browser) {
        List<String> violations = violations(browser);
        if (!violations.isEmpty()) {
            throw new AssertionError(violations.size() + " Content-Security-Policy violation(s), the last page being "
                    + browser.currentUri() + ":\n  " + String.join("\n  ", violations));
        }
    }

    static boolean isViolation(String consoleLine) {
        String line = consoleLine.toLowerCase(Locale.ROOT);
        return line.contains("content security policy") || line.contains("content-security-policy");
    }
}
