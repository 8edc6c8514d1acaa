package dev.kassa.server.theme.application;

import dev.kassa.server.shared.ExpiringCache;
import dev.kassa.server.shared.FieldError;
import dev.kassa.server.shared.KassaException;
import dev.kassa.server.shared.TenantSettingsChanged;
import dev.kassa.server.theme.domain.TextOverride;
import dev.kassa.server.theme.domain.TextOverrideRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.text.MessageFormat;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A tenant's own texts: per locale, one text per key of the themes' message bundles, shown instead
 * of the theme's. They are stored apart from the themes, so they survive an upgrade of a theme.
 */
@ApplicationScoped
public class TextService {
    /** The longest text a tenant may set. */
    public static final int MAX_LENGTH = 2000;

    private TextOverrideRepository texts;
    private InstalledThemes themes;
    private Clock clock;
    private Event<TenantSettingsChanged> changed;
    /** The tenant's texts by tenant and locale, as pages show them. */
    private final ExpiringCache<List<String>, Map<String, String>> shown = ExpiringCache.ofSettings();

    protected TextService() {
    }

    /** Without anyone to tell of changes. */
    public TextService(TextOverrideRepository texts, InstalledThemes themes, Clock clock) {
        this(texts, themes, clock, null);
    }

    @Inject
    public TextService(TextOverrideRepository texts, InstalledThemes themes, Clock clock,
                       Event<TenantSettingsChanged> changed) {
        this.texts = texts;
        this.themes = themes;
        this.clock = clock;
        this.changed = changed;
    }

    /**
     * The tenant's texts for {@code locale}, by key; also those for keys no theme has any more.
     *
     * @throws KassaException 404 when no installed theme provides the locale
     */
    @Transactional
    public Map<String, String> get(String tenantId, String locale) {
        requireProvided(locale);
        return overrides(tenantId, locale);
    }

    /**
     * The tenant's texts for {@code locale}, by key, as pages and e-mails show them (kept for a few
     * seconds: every page asks); no check of the locale.
     */
    @Transactional
    public Map<String, String> shown(String tenantId, String locale) {
        return shown.get(List.of(tenantId, locale), () -> Collections.unmodifiableMap(overrides(tenantId, locale)));
    }

    void clear(@Observes(during = TransactionPhase.AFTER_SUCCESS) TenantSettingsChanged event) {
        shown.clear();
    }

    /** The tenant's texts for {@code locale}, by key, as stored now; no check of the locale. */
    @Transactional
    public Map<String, String> overrides(String tenantId, String locale) {
        Map<String, String> out = new TreeMap<>();
        texts.list(tenantId, locale).forEach(t -> out.put(t.key(), t.text()));
        return out;
    }

    /**
     * Sets texts: each key given gets its text, and an empty text (or null) removes the tenant's
     * own so the theme's shows again; keys not given keep theirs.
     *
     * @return the tenant's texts for {@code locale} now
     * @throws KassaException 404 when no installed theme provides the locale; 422
     *     {@code texts.unknown_key} when a key is no theme's (every such key in {@code errors});
     *     422 {@code request.invalid} for a text that is too long, holds a NUL, or is not a valid
     *     pattern where the key takes parameters
     */
    @Transactional
    public Map<String, String> update(String tenantId, String locale, Map<String, String> changes) {
        requireProvided(locale);
        List<FieldError> unknown = new ArrayList<>();
        List<FieldError> invalid = new ArrayList<>();
        themes.read(generation -> {
            Set<String> known = generation.knownKeys();
            new TreeMap<>(changes).forEach((key, text) -> {
                if (!known.contains(key)) {
                    unknown.add(new FieldError(key, "texts.unknown_key", "is not a text of any installed theme"));
                } else if (text != null) {
                    String problem = problem(text, generation.takesParameters(key));
                    if (problem != null) {
                        invalid.add(new FieldError(key, "invalid", problem));
                    }
                }
            });
            return null;
        });
        if (!unknown.isEmpty()) {
            List<String> keys = unknown.stream().map(FieldError::field).toList();
            List<FieldError> all = new ArrayList<>(unknown);
            all.addAll(invalid);
            throw new KassaException(422, "texts.unknown_key", "Unknown text key", keys.size() == 1
                    ? "No installed theme has a text '" + keys.get(0) + "'."
                    : "No installed theme has texts " + String.join(", ", keys) + ".", all);
        }
        if (!invalid.isEmpty()) {
            throw KassaException.invalid(invalid);
        }
        // Worked out here rather than read back: queries do not flush (flush mode COMMIT).
        Map<String, String> now = overrides(tenantId, locale);
        changes.forEach((key, text) -> {
            var stored = texts.find(tenantId, locale, key);
            if (text == null || text.isEmpty()) {
                stored.ifPresent(texts::remove);
                now.remove(key);
            } else {
                stored.ifPresentOrElse(t -> t.change(text, clock.instant()),
                        () -> texts.add(new TextOverride(tenantId, locale, key, text, clock.instant())));
                now.put(key, text);
            }
        });
        shown.clear(); // at once, for this thread; again after the commit, for every other
        if (changed != null) {
            changed.fire(new TenantSettingsChanged(tenantId));
        }
        return now;
    }

    private void requireProvided(String locale) {
        if (!themes.catalog().providesLocale(locale)) {
            throw KassaException.notFound();
        }
    }

    /** What is wrong with {@code text}, or null. */
    private static String problem(String text, boolean pattern) {
        if (text.length() > MAX_LENGTH) {
            return "must be at most " + MAX_LENGTH + " characters";
        }
        if (text.codePoints().anyMatch(c -> c == 0 || c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE)) {
            return "must not contain NUL characters or unpaired surrogates";
        }
        if (pattern) {
            try {
                new MessageFormat(text);
            } catch (IllegalArgumentException e) {
                return "is not a valid message pattern: write a parameter as {0}, an apostrophe as ''";
            }
        }
        return null;
    }
}
