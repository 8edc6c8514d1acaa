package dev.kassa.testkit.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Gives tests a {@link Browser} parameter: {@code @ExtendWith(BrowserExtension.class)}, then
 * {@code void signsIn(Browser browser)}. One Chromium serves every test of a class (starting one costs
 * about a second); each test starts on a blank page with no cookies, the 1280×900 window and an empty
 * console log. When a test fails, the page it was on is saved to {@code target/screenshots/failures/}:
 * {@code <TestClass>.<method>.png}, {@code .html} (the DOM then) and {@code .log} (address and console).
 */
public final class BrowserExtension implements ParameterResolver, BeforeEachCallback, TestWatcher {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(BrowserExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Browser.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return browser(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        existing(context).ifPresent(Browser::reset);
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        existing(context).ifPresent(browser -> saveFailure(browser, context));
    }

    private static Browser browser(ExtensionContext context) {
        return classContext(context).getStore(NAMESPACE)
                .getOrComputeIfAbsent(Browser.class, key -> Browser.start(), Browser.class);
    }

    private static Optional<Browser> existing(ExtensionContext context) {
        return Optional.ofNullable(classContext(context).getStore(NAMESPACE).get(Browser.class, Browser.class));
    }

    // The Chromium lives as long as the test class's context, which closes it (Browser is AutoCloseable).
    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext current = context;
        while (current.getTestMethod().isPresent() && current.getParent().isPresent()) {
            current = current.getParent().get();
        }
        return current;
    }

    private static void saveFailure(Browser browser, ExtensionContext context) {
        String method = context.getTestMethod().map(m -> m.getName()).orElse("class");
        String name = context.getRequiredTestClass().getSimpleName() + "." + method;
        if (!context.getDisplayName().startsWith(method + "(")) { // a repeated or parameterized test: one file each
            name += "-" + context.getDisplayName().replaceAll("[^A-Za-z0-9._-]+", "_");
        }
        Path dir = Screenshots.directory().resolve("failures");
        StringBuilder report = new StringBuilder();
        try {
            Files.createDirectories(dir);
            report.append("page: ").append(browser.currentUri()).append('\n');
            Files.writeString(dir.resolve(name + ".html"), browser.pageSource());
            Screenshots.take(browser, dir.resolve(name + ".png"));
            report.append("console:\n");
            browser.consoleLog().forEach(line -> report.append("  ").append(line).append('\n'));
        } catch (IOException | RuntimeException e) {
            report.append("could not save all of the failed page: ").append(e).append('\n');
        } finally {
            try {
                Files.writeString(dir.resolve(name + ".log"), report);
            } catch (IOException ignored) {
                // the test's own failure is what matters
            }
        }
        System.err.println("[browser] " + context.getDisplayName() + " failed on " + report.toString().lines().findFirst().orElse("?")
                + "; its screenshot, page and console are in " + dir.toAbsolutePath().resolve(name) + ".{png,html,log}");
    }
}
