package dev.kassa.server.web;

import dev.kassa.server.config.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * {@code KASSA_MAX_BODY_BYTES} for {@link BodyLimitFilter}, read when the application starts so that
 * a bad value stops the start. Were it read by the filter alone, the container would log the
 * filter's failure, leave it out, and serve the API with no limit at all.
 */
@ApplicationScoped
public class BodyLimitSetting {
    private Settings settings;
    private volatile long bytes;

    protected BodyLimitSetting() {
    }

    @Inject
    public BodyLimitSetting(Settings settings) {
        this.settings = settings;
    }

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
        bytes();
    }

    /** The largest body the API reads, in bytes. */
    public long bytes() {
        if (bytes == 0) {
            bytes = settings.maxBodyBytes();
        }
        return bytes;
    }
}
