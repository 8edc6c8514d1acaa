package dev.kassa.server.webhook.application;

import dev.kassa.server.config.Settings;
import dev.kassa.server.shared.KassaException;
import dev.kassa.server.webhook.domain.Destinations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;

/**
 * The destination rules ({@link Destinations}) applied to a URL a tenant registers: its form, and
 * the addresses its host resolves to now. A host that does not resolve yet is accepted (DNS may
 * come later); every try checks the addresses again before it connects.
 */
@ApplicationScoped
public class WebhookDestinations {
    private Settings settings;

    protected WebhookDestinations() {
    }

    @Inject
    public WebhookDestinations(Settings settings) {
        this.settings = settings;
    }

    /** The URL as it is kept; a 422 problem with the rule's code when it breaks one. */
    public URI check(String url) {
        boolean insecure = settings.webhooksAllowInsecure();
        try {
            URI uri = Destinations.parse(url, insecure);
            if (!insecure) {
                Destinations.checkAddresses(uri.getHost(), resolve(uri.getHost()), false);
            }
            return uri;
        } catch (Destinations.Refused e) {
            throw KassaException.unprocessable(e.code(), title(e.code()), e.getMessage());
        }
    }

    private static List<InetAddress> resolve(String host) {
        try {
            return Arrays.asList(InetAddress.getAllByName(host));
        } catch (UnknownHostException e) {
            return List.of();
        }
    }

    private static String title(String code) {
        switch (code) {
            case Destinations.Refused.INSECURE:
                return "Insecure webhook URL";
            case Destinations.Refused.FORBIDDEN:
                return "Forbidden webhook destination";
            default:
                return "Invalid webhook URL";
        }
    }
}
