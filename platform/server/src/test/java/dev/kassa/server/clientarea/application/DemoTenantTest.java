package dev.kassa.server.clientarea.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kassa.server.clientarea.domain.Colours;
import dev.kassa.server.clientarea.domain.Contrast;
import dev.kassa.server.clientarea.domain.LogoImage;
import dev.kassa.server.tenant.application.TenantDefinition;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The demo tenant's definition as the repository ships it: its host, logo and colours pass the API's checks. */
class DemoTenantTest {
    private static final Path DEMO = Path.of("../../tenants/demo");

    @Test
    void theDemoTenantAnswersOnDemoLocalhostWithItsBrand() throws IOException {
        TenantDefinition demo;
        try (JsonReader reader = Json.createReader(new StringReader(Files.readString(DEMO.resolve("tenant.json"))))) {
            JsonObject json = reader.readObject();
            demo = TenantDefinition.parse(json, DEMO);
        }
        assertEquals(List.of("demo.localhost"), demo.hosts());
        TenantDefinition.BrandingDefinition branding = demo.branding();
        assertTrue(branding.logo().startsWith("data:image/svg+xml;base64,"), branding.logo());
        LogoImage logo = LogoImage.fromDataUrl(branding.logo());
        assertEquals(LogoImage.SVG, logo.contentType());
        Map<String, String> c = branding.colours();
        Colours colours = new Colours(c.get("primary"), c.get("accent"), c.get("background"), c.get("text"));
        assertTrue(colours.textContrast() >= Contrast.MINIMUM && colours.primaryContrast() >= Contrast.MINIMUM);
        BrandingService.checkContrast(colours);
    }
}
