package dev.kassa.server.tenant.application;

import dev.kassa.server.config.CredentialsFile;
import dev.kassa.server.config.Secrets;
import dev.kassa.server.config.Settings;
import dev.kassa.server.tenant.domain.Tenant;
import dev.kassa.server.tenant.domain.TenantRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.spi.JsonProvider;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Creates or updates the tenants declared under {@code KASSA_TENANTS_DIR}. Idempotent: a tenant
 * is created once (its API key printed once and written to {@code credentials.txt}), and an edited
 * definition updates its settings on the next start. An unchanged file changes nothing, so
 * settings a tenant admin changed through the API stay until the file itself changes.
 */
@ApplicationScoped
public class TenantProvisioner {
    /** Looked up once: {@code Json.create…} finds the provider anew on every call, through the class path. */
    private static final JsonProvider JSON = JsonProvider.provider();
    private static final Logger LOG = Logger.getLogger(TenantProvisioner.class.getName());

    private Settings settings;
    private TenantService tenantService;
    private TenantRepository tenants;
    private CredentialsFile credentials;
    private Event<TenantDeclared> declared;

    protected TenantProvisioner() {
    }

    @Inject
    public TenantProvisioner(Settings settings, TenantService tenantService, TenantRepository tenants,
                             CredentialsFile credentials, Event<TenantDeclared> declared) {
        this.settings = settings;
        this.tenantService = tenantService;
        this.tenants = tenants;
        this.credentials = credentials;
        this.declared = declared;
    }

    /** A definition file as read, with the digest that tells whether it changed since last applied. */
    public record Declared(TenantDefinition definition, String hash) { }

    /** Every {@code <tenants dir>/<slug>/tenant.json}, in slug order; none when the directory is not set. */
    public List<Declared> readDefinitions() {
        Path dir = settings.tenantsDir().orElse(null);
        if (dir == null || !Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            List<Declared> out = new java.util.ArrayList<>();
            for (Path file : entries.map(d -> d.resolve("tenant.json")).filter(Files::isRegularFile).sorted().toList()) {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                try (JsonReader reader = JSON.createReader(new StringReader(text))) {
                    JsonObject json = reader.readObject();
                    Path home = file.getParent();
                    // A changed logo file counts as a changed definition.
                    Optional<Path> logo = TenantDefinition.logoFile(json, home);
                    String hash = logo.isEmpty() ? Secrets.sha256(text)
                            : Secrets.sha256(text + "\nlogo:" + Secrets.sha256(Files.readAllBytes(logo.get())));
                    out.add(new Declared(TenantDefinition.parse(json, home), hash));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Creates or updates one tenant; call it through the bean (not from this class) so it runs in a transaction. */
    @Transactional
    public void provision(TenantDefinition definition, String definitionHash) {
        Tenant tenant = tenants.findBySlug(definition.slug()).orElse(null);
        if (tenant == null) {
            var created = tenantService.create(definition.slug(), definition.name(), definition.baseCurrency(),
                    definition.defaultLocale(), definition.locales());
            tenant = created.tenant();
            credentials.record("Tenant '" + definition.slug() + "' API key: " + created.apiKey());
        } else if (definitionHash.equals(tenant.definitionHash())) {
            return;
        } else {
            LOG.info(() -> "Tenant definition '" + definition.slug() + "' changed: updating its settings");
            if (!tenant.baseCurrency().equals(definition.baseCurrency())) {
                LOG.warning(() -> "Tenant '" + definition.slug() + "': the base currency cannot change here; kept "
                        + "the current one");
            }
        }
        tenant.rename(definition.name());
        tenant.setDefaultLocale(definition.defaultLocale());
        tenant.setLocales(definition.locales());
        if (tenant.baseCurrency().equals(definition.baseCurrency())) {
            tenant.setCurrencies(definition.currencies());
            tenant.setTopUpLimits(definition.topUp());
        }
        tenant.setDefinitionHash(definitionHash);
        declared.fire(new TenantDeclared(tenant, definition)); // the payment context configures its methods
    }
}
