package dev.kassa.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.kassa.testkit.browser.Accessibility;
import dev.kassa.testkit.browser.Browser;
import dev.kassa.testkit.browser.BrowserExtension;
import dev.kassa.testkit.browser.Csp;
import dev.kassa.testkit.browser.PageWeight;
import dev.kassa.testkit.browser.Screenshots;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The testkit's browser tooling (dev.kassa.testkit.browser) against small pages this test serves itself:
 * each helper passes a good page and catches a bad one, so the client area's browser tests can trust a
 * green result. One Chromium for the whole class.
 */
@ExtendWith(BrowserExtension.class)
class BrowserToolingIT {

    private static final String GOOD_FORM = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>Top up</title></head>"
            + "<body><main><h1>Top up</h1><form action=\"/done\" method=\"get\">"
            + "<label for=\"amount\">Amount</label> <input id=\"amount\" name=\"amount\" data-test=\"amount\">"
            + "<button data-test=\"topup-submit\">Top up</button></form>"
            + "<ul><li data-test=\"preset\">100</li><li data-test=\"preset\">200</li></ul></main></body></html>";

    private static HttpServer server;
    private static String base;

    @BeforeAll
    static void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        page("/good", Map.of(), GOOD_FORM);
        page("/done", Map.of("Set-Cookie", "session=s3cret; Path=/; HttpOnly; SameSite=Lax"),
                html("Done", "<h1>Done</h1><p data-test=\"balance\">Thank you</p>"));
        page("/bad", Map.of(), html("Bad", "<h1>Bad</h1><input type=\"text\" name=\"nameless\">"
                + "<p style=\"color:#c8c8c8;background:#ffffff\">Pale text nobody can read</p>"));
        page("/late", Map.of(), html("Late", "<h1>Late</h1><div id=\"slot\"></div>"
                + "<script>setTimeout(() => { document.getElementById('slot').innerHTML ="
                + " '<p data-test=\"notice-error\">Payment failed</p>'; }, 300)</script>"));
        page("/light", Map.of(), html("Light", "<h1>Light</h1><script src=\"/script.js?kb=20\"></script>"));
        page("/heavy", Map.of(), html("Heavy", "<h1>Heavy</h1><script src=\"/script.js?kb=150\"></script>"));
        // The 150 KB come from another host (127.0.0.1 when the page is on localhost): a gateway's script.
        server.createContext("/gateway", exchange -> send(exchange, 200, Map.of(), html("Gateway",
                "<h1>Gateway</h1><script src=\"http://127.0.0.1:" + server.getAddress().getPort()
                        + "/script.js?kb=150\"></script>")));
        server.createContext("/script.js", exchange -> {
            int kb = Integer.parseInt(exchange.getRequestURI().getQuery().substring("kb=".length()));
            send(exchange, 200, Map.of("Content-Type", "text/javascript", "Timing-Allow-Origin", "*"),
                    "/*" + "x".repeat(kb * 1024) + "*/");
        });
        String policy = "default-src 'self'; script-src 'self'";
        page("/csp-clean", Map.of("Content-Security-Policy", policy), html("Clean", "<h1>Clean</h1>"));
        page("/csp-inline", Map.of("Content-Security-Policy", policy),
                html("Inline", "<h1>Inline</h1><script>document.title = 'script ran';</script>"));
        page("/tall", Map.of(), html("Tall", "<h1>Tall</h1>"
                + "<div style=\"height:3000px;background:linear-gradient(#fff,#036)\"></div><p>End</p>"));
        server.start();
        base = "http://localhost:" + server.getAddress().getPort();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    @Test
    void findsTypesClicksWaitsAndReadsCookies(Browser browser) {
        browser.open(uri("/good"));
        assertEquals("Top up", browser.title());
        assertEquals(2, browser.allByTest("preset").size());
        assertEquals("100", browser.text("preset"));
        assertFalse(browser.has("balance"));
        assertTrue(assertThrows(RuntimeException.class, () -> browser.byTest("balance")).getMessage()
                .contains("[data-test=\"balance\"]"));

        browser.type("amount", "250.00").click("topup-submit");
        assertEquals("/done", browser.currentUri().getPath());
        assertEquals("amount=250.00", browser.currentUri().getQuery());
        Cookie session = browser.cookie("session").orElseThrow();
        assertEquals("s3cret", session.getValue());
        assertTrue(session.isHttpOnly());
        assertEquals(1, browser.cookies().size());

        browser.reset(); // what BrowserExtension does before every test
        browser.open(uri("/good"));
        assertTrue(browser.cookies().isEmpty(), "reset forgets every cookie");

        browser.open(uri("/late"));
        assertEquals("Payment failed", browser.waitForTest("notice-error").getText());
        browser.open(uri("/late"));
        assertTrue(browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(
                org.openqa.selenium.By.id("slot"), "Payment failed"), Duration.ofSeconds(5)));
        browser.open(uri("/late"));
        assertThrows(org.openqa.selenium.TimeoutException.class,
                () -> browser.waitFor(d -> d.getTitle().equals("never"), Duration.ofMillis(300)));
    }

    @Test
    void axePassesAnAccessiblePageAndReportsAnUnlabelledFieldAndLowContrast(Browser browser) {
        browser.open(uri("/good"));
        Accessibility.assertNoSeriousViolations(browser);

        browser.open(uri("/bad"));
        List<Accessibility.Violation> serious = Accessibility.seriousViolations(browser);
        List<String> rules = serious.stream().map(Accessibility.Violation::rule).collect(Collectors.toList());
        assertTrue(rules.contains("label"), rules::toString);
        assertTrue(rules.contains("color-contrast"), rules::toString);
        AssertionError failure = assertThrows(AssertionError.class, () -> Accessibility.assertNoSeriousViolations(browser));
        String message = failure.getMessage();
        assertTrue(message.contains("label (critical)"), message);
        assertTrue(message.contains("color-contrast (serious)"), message);
        assertTrue(message.contains("input[name=\"nameless\"]") || message.contains("input"), message);
        assertTrue(message.contains("https://dequeuniversity.com/rules/axe/"), message);
    }

    @Test
    void pageWeightCountsDocumentAndSubresourcesAndLeavesOutGatewayHosts(Browser browser) {
        browser.open(uri("/light"));
        PageWeight light = PageWeight.assertWithinBudget(browser);
        assertTrue(light.bytes() > 20 * 1024, light::toString);
        assertEquals(2, light.resources().size(), light::toString);

        browser.open(uri("/heavy"));
        PageWeight heavy = PageWeight.of(browser);
        assertTrue(heavy.bytes() > 150 * 1024, heavy::toString);
        AssertionError failure = assertThrows(AssertionError.class, heavy::assertWithinBudget);
        assertTrue(failure.getMessage().contains("over the budget of 102400"), failure.getMessage());
        assertTrue(failure.getMessage().contains("/script.js?kb=150"), failure.getMessage());

        browser.open(uri("/gateway"));
        assertThrows(AssertionError.class, () -> PageWeight.assertWithinBudget(browser));
        PageWeight withoutGateway = PageWeight.assertWithinBudget(browser, "127.0.0.1");
        assertEquals(1, withoutGateway.resources().size(), withoutGateway::toString);
    }

    @Test
    void cspReportsAnInlineScriptThePolicyBlocked(Browser browser) {
        browser.open(uri("/csp-clean"));
        Csp.assertNoViolations(browser);

        browser.open(uri("/csp-inline"));
        assertEquals("Inline", browser.title(), "the policy stopped the script");
        browser.open(uri("/csp-clean")); // reported for every page since the test began, not only the last
        List<String> violations = Csp.violations(browser);
        assertEquals(1, violations.size(), violations::toString);
        assertTrue(violations.get(0).contains("inline script"), violations.get(0));
        AssertionError failure = assertThrows(AssertionError.class, () -> Csp.assertNoViolations(browser));
        assertTrue(failure.getMessage().contains("script-src 'self'"), failure.getMessage());
    }

    @Test
    void screenshotsAreWholePagePngsAndThePageNarrowsTo360(Browser browser) throws IOException {
        browser.open(uri("/tall"));
        assertEquals(Browser.WIDTH, browser.viewportWidth());
        Path wide = Screenshots.take(browser, "tooling/tall");
        assertEquals(Path.of("target/screenshots/tooling/tall.png"), wide);
        int[] size = pngSize(wide);
        assertEquals(Browser.WIDTH, size[0]);
        assertTrue(size[1] > 3000, "the whole page, beyond the 900 px viewport: " + size[1]);
        assertTrue(Files.size(wide) > 2_000 && Files.size(wide) < 5_000_000, "size " + Files.size(wide));

        browser.resizeTo(Browser.PHONE_WIDTH);
        assertEquals(360, browser.viewportWidth());
        assertEquals(360L, browser.script("return document.documentElement.clientWidth"));
        assertTrue((Boolean) browser.script("return matchMedia('(max-width: 400px)').matches"));
        assertEquals(360, pngSize(Screenshots.take(browser, "tooling/tall-360"))[0]);

        browser.resizeToDesktop();
        assertEquals(Browser.WIDTH, browser.viewportWidth());
        assertThrows(IllegalArgumentException.class, () -> Screenshots.take(browser, "../outside"));
    }

    @Test
    void aFailingBrowserTestLeavesItsScreenshotPageAndConsole() throws IOException {
        Path failures = Screenshots.directory().resolve("failures");
        String name = FailsOnPurpose.class.getSimpleName() + ".failsOnAPage";
        for (String ext : List.of(".png", ".html", ".log")) {
            Files.deleteIfExists(failures.resolve(name + ext));
        }
        System.setProperty("kassa.test.failing-page", uri("/good").toString());
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        try {
            Launcher launcher = LauncherFactory.create();
            launcher.execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(FailsOnPurpose.class)).build(), listener);
        } finally {
            System.clearProperty("kassa.test.failing-page");
        }
        assertEquals(1, listener.getSummary().getTestsFailedCount(), "the test meant to fail did");

        assertTrue(pngSize(failures.resolve(name + ".png"))[0] > 0);
        assertTrue(Files.readString(failures.resolve(name + ".html")).contains("data-test=\"topup-submit\""));
        String log = Files.readString(failures.resolve(name + ".log"));
        assertTrue(log.contains("page: " + uri("/good")), log);
        assertTrue(log.contains("a line for whoever debugs this"), log);
    }

    /** Run only by the test above, through the launcher; failsafe leaves nested classes alone. */
    @ExtendWith(BrowserExtension.class)
    static class FailsOnPurpose {

        @Test
        void failsOnAPage(Browser browser) {
            browser.open(URI.create(System.getProperty("kassa.test.failing-page", "about:blank")));
            browser.script("console.warn('a line for whoever debugs this')");
            assertEquals("balance", browser.text("topup-submit"), "failing on purpose");
        }
    }

    private static URI uri(String path) {
        return URI.create(base + path);
    }

    private static String html(String title, String body) {
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title
                + "</title></head><body><main>" + body + "</main></body></html>";
    }

    private static void page(String path, Map<String, String> headers, String body) {
        server.createContext(path, exchange -> send(exchange, 200, headers, body));
    }

    private static void send(HttpExchange exchange, int status, Map<String, String> headers, String body) throws IOException {
        try (InputStream request = exchange.getRequestBody()) {
            request.readAllBytes();
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } finally {
            exchange.close();
        }
    }

    // Width and height from the PNG signature and IHDR chunk.
    private static int[] pngSize(Path png) throws IOException {
        byte[] bytes = Files.readAllBytes(png);
        byte[] signature = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
        for (int i = 0; i < signature.length; i++) {
            assertEquals(signature[i], bytes[i], png + " is no PNG");
        }
        ByteBuffer header = ByteBuffer.wrap(bytes, 16, 8);
        return new int[] {header.getInt(), header.getInt()};
    }
}
