package dev.kassa.api.payment;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A webhook delivery as it arrived.
 *
 * @param body the exact raw bytes of the body; verify signatures over these
 * @param headers the request headers, names in lower case
 */
public record WebhookRequest(byte[] body, Map<String, List<String>> headers) {
    public WebhookRequest {
        body = body.clone();
        Map<String, List<String>> lower = new TreeMap<>();
        headers.forEach((name, values) -> lower.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
        headers = Map.copyOf(lower);
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    /** The first value of a header (any case), or empty. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }
}
