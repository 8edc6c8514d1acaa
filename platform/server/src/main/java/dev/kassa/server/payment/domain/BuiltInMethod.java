package dev.kassa.server.payment.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Payment methods the platform carries itself. Bank transfer is the first; card and wallet
 * methods arrive as plugins.
 */
public enum BuiltInMethod {
    BANK_TRANSFER("bank-transfer",
            Map.of("en", "Bank transfer", "fr", "Virement bancaire"),
            Map.of("en", "1-3 business days", "fr", "1 à 3 jours ouvrés"));

    private final String code;
    private final Map<String, String> names;
    private final Map<String, String> processingTimes;

    BuiltInMethod(String code, Map<String, String> names, Map<String, String> processingTimes) {
        this.code = code;
        this.names = names;
        this.processingTimes = processingTimes;
    }

    public String code() {
        return code;
    }

    public String name(String locale) {
        return localized(names, locale);
    }

    public String processingTime(String locale) {
        return localized(processingTimes, locale);
    }

    public static Optional<BuiltInMethod> byCode(String code) {
        return Arrays.stream(values()).filter(m -> m.code.equals(code)).findFirst();
    }

    private static String localized(Map<String, String> texts, String locale) {
        String language = locale == null ? "en" : Locale.forLanguageTag(locale).getLanguage();
        return texts.getOrDefault(language, texts.get("en"));
    }
}
