package dev.kassa.server.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The JSON API under {@code /api}; its OpenAPI document is {@code META-INF/openapi.yaml}, served at {@code /openapi}. */
@ApplicationPath("/api")
public class KassaApplication extends Application {
}
