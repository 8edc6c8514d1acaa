package dev.kassa.server.signin.application;

import java.net.URI;

/** Where a tenant's client area answers, for the links sent to its customers. */
public interface ClientAreaAddress {
    /** The client area's address without a trailing {@code /}, such as {@code https://billing.example.com}. */
    URI baseUrl(String tenantId);
}
