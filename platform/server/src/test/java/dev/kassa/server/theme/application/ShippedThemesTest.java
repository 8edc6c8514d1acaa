package dev.kassa.server.theme.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kassa.server.document.SampleDocuments;
import dev.kassa.server.document.application.DocumentRendering;
import dev.kassa.server.document.domain.DocumentKind;
import dev.kassa.server.document.domain.PrintedDocument;
import dev.kassa.server.shared.CurrencyUnit;
import dev.kassa.server.shared.Money;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The english and french themes as they ship, loaded from their jars with PF4J: every text in
 * both languages, and every template rendered in both with a sample model, leaving no key
 * untranslated, nothing unescaped, no inline script or style.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ShippedThemesTest {
    static final List<String> PAGES = List.of("sign-in", "not-found", "error", "forgot-password", "set-password",
            "top-up", "top-up-confirm", "top-up-instructions", "top-up-another", "history",
            "transactions", "saved-methods", "payers", "payer-form", "profile", "renewals", "invoices");
    static final List<String> MAILS = List.of("invitation", "password-reset", "top-up-paid", "top-up-cancelled",
            "saved-method-confirmed", "refund-processed", "invoice-issued", "invoice-paid", "renewal-succeeded",
            "renewal-failed", "service-suspended");
    private static final Pattern PARAMETER = Pattern.compile("\\{\\d");
    private static final Pattern SCRIPT = Pattern.compile("<script[^>]*>");
    private static final CurrencyUnit EUR = new CurrencyUnit("EUR", 2);
    private static final String HOSTILE = "<script>alert('x')</script>";

    @TempDir
    static Path plugins;
    private Testbed bed;

    record SampleTenant(String name, String supportEmail, String legalFooter, boolean hasLogo) { }

    record SampleCustomer(String name, String email, String reference, Money balance) { }

    record SampleForm(String amount, String currency, String payer, String method, boolean saveMethod, String key,
                      String reference) { }

    record SampleLimits(Money minimum, Money maximum, List<Money> presets) { }


    record SampleMethod(String value, String name, String brand, String last4, String expiry, String processingTime,
                        boolean saved, boolean canSave, boolean checked) { }

    record SampleQuote(String id, Money from, Money to, java.math.BigDecimal rate, Instant expiresAt) { }

    record SampleInstructions(String beneficiary, String iban, String bic, String bankName, String reference,
                              Money amount, String creditorReference) { }

    record SampleRow(String id, String method, Money amount, Money credit, Instant createdAt, String status,
                     String cancelReasonCode, String cancelReason, boolean highlighted) { }

    record SampleFailedPayment(String topUpId, String reasonCode, String reason, Money amount) { }

    @BeforeAll
    void load() throws IOException {
        bed = Testbed.start(plugins);
    }

    @AfterAll
    void stop() {
        bed.close();
    }

    @Test
    void everyEnglishTextIsInFrenchAndEveryFrenchOneInEnglish() {
        Set<String> english = bundle("english", "en").stringPropertyNames();
        Set<String> french = bundle("french", "fr").stringPropertyNames();

        Set<String> missingInFrench = new TreeSet<>(english);
        missingInFrench.removeAll(french);
        Set<String> missingInEnglish = new TreeSet<>(french);
        missingInEnglish.removeAll(english);
        assertEquals(Set.of(), missingInFrench, "in english, not in french");
        assertEquals(Set.of(), missingInEnglish, "in french, not in english");
        assertTrue(english.size() > 40, "the bundle was read");
    }

    @Test
    void everyStatementLineHasALabelInBothLanguages() {
        for (String[] theme : new String[][] {{"english", "en"}, {"french", "fr"}}) {
            Properties bundle = bundle(theme[0], theme[1]);
            for (dev.kassa.server.ledger.domain.TransactionType type
                    : dev.kassa.server.ledger.domain.TransactionType.values()) {
                assertTrue(bundle.containsKey("transactions.type." + type.name()), theme[0] + " labels " + type);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"english|en", "french|fr"})
    void aTextWithParametersIsAPatternThatKeepsItsApostrophes(String themeAndLocale) {
        String[] parts = themeAndLocale.split("\\|");
        Properties texts = bundle(parts[0], parts[1]);
        for (String key : texts.stringPropertyNames()) {
            String text = texts.getProperty(key);
            if (PARAMETER.matcher(text).find()) {
                assertFalse(text.replace("''", "").contains("'"), key + ": a lone ' would vanish: " + text);
                new MessageFormat(text);
            }
        }
    }

    @Test
    void everyShippedTemplateIsOneTheseTestsRender() throws IOException {
        Set<String> shipped = new TreeSet<>();
        try (JarFile jar = new JarFile(plugins.resolve("english.jar").toFile())) {
            jar.stream().map(e -> e.getName()).filter(n -> n.startsWith("theme/english/templates/") && !n.endsWith("/"))
                    .map(n -> n.substring("theme/english/templates/".length())).forEach(shipped::add);
        }
        Set<String> rendered = new TreeSet<>(Set.of("layout.html", "mail/layout.html", "fragments/payments-tabs.html",
                "document/document.html"));
        PAGES.forEach(p -> rendered.add(p + ".html"));
        MAILS.forEach(m -> List.of(".subject.txt", ".txt", ".html").forEach(ext -> rendered.add("mail/" + m + ext)));

        assertEquals(rendered, shipped);
    }

    @ParameterizedTest
    @ValueSource(strings = {"english", "french"})
    void everyPageRendersEveryTextInItsLanguage(String themeId) {
        ChosenTheme theme = chosen(themeId);
        for (String page : PAGES) {
            String html = bed.render(theme, page, pageModel());
            assertNoRawKey(html, themeId + " " + page);
            assertTrue(html.contains("<html lang=\"" + theme.locale() + "\""), page + ": " + html);
            assertTrue(html.contains("href=\"/theme-assets/" + themeId + "/theme.css\""), html);
            assertFalse(html.contains(" style=") || html.contains("<style"), page + " has inline style: " + html);
            Matcher script = SCRIPT.matcher(html);
            while (script.find()) {
                assertTrue(script.group().contains(" src=\"/theme-assets/" + themeId + "/")
                        && script.group().contains(" nonce=\"nonce-value\""),
                        page + ": a script is a file of the theme, with the page's nonce: " + script.group());
                assertTrue(html.startsWith("</script>", script.end()), page + ": no inline script: " + script.group());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"english", "french"})
    void everyMailRendersASubjectLineATextAndHtml(String themeId) {
        ChosenTheme theme = chosen(themeId);
        for (String mail : MAILS) {
            ThemeRenderer.RenderedMail rendered = bed.renderer.renderMail(theme, mail, mailModel());
            assertFalse(rendered.subject().isBlank(), mail);
            assertFalse(rendered.subject().contains("\n"), mail);
            for (String part : List.of(rendered.subject(), rendered.text(), rendered.html())) {
                assertNoRawKey(part, themeId + " " + mail);
            }
            assertTrue(rendered.html().contains("<title>" + rendered.subject().replace("&", "&amp;")
                    .replace("<", "&lt;") + "</title>"), rendered.html());
            assertTrue(rendered.text().contains("TU7K2M9QXD") || !mail.startsWith("top-up")
                    && !mail.startsWith("refund"), mail + ": " + rendered.text());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"english", "french"})
    void everyDocumentKindRendersEveryTextInItsLanguageAsWellFormedXhtml(String themeId) throws Exception {
        ChosenTheme theme = chosen(themeId);
        DocumentRendering rendering = new DocumentRendering(bed.renderer, null);
        PrintedDocument invoice = SampleDocuments.reverseChargeInvoice(theme.locale());
        for (DocumentKind kind : DocumentKind.values()) {
            PrintedDocument doc = new PrintedDocument(kind, invoice.number(), invoice.issueDate(), invoice.supplyDate(),
                    invoice.dueDate(), invoice.currency(), invoice.locale(), invoice.seller(), invoice.buyer(),
                    invoice.lines(), invoice.vatBreakdown(), invoice.totals(), invoice.mentions(), invoice.payment(),
                    kind == DocumentKind.CREDIT_NOTE ? new PrintedDocument.Original("INV-2026-000001",
                            invoice.issueDate()) : null);
            String xhtml = rendering.xhtml(theme, doc, SampleDocuments.BRAND);
            assertNoRawKey(xhtml, themeId + " " + kind);
            javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new org.xml.sax.InputSource(new StringReader(xhtml.replaceFirst("<!DOCTYPE html>", ""))));
        }
    }

    @Test
    void theLayoutCarriesTheHooksTestsClickAndTheTenantsBalanceInItsLanguage() {
        String html = bed.render(chosen("french"), "not-found", pageModel());

        for (String hook : List.of("balance", "language", "sign-out")) {
            assertTrue(html.contains("data-test=\"" + hook + "\""), hook + " in " + html);
        }
        assertTrue(html.contains("1\u202f234,56\u00a0€"), html);
        assertTrue(html.contains(">Français<") && html.contains(">English<"), html);
        assertTrue(html.contains("aria-current=\"page\""), "the section is marked");
        assertTrue(bed.render(chosen("english"), "not-found", pageModel()).contains("€1,234.56"));
    }

    @Test
    void thePaymentsPagesCarryTheirHooks() {
        Map<String, List<String>> hooks = Map.of(
                "top-up", List.of("amount", "preset", "payer", "method", "save-method", "topup-submit", "notice-error"),
                "top-up-confirm", List.of("quote", "topup-submit"),
                "top-up-instructions", List.of("instructions", "reference"),
                "history", List.of("history-row"));
        hooks.forEach((page, expected) -> {
            String html = bed.render(chosen("english"), page, pageModel());
            for (String hook : expected) {
                assertTrue(html.contains("data-test=\"" + hook + "\""), hook + " in " + page + ": " + html);
            }
        });
        String topUp = bed.render(chosen("english"), "top-up", pageModel());
        assertTrue(topUp.contains("data-method=\"saved:svm_1\"") && topUp.contains("data-method=\"bank-transfer\""),
                topUp);
        assertTrue(topUp.contains("Enter an amount from €0.50 to €15,000.00."), topUp);
        assertTrue(bed.render(chosen("english"), "history", pageModel()).contains("data-status=\"CANCELLED\""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"english", "french"})
    void theBillingPagesCarryTheirHooksEscapeServiceNamesAndTheNoticeLinksToInvoices(String themeId) {
        String renewals = bed.render(chosen(themeId), "renewals", pageModel());
        String invoices = bed.render(chosen(themeId), "invoices", pageModel());

        for (String hook : List.of("service-row", "renew", "renew-submit", "pay-invoice", "pay-another-way",
                "renewals-error", "renewed", "notice-invoices-due")) {
            assertTrue(renewals.contains("data-test=\"" + hook + "\""), hook + " in " + renewals);
        }
        for (String hook : List.of("invoice-row", "get-invoice", "pay-invoice", "pay-another-way", "invoices-error",
                "invoice-filter")) {
            assertTrue(invoices.contains("data-test=\"" + hook + "\""), hook + " in " + invoices);
        }
        assertFalse(renewals.contains(HOSTILE), renewals);
        assertTrue(renewals.contains("href=\"/top-up?invoice=inv_1\"") && renewals.contains("href=\"/invoices?status=NEW\""),
                renewals);
        assertTrue(invoices.contains("href=\"/invoices/inv_1/pdf\"") && invoices.contains("href=\"/top-up?invoice=inv_1\""),
                invoices);
        assertEquals(1, invoices.split("data-test=\"pay-invoice\"", -1).length - 1, "only the open invoice is paid");
        assertTrue(renewals.contains(themeId.equals("french") ? "Tous les 3 mois" : "Every 3 months"), renewals);
    }

    @Test
    void aFailedRenewalMailSaysWhatToDoInTheCustomersLanguage() {
        ThemeRenderer.RenderedMail english = bed.renderer.renderMail(chosen("english"), "renewal-failed", mailModel());
        ThemeRenderer.RenderedMail french = bed.renderer.renderMail(chosen("french"), "renewal-failed", mailModel());

        assertEquals("Renewal of VPS srv-42 not paid", english.subject());
        assertTrue(english.text().contains("does not cover its invoice INV-2026-000007 of €1,234.56")
                && english.text().contains("https://demo.localhost/top-up"), english.text());
        assertEquals("Renouvellement de VPS srv-42 impayé", french.subject());
        assertTrue(french.text().contains("rechargez votre solde") && french.html().contains("https://demo.localhost/top-up"),
                french.text());
    }

    @Test
    void aHostilePayerNameRendersInert() {
        Map<String, Object> model = pageModel();
        model.put("payers", List.of(new SamplePayer("pyr_1", "PERSON", HOSTILE, "DE", "Germany", null, null, true),
                new SamplePayer("pyr_2", "COMPANY", "Other", "FR", "France", null, null, false)));

        String html = bed.render(chosen("english"), "top-up", model);

        assertFalse(html.contains(HOSTILE), html);
        assertTrue(html.contains("&lt;script&gt;"), html);
    }

    @Test
    void aNeutralPageShowsNothingOfATenant() {
        String html = bed.render(chosen("english"), "not-found", Map.of());

        assertFalse(html.contains("data-test=\"balance\"") || html.contains("data-test=\"sign-out\""), html);
        assertTrue(html.contains("Page not found"), html);
    }

    @Test
    void whatATenantOrCustomerTypedIsEscapedInPagesAndHtmlMail() {
        Map<String, Object> model = pageModel();
        model.put("tenant", new SampleTenant(HOSTILE, "support@example.com", HOSTILE, false));
        model.put("customer", new SampleCustomer(HOSTILE, "ada@example.com", "TU7K2M9QXD", new Money(100, EUR)));
        model.put("email", "\"><img src=x onerror=alert(1)>");

        String page = bed.render(chosen("english"), "sign-in", model);
        String mail = bed.renderer.renderMail(chosen("english"), "invitation", model).html();
        for (String html : List.of(page, mail)) {
            assertFalse(html.contains(HOSTILE), html);
            assertTrue(html.contains("&lt;script&gt;"), html);
        }
        assertFalse(page.contains("<img src=x"), page);
    }

    @Test
    void aDeclineCodeIsSaidInTheCustomersLanguageOnTheHistoryTheNoticeAndTheMail() {
        String history = bed.render(chosen("french"), "history", pageModel());
        String mail = bed.renderer.renderMail(chosen("french"), "top-up-cancelled", mailModel()).text();

        String words = "Le solde disponible sur votre carte est insuffisant.";
        assertTrue(history.contains("Motif : " + words), history);
        assertTrue(history.contains("a échoué, et aucun montant n’a été prélevé. Motif : " + words), "the notice: " + history);
        assertTrue(mail.contains("Motif\u00a0: " + words), mail);
        assertFalse(history.contains("insufficient funds") || mail.contains("insufficient funds"), history + mail);
        assertTrue(bed.render(chosen("english"), "history", pageModel()).contains("Reason: Your card has insufficient funds."));
    }

    @ParameterizedTest
    @ValueSource(strings = {"english", "french"})
    void aCodeNoThemeKnowsShowsTheGatewaysWordsAndNoCodeShowsTheReasonAsGiven(String themeId) {
        Map<String, Object> model = pageModel();
        model.put("rows", List.of(new SampleRow("top_1", "Card", new Money(100, EUR), new Money(100, EUR),
                Instant.parse("2026-12-02T09:00:00Z"), "CANCELLED", "new_bank_code", "The bank said no.", false),
                new SampleRow("top_2", "Card", new Money(100, EUR), new Money(100, EUR),
                        Instant.parse("2026-12-02T09:00:00Z"), "CANCELLED", null, "Cancelled by request", false)));
        model.put("failedPayment", new SampleFailedPayment("top_1", "new_bank_code", "The bank said no.",
                new Money(100, EUR)));
        Map<String, Object> mail = mailModel();
        mail.put("reasonCode", null);
        mail.put("reason", "Payment page expired");

        String history = bed.render(chosen(themeId), "history", model);
        ThemeRenderer.RenderedMail cancelled = bed.renderer.renderMail(chosen(themeId), "top-up-cancelled", mail);

        assertEquals(2, history.split("The bank said no\\.", -1).length - 1, "the row and the notice: " + history);
        assertTrue(history.contains("Cancelled by request"), history);
        assertTrue(cancelled.text().contains("Payment page expired") && cancelled.html().contains("Payment page expired"),
                cancelled.text());
    }

    @ParameterizedTest
    @ValueSource(strings = {"english", "french"})
    void aSavedMethodMailWithoutBrandOrLastDigitsStillSaysItIsSaved(String themeId) {
        Map<String, Object> model = mailModel();
        model.put("brand", null);
        model.put("last4", null);
        model.put("url", null);

        ThemeRenderer.RenderedMail mail = bed.renderer.renderMail(chosen(themeId), "saved-method-confirmed", model);

        for (String part : List.of(mail.text(), mail.html())) {
            assertFalse(part.contains("null"), part);
            assertNoRawKey(part, themeId);
        }
        String saved = themeId.equals("french") ? "Votre moyen de paiement est enregistré pour vos prochains paiements."
                : "Your payment method is saved for your next payments.";
        assertTrue(mail.text().contains(saved), mail.text());
    }

    private void assertNoRawKey(String rendered, String what) {
        assertFalse(rendered.contains("??"), what + " has a key without text: " + rendered);
        for (String key : bed.themes.read(InstalledThemes.Generation::knownKeys)) {
            assertFalse(rendered.contains(key), what + " shows the raw key " + key + ": " + rendered);
        }
    }

    private ChosenTheme chosen(String themeId) {
        ChosenTheme plain = bed.theme("t1", themeId);
        return new ChosenTheme("t1", themeId, plain.locale(), List.of(
                new ChosenTheme.Language("english", "en", "English", themeId.equals("english")),
                new ChosenTheme.Language("french", "fr", "Français", themeId.equals("french"))));
    }

    private Properties bundle(String themeId, String locale) {
        byte[] bytes = bed.themes.read(g -> g.file(themeId, "messages/" + locale + ".properties")).orElseThrow();
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(new String(bytes, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return properties;
    }

    static Map<String, Object> pageModel() {
        Map<String, Object> model = new HashMap<>();
        model.put("tenant", new SampleTenant("Demo Hosting", "support@demo.example", "Demo Hosting GmbH, Berlin", true));
        model.put("customer", new SampleCustomer("Ada", "ada@example.com", "TU7K2M9QXD", new Money(123_456, EUR)));
        model.put("csrf", "csrf-token");
        model.put("nonce", "nonce-value");
        model.put("section", "payments");
        model.put("email", "ada@example.com");
        model.put("error", "signIn.error.failed");
        model.put("returnTo", "/payments");
        model.put("here", "/top-up");
        model.put("message", "error.forbidden");
        model.put("incident", "0b6c2f9e");
        model.put("action", "/sign-in");
        model.put("actionText", "signIn.heading");
        model.put("token", "link-token");
        model.put("sent", false);
        CurrencyUnit usd = new CurrencyUnit("USD", 2);
        model.put("form", new SampleForm("100.00", "EUR", "pyr_1", "saved:svm_1", true, "form-key-0123456789",
                "AC7K2M9QXD"));
        model.put("limits", new SampleLimits(new Money(50, EUR), new Money(1_500_000, EUR),
                List.of(new Money(10_000, EUR), new Money(20_000, EUR), new Money(50_000, EUR), new Money(100_000, EUR))));
        model.put("currencies", List.of("EUR", "USD"));
        model.put("accountCurrency", "EUR");
        model.put("payers", List.of(new SamplePayer("pyr_1", "PERSON", "Ada Lovelace", "DE", "Germany", null, null, true),
                new SamplePayer("pyr_2", "COMPANY", "Analytical Engines SARL", "FR", "France", "FR40303265045", null, false)));
        SampleMethod savedCard = new SampleMethod("saved:svm_1", "Card", "visa", "4242", "12/30", null, true, false, true);
        model.put("methods", List.of(savedCard,
                new SampleMethod("stripe-card", "Card", null, null, null, "Instant", false, true, false),
                new SampleMethod("bank-transfer", "Bank transfer", null, null, null, "1-3 business days", false, false,
                        false)));
        model.put("canSave", true);
        Map<String, String> errors = new java.util.LinkedHashMap<>();
        errors.put("amount", "topUp.error.range");
        errors.put("method", "topUp.error.method");
        errors.put("reference", "another.error.unknown");
        model.put("errors", errors);
        model.put("quote", new SampleQuote("quo_1", new Money(11_012, usd), new Money(10_000, EUR),
                new java.math.BigDecimal("0.9081"), Instant.parse("2026-12-03T10:15:00Z")));
        model.put("requoted", true);
        model.put("chosenMethod", savedCard);
        model.put("instructions", new SampleInstructions("Demo Hosting GmbH", "DE89370400440532013000", "COBADEFFXXX",
                "Commerzbank", "TU7K2M9QXD", new Money(10_000, EUR), "RF41 TU7K 2M9Q XD"));
        model.put("another", false);
        model.put("topUpStatus", "NEW");
        model.put("rows", List.of(
                new SampleRow("top_1", "Bank transfer", new Money(10_000, EUR), new Money(10_000, EUR),
                        Instant.parse("2026-12-03T09:00:00Z"), "NEW", null, null, true),
                new SampleRow("top_2", "Card", new Money(11_012, usd), new Money(10_000, EUR),
                        Instant.parse("2026-12-02T09:00:00Z"), "CANCELLED", "insufficient_funds",
                        "Your card has insufficient funds.", false)));
        model.put("statusFilter", "NEW");
        model.put("statuses", List.of("NEW", "PAID", "CANCELLED"));
        model.put("nextPage", "/history?after=top_2");
        model.put("firstPage", "/history");
        model.put("returned", true);
        model.put("failedPayment", new SampleFailedPayment("top_2", "insufficient_funds",
                "Your card has insufficient funds.", new Money(11_012, usd)));
        accountPages(model);
        billingPages(model);
        return model;
    }

    record SampleOpenInvoice(String id, String number, Money amount, Instant dueAt) { }

    record SampleService(String id, String name, String status, String period, Instant nextRenewalAt, Money price,
                         String choice, boolean canRenew, Instant cancelAt, Instant suspendAt,
                         SampleOpenInvoice invoice) { }

    record SampleRefusal(String name, String message) { }

    record SampleInvoice(String id, String number, Instant issuedAt, Instant dueAt, Money amount, String status,
                         boolean open, boolean highlighted) { }

    record SamplePayError(String invoiceId, String number, Money amount, String message) { }

    record SampleInvoicesDue(int count, Money total, boolean more) { }

    /** What the renewals and invoices pages and the invoices-due notice show, errors included. */
    private static void billingPages(Map<String, Object> model) {
        Instant next = Instant.parse("2027-01-01T00:00:00Z");
        SampleOpenInvoice open = new SampleOpenInvoice("inv_1", "INV-2026-000007", new Money(1_428, EUR),
                Instant.parse("2026-12-01T00:00:00Z"));
        model.put("services", List.of(
                new SampleService("svc_1", HOSTILE, "ACTIVE", "P1M", next, new Money(1_200, EUR),
                        "svc_1|2027-01-01T00:00:00Z", true, null, null, null),
                new SampleService("svc_2", "IP 192.0.2.7", "SUSPENDED", "P1Y", next, new Money(1_200, EUR),
                        "svc_2|2027-01-01T00:00:00Z", false, null, Instant.parse("2026-12-08T00:00:00Z"), open),
                new SampleService("svc_3", "Licence", "ACTIVE", "P3M", next, new Money(900, EUR),
                        "svc_3|2027-01-01T00:00:00Z", false, next, null, null),
                new SampleService("svc_4", "Backup", "ACTIVE", "P6M", next, new Money(900, EUR),
                        "svc_4|2027-01-01T00:00:00Z", true, null, null, null)));
        model.put("canRenewAny", true);
        model.put("refusals", List.of(new SampleRefusal("VPS srv-42", "renewals.error.balance"),
                new SampleRefusal("Licence", "renewals.error.invoiceOpen"),
                new SampleRefusal("Licence", "renewals.error.cancelled"),
                new SampleRefusal("Licence", "renewals.error.terminated"),
                new SampleRefusal("Licence", "renewals.error.failed"),
                new SampleRefusal(null, "renewals.error.none")));
        model.put("renewed", 2);
        model.put("paid", "INV-2026-000006");
        model.put("invoices", List.of(
                new SampleInvoice("inv_1", "INV-2026-000007", Instant.parse("2026-12-01T00:00:00Z"),
                        Instant.parse("2026-12-01T00:00:00Z"), new Money(1_428, EUR), "NEW", true, true),
                new SampleInvoice("inv_2", "INV-2026-000006", Instant.parse("2026-11-01T00:00:00Z"),
                        Instant.parse("2026-11-01T00:00:00Z"), new Money(1_428, EUR), "PAID", false, false),
                new SampleInvoice("inv_3", "INV-2026-000005", Instant.parse("2026-10-01T00:00:00Z"),
                        Instant.parse("2026-10-01T00:00:00Z"), new Money(1_428, EUR), "CANCELLED", false, false)));
        model.put("payError", new SamplePayError("inv_1", "INV-2026-000007", new Money(1_428, EUR),
                "invoices.error.balance"));
        model.put("invoicesDue", new SampleInvoicesDue(2, new Money(2_856, EUR), false));
    }

    record SampleConversion(Money paid, java.math.BigDecimal rate, java.time.LocalDate rateDate) { }

    record SampleTransaction(String type, String description, String reference, Money amount, Money balanceAfter,
                             Instant createdAt, boolean credit, SampleConversion conversion) { }

    record SampleSavedMethod(String id, String brand, String last4, String expiry, String payerName, String status,
                             boolean isDefault, String reason) { }

    record SampleChoice(String value, String label) { }

    /** A payer as the top-up page (its choice) and the payers page (its list) show it. */
    record SamplePayer(String id, String type, String name, String country, String countryName, String vatId,
                       String address, boolean selected) { }

    record SamplePayerForm(String id, String type, String name, String country, String vatId, String address,
                           Map<String, String> errors) { }

    record SampleCountry(String code, String name) { }

    record SampleProfile(String name, String email, String reference, String currency, String currencyLocked,
                         List<String> currencies) { }

    /** What the transactions, saved-methods, payers, payer-form and profile pages show, errors included. */
    private static void accountPages(Map<String, Object> model) {
        Instant at = Instant.parse("2026-12-01T10:00:00Z");
        model.put("transactions", List.of(
                new SampleTransaction("TOP_UP", null, "TU7K2M9QXD", new Money(10_000, EUR), new Money(10_000, EUR), at,
                        true, new SampleConversion(new Money(11_000, new CurrencyUnit("USD", 2)),
                        new java.math.BigDecimal("0.909091"), java.time.LocalDate.parse("2026-12-01"))),
                new SampleTransaction("CHARGE", "Server rental", null, new Money(-2_500, EUR), new Money(7_500, EUR), at,
                        false, null)));
        model.put("olderPage", "/transactions?after=jen_01");
        model.put("firstPage", true);
        model.put("savedMethods", List.of(
                new SampleSavedMethod("spm_1", "visa", "4242", "12/2030", "Ada", "CONFIRMED", true, null),
                new SampleSavedMethod("spm_2", null, "4444", "01/2031", "Ada", "CONFIRMED", false, null),
                new SampleSavedMethod("spm_3", null, null, null, "Ada", "PENDING", false, null),
                new SampleSavedMethod("spm_4", null, null, null, "Ada", "FAILED", false, "Declined"),
                new SampleSavedMethod("spm_5", "paypal", null, null, "Ada", "CONFIRMED", false, null)));
        model.put("payerChoices", List.of(new SampleChoice("pyr_1", "Ada"), new SampleChoice("pyr_2", "Engines SAS")));
        model.put("methodChoices", List.of(new SampleChoice("stripe-card", "Card")));
        model.put("done", "payers.done.added");
        model.put("savedMethodsError", "savedMethods.error.notConfirmed");
        model.put("addError", "savedMethods.error.choose");
        model.put("payers", List.of(new SamplePayer("pyr_1", "PERSON", "Ada", "DE", "Germany", null, "Hauptstr. 1\nBerlin", true),
                new SamplePayer("pyr_2", "COMPANY", "Engines SAS", "FR", "France", "FR40303265045", null, false)));
        Map<String, String> payerErrors = new java.util.LinkedHashMap<>();
        for (String field : List.of("type", "name", "country", "vatId", "address", "form")) {
            payerErrors.put(field, "form".equals(field) ? "payers.error.limit" : "payers.error." + field);
        }
        model.put("payerForm", new SamplePayerForm("pyr_2", "COMPANY", "Engines SAS", "FR", "FR1", null, payerErrors));
        model.put("countryOptions", List.of(new SampleCountry("DE", "Germany"), new SampleCountry("FR", "France")));
        model.put("profile", new SampleProfile("Ada", "ada@example.com", "TU7K2M9QXD", "EUR",
                "profile.currency.lockedBalance", List.of("EUR", "USD")));
        model.put("currencyError", "profile.error.currency");
        model.put("passwordErrors", Map.of("currentPassword", "profile.error.currentPassword",
                "newPassword", "setPassword.error.tooShort", "confirmPassword", "setPassword.error.mismatch"));
    }

    static Map<String, Object> mailModel() {
        Map<String, Object> model = new HashMap<>();
        model.put("tenant", new SampleTenant("Demo Hosting", "support@demo.example", "Demo Hosting GmbH, Berlin", true));
        model.put("customer", new SampleCustomer("Ada", "ada@example.com", "TU7K2M9QXD", new Money(123_456, EUR)));
        model.put("url", "https://demo.localhost/set-password?token=abc");
        model.put("expiresAt", Instant.parse("2026-12-05T10:00:00Z"));
        model.put("amount", new Money(123_456, EUR));
        model.put("credit", new Money(123_456, EUR));
        model.put("balance", new Money(200_000, EUR));
        model.put("reference", "TU7K2M9QXD");
        model.put("reasonCode", "insufficient_funds");
        model.put("reason", "Your card has insufficient funds.");
        model.put("brand", "Visa");
        model.put("last4", "4242");
        model.put("number", "INV-2026-000007");
        model.put("dueAt", Instant.parse("2026-12-10T00:00:00Z"));
        model.put("paidAt", Instant.parse("2026-12-03T10:00:00Z"));
        model.put("from", "balance");
        model.put("serviceName", "VPS srv-42");
        model.put("nextRenewalAt", Instant.parse("2027-01-01T00:00:00Z"));
        model.put("suspendAt", Instant.parse("2026-12-10T00:00:00Z"));
        model.put("terminateAt", Instant.parse("2027-01-02T00:00:00Z"));
        model.put("topUpUrl", "https://demo.localhost/top-up");
        return model;
    }
}
