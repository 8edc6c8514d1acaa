package dev.kassa.testkit.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium, driven through Debian's {@code chromedriver}: Debian's {@code chromium} and
 * {@code chromium-driver} packages (the test command installs them, see docs/development.md), never a
 * browser or driver downloaded at test time. {@code -Dkassa.chromium=} and {@code -Dkassa.chromedriver=}
 * point elsewhere; {@code -Dkassa.browser.headed=true} shows the window (on a machine with a display).
 *
 * <p>The window is 1280×900 CSS pixels; {@link #resizeTo(int)} narrows the viewport (360 for a phone).
 * Tests find elements by their stable {@code data-test} hooks: {@link #byTest(String)}. Everything the
 * page wrote to the console is kept, across navigations, until {@link #reset()}: {@link #consoleLog()}.
 */
public final class Browser implements AutoCloseable {

    public static final int WIDTH = 1280;
    public static final int HEIGHT = 900;
    /** The narrowest width the pages must work at (WCAG 2.2 reflow, a small phone). */
    public static final int PHONE_WIDTH = 360;

    private static final Duration DEFAULT_WAIT = Duration.ofSeconds(10);

    // Selenium warns at every start that it has no DevTools classes for Debian's Chromium version. It
    // needs none: cdp() goes through chromedriver, which speaks its own browser's protocol. Held here so
    // the logger (and its level) is not collected.
    private static final java.util.logging.Logger CDP_VERSION_FINDER = quiet("org.openqa.selenium.devtools.CdpVersionFinder");

    private final ChromeDriver driver;
    private final Path profile;
    private final List<String> console = new ArrayList<>();

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** Starts a headless Chromium (about a second); close it when done. */
    public static Browser start() {
        Path chromium = Path.of(System.getProperty("kassa.chromium", "/usr/bin/chromium"));
        Path chromedriver = Path.of(System.getProperty("kassa.chromedriver", "/usr/bin/chromedriver"));
        if (!Files.isExecutable(chromium) || !Files.isExecutable(chromedriver)) {
            throw new IllegalStateException("Browser tests need Debian's chromium and chromium-driver ("
                    + chromium + ", " + chromedriver + "): apt-get install chromium chromium-driver");
        }
        Path profile;
        try {
            profile = Files.createTempDirectory("kassa-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        if (!Boolean.getBoolean("kassa.browser.headed")) { // -Dkassa.browser.headed=true: watch it on a desktop
            options.addArguments("--headless=new");
        }
        options.addArguments("--disable-dev-shm-usage", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-default-apps", "--disable-extensions", "--hide-scrollbars", "--mute-audio",
                "--window-size=" + WIDTH + "," + HEIGHT, "--user-data-dir=" + profile);
        if ("root".equals(System.getProperty("user.name"))) {
            options.addArguments("--no-sandbox"); // Chromium's sandbox refuses to run as root
        }
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort()
                .withSilent(true)
                .build();
        try {
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            return new Browser(driver, profile);
        } catch (RuntimeException e) {
            deleteQuietly(profile);
            throw e;
        }
    }

    /** Opens a page and waits until it has loaded (the load event). */
    public Browser open(URI uri) {
        driver.get(uri.toString());
        return this;
    }

    public Browser open(String uri) {
        return open(URI.create(uri));
    }

    /** The one element with {@code data-test="dataTest"}; fails with the page's address when none. */
    public WebElement byTest(String dataTest) {
        List<WebElement> found = allByTest(dataTest);
        if (found.isEmpty()) {
            throw new NoSuchElementException("No [data-test=\"" + dataTest + "\"] on " + driver.getCurrentUrl());
        }
        return found.get(0);
    }

    /** Every element with {@code data-test="dataTest"}, in document order; empty when none. */
    public List<WebElement> allByTest(String dataTest) {
        return driver.findElements(selector(dataTest));
    }

    /** Whether the page has an element with {@code data-test="dataTest"}. */
    public boolean has(String dataTest) {
        return !allByTest(dataTest).isEmpty();
    }

    /** Replaces the text of the field {@code data-test="dataTest"}. */
    public Browser type(String dataTest, String text) {
        WebElement field = byTest(dataTest);
        field.clear();
        field.sendKeys(text);
        return this;
    }

    /** Clicks {@code data-test="dataTest"}; a click that submits a form returns once the next page loaded. */
    public Browser click(String dataTest) {
        byTest(dataTest).click();
        return this;
    }

    /** The visible text of {@code data-test="dataTest"}. */
    public String text(String dataTest) {
        return byTest(dataTest).getText();
    }

    /**
     * Waits until {@code condition} returns something other than null or false (Selenium's
     * {@code ExpectedConditions} fit), and returns it; a timeout fails with the page's address.
     */
    public <T> T waitFor(Function<? super WebDriver, T> condition, Duration timeout) {
        WebDriverWait wait = new WebDriverWait(driver, timeout, Duration.ofMillis(50));
        wait.withMessage(() -> "on " + driver.getCurrentUrl());
        // A condition that reads the page being replaced by a navigation asks again on the new one.
        wait.ignoring(StaleElementReferenceException.class);
        return wait.until(condition);
    }

    /** {@link #waitFor(Function, Duration)} for up to 10 seconds. */
    public <T> T waitFor(Function<? super WebDriver, T> condition) {
        return waitFor(condition, DEFAULT_WAIT);
    }

    /** Waits up to 10 seconds for an element {@code data-test="dataTest"} and returns it. */
    public WebElement waitForTest(String dataTest) {
        return waitFor(d -> d.findElements(selector(dataTest)).stream().findFirst().orElse(null));
    }

    public URI currentUri() {
        return URI.create(driver.getCurrentUrl());
    }

    public String title() {
        return driver.getTitle();
    }

    /** The page's current DOM as HTML. */
    public String pageSource() {
        return driver.getPageSource();
    }

    /** The cookies the browser would send to the current page. */
    public Set<Cookie> cookies() {
        return driver.manage().getCookies();
    }

    public Optional<Cookie> cookie(String name) {
        return Optional.ofNullable(driver.manage().getCookieNamed(name));
    }

    /** Sets a cookie for the current page's host. */
    public Browser addCookie(Cookie cookie) {
        driver.manage().addCookie(cookie);
        return this;
    }

    /** Forgets every cookie of every host (WebDriver's own delete reaches the current host only). */
    public Browser clearCookies() {
        cdp("Network.clearBrowserCookies", Map.of());
        return this;
    }

    /**
     * Every console entry since the browser started or was {@link #reset()}, across navigations, as
     * {@code LEVEL message}: the page's {@code console.*} calls, uncaught errors, failed loads and
     * Content-Security-Policy refusals.
     */
    public List<String> consoleLog() {
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            console.add(entry.getLevel().getName() + " " + entry.getMessage());
        }
        return List.copyOf(console);
    }

    /** Narrows (or widens) the viewport to {@code width} CSS pixels, keeping its height. */
    public Browser resizeTo(int width) {
        cdp("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", HEIGHT,
                "deviceScaleFactor", 1, "mobile", false));
        return this;
    }

    /** Back to the 1280×900 window. */
    public Browser resizeToDesktop() {
        cdp("Emulation.clearDeviceMetricsOverride", Map.of());
        driver.manage().window().setSize(new Dimension(WIDTH, HEIGHT));
        return this;
    }

    /** The viewport's width in CSS pixels, as the page sees it ({@code window.innerWidth}). */
    public int viewportWidth() {
        return ((Number) script("return window.innerWidth")).intValue();
    }

    /** Runs JavaScript in the page ({@link JavascriptExecutor#executeScript}), which CSP does not restrict. */
    public Object script(String javaScript, Object... args) {
        return driver.executeScript(javaScript, args);
    }

    /** A Chrome DevTools Protocol command, answered through chromedriver (no DevTools version to match). */
    public Map<String, Object> cdp(String command, Map<String, Object> parameters) {
        return driver.executeCdpCommand(command, parameters);
    }

    /** Selenium's driver, for what the helpers here do not cover. */
    public WebDriver driver() {
        return driver;
    }

    /**
     * A clean slate for the next test with the same Chromium: no cookies or console entries,
     * the 1280×900 window, and a blank page.
     */
    public Browser reset() {
        driver.get("about:blank");
        clearCookies();
        resizeToDesktop();
        consoleLog();
        console.clear();
        return this;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteQuietly(profile);
        }
    }

    private static java.util.logging.Logger quiet(String name) {
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
        logger.setLevel(Level.SEVERE);
        return logger;
    }

    static By selector(String dataTest) {
        return By.cssSelector("[data-test=\"" + dataTest.replace("\\", "\\\\").replace("\"", "\\\"") + "\"]");
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException | UncheckedIOException e) {
            // a profile left in the temporary directory harms nothing
        }
    }
}
