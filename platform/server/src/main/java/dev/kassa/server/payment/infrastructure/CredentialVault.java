package dev.kassa.server.payment.infrastructure;

import dev.kassa.server.config.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.util.Map;
import java.util.TreeMap;

/**
 * Tenants' method credentials at rest: a JSON object of strings, encrypted with AES-GCM under the
 * operator's master key ({@code KASSA_MASTER_KEY}, or a key generated once into the data
 * directory) and bound to its tenant and method, so a value copied to another row does not decrypt.
 */
@ApplicationScoped
public class CredentialVault {
    /** Looked up once: {@code Json.create…} finds the provider anew on every call, through the class path. */
    private static final JsonProvider JSON = JsonProvider.provider();
    private Settings settings;
    private volatile CredentialCipher cipher;

    protected CredentialVault() {
    }

    @Inject
    public CredentialVault(Settings settings) {
        this.settings = settings;
    }

    /** Reads (or creates) the master key now, so that a bad key stops the start rather than a request. */
    public void open() {
        cipher();
    }

    public String seal(String tenantId, String methodCode, Map<String, String> credentials) {
        if (credentials.isEmpty()) {
            return null;
        }
        JsonObjectBuilder json = JSON.createObjectBuilder();
        new TreeMap<>(credentials).forEach(json::add);
        return cipher().encrypt(json.build().toString(), aad(tenantId, methodCode));
    }

    public Map<String, String> open(String tenantId, String methodCode, String sealed) {
        if (sealed == null) {
            return Map.of();
        }
        return parse(cipher().decrypt(sealed, aad(tenantId, methodCode)));
    }

    /** A JSON object's string members (others are ignored). */
    public static Map<String, String> parse(String json) {
        JsonObject object = JSON.createReader(new StringReader(json)).readObject();
        Map<String, String> out = new TreeMap<>();
        object.forEach((name, value) -> {
            if (value.getValueType() == JsonValue.ValueType.STRING) {
                out.put(name, ((JsonString) value).getString());
            }
        });
        return out;
    }

    private static String aad(String tenantId, String methodCode) {
        return tenantId + "/" + methodCode;
    }

    private CredentialCipher cipher() {
        CredentialCipher current = cipher;
        if (current == null) {
            synchronized (this) {
                if (cipher == null) {
                    cipher = CredentialCipher.fromSettings(settings.masterKey(), settings.dataDir());
                }
                current = cipher;
            }
        }
        return current;
    }
}
