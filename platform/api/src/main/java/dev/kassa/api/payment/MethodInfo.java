package dev.kassa.api.payment;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How a payment method describes itself.
 *
 * @param code the method's stable code, used in the API ({@code "stripe-card"}): lower-case
 *     letters, digits and dashes, at most 40 characters, unique across all plugins
 * @param names display names by language ({@code "en"}, {@code "fr"}); {@code "en"} is required
 * @param processingTimes how long the money takes to arrive, by language; {@code "en"} is required
 * @param currencies the ISO 4217 codes the method can take; empty means any. A method is not
 *     offered in a currency left out here; amounts it cannot take exactly in a currency it lists
 *     are refused one by one ({@link PaymentMethod#accepts})
 * @param countries the ISO 3166-1 alpha-2 countries it can serve; empty means any
 * @param credentials what each tenant must or may provide
 */
public record MethodInfo(String code, Map<String, String> names, Map<String, String> processingTimes,
                         Set<String> currencies, Set<String> countries, List<CredentialField> credentials) {
    public MethodInfo {
        Objects.requireNonNull(code, "code");
        if (!code.matches("[a-z0-9][a-z0-9-]{0,39}")) {
            throw new IllegalArgumentException("invalid method code: " + code);
        }
        names = Map.copyOf(names);
        processingTimes = Map.copyOf(processingTimes);
        if (!names.containsKey("en") || !processingTimes.containsKey("en")) {
            throw new IllegalArgumentException("method " + code + " needs English names and processing times");
        }
        currencies = Set.copyOf(currencies);
        countries = Set.copyOf(countries);
        credentials = List.copyOf(credentials);
    }

    /** The name in {@code languageTag}'s language, else English. */
    public String name(String languageTag) {
        return localized(names, languageTag);
    }

    /** The processing time in {@code languageTag}'s language, else English. */
    public String processingTime(String languageTag) {
        return localized(processingTimes, languageTag);
    }

    /** Whether {@code currency} is one the method can take at all (any, when {@link #currencies()} is empty). */
    public boolean takesCurrency(String currency) {
        return currencies.isEmpty() || currencies.contains(currency);
    }

    public boolean servesCountry(String country) {
        return countries.isEmpty() || countries.contains(country);
    }

    private static String localized(Map<String, String> texts, String languageTag) {
        String language = languageTag == null ? "en" : Locale.forLanguageTag(languageTag).getLanguage();
        return texts.getOrDefault(language, texts.get("en"));
    }
}
