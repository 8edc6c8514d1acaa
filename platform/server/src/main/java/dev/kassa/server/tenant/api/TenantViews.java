package dev.kassa.server.tenant.api;

import dev.kassa.server.tenant.domain.ApiKey;
import dev.kassa.server.tenant.domain.Tenant;
import dev.kassa.server.tenant.domain.TopUpLimits;
import dev.kassa.server.web.MoneyView;
import dev.kassa.server.web.ShownOnce;
import java.time.Instant;
import java.util.List;

/** The JSON shapes this context answers with. Records only: what a client sees is what is listed here. */
public final class TenantViews {
    private TenantViews() {
    }

    public record TenantView(String id, String slug, String name, String baseCurrency, String defaultLocale,
                             List<String> locales, Instant createdAt) {
        public static TenantView of(Tenant t) {
            return new TenantView(t.id(), t.slug(), t.name(), t.baseCurrency().code(), t.defaultLocale(), t.locales(),
                    t.createdAt());
        }
    }

    public record CreatedTenantView(String id, String slug, String name, String baseCurrency, String defaultLocale,
                                    List<String> locales, String apiKey, Instant createdAt) implements ShownOnce {
        public static CreatedTenantView of(Tenant t, String apiKey) {
            return new CreatedTenantView(t.id(), t.slug(), t.name(), t.baseCurrency().code(), t.defaultLocale(),
                    t.locales(), apiKey, t.createdAt());
        }

        @Override
        public String secretMember() {
            return "apiKey";
        }

        @Override
        public String replayNotice() {
            return "The API key is shown only in the first answer and is not kept. Create a new one with "
                    + "POST /api/v1/tenants/" + id + "/api-keys.";
        }
    }

    /** One of a tenant's API keys, never its secret. */
    public record ApiKeyView(String id, String prefix, String last4, Instant createdAt, Instant lastUsedAt) {
        public static ApiKeyView of(ApiKey k) {
            return new ApiKeyView(k.id(), k.prefix(), k.last4(), k.createdAt(), k.lastUsedAt().orElse(null));
        }
    }

    /** A key just issued: the only answer that carries its secret. */
    public record CreatedApiKeyView(String id, String apiKey, String prefix, Instant createdAt) implements ShownOnce {
        public static CreatedApiKeyView of(ApiKey k, String secret) {
            return new CreatedApiKeyView(k.id(), secret, k.prefix(), k.createdAt());
        }

        @Override
        public String secretMember() {
            return "apiKey";
        }

        @Override
        public String replayNotice() {
            return "The API key is shown only in the first answer and is not kept. Revoke this key ("
                    + id + ") if it was not received, and create a new one.";
        }
    }

    public record CurrencySettingsView(String base, List<String> enabled, int markupBasisPoints) {
        public static CurrencySettingsView of(dev.kassa.server.tenant.domain.CurrencySettings c) {
            return new CurrencySettingsView(c.base().code(), c.enabled().stream().map(u -> u.code()).toList(),
                    c.markupBasisPoints());
        }
    }

    public record TopUpSettingsView(MoneyView minimum, MoneyView maximum, List<MoneyView> presets) {
        public static TopUpSettingsView of(TopUpLimits l) {
            return new TopUpSettingsView(MoneyView.of(l.minimum()), MoneyView.of(l.maximum()),
                    l.presets().stream().map(MoneyView::of).toList());
        }
    }
}
