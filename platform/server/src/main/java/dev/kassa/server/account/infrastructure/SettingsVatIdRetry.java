package dev.kassa.server.account.infrastructure;

import dev.kassa.server.account.application.VatIdRetry;
import dev.kassa.server.config.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;

/** The operator's {@code KASSA_VIES_RETRY}. */
@ApplicationScoped
public class SettingsVatIdRetry implements VatIdRetry {
    private Settings settings;

    protected SettingsVatIdRetry() {
    }

    @Inject
    public SettingsVatIdRetry(Settings settings) {
        this.settings = settings;
    }

    @Override
    public Duration firstBackoff() {
        return settings.viesRetry();
    }
}
