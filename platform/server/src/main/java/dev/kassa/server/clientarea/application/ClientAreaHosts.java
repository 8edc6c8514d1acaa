package dev.kassa.server.clientarea.application;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.Optional;

/** STUB until h-brand lands. */
@ApplicationScoped
public class ClientAreaHosts {
    public Optional<String> tenantFor(String hostHeader) {
        return Optional.empty();
    }

    public Optional<URI> baseUrl(String tenantId) {
        return Optional.empty();
    }
}
