package dev.kassa.server.clientarea.application;

import dev.kassa.server.shared.TenantSettingsChanged;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kassa.server.config.Settings;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ClientAreaHostsTest {
    private final Map<String, String> stored = new LinkedHashMap<>();
    private final AtomicInteger reads = new AtomicInteger();
    private final MutableClock clock = new MutableClock();

    /** The service as far as the hosts need it: every host with its tenant, first host first. */
    private final ClientAreaSettingsService service = new ClientAreaSettingsService() {
        @Override
        public Map<String, String> allHosts() {
            reads.incrementAndGet();
            return new LinkedHashMap<>(stored);
        }
    };

    @Test
    void theHostHeaderFindsItsTenantWhateverItsSpelling() {
        stored.put("billing.example.com", "t1");
        stored.put("demo.localhost", "t2");
        ClientAreaHosts hosts = hosts(Map.of());
        assertEquals(Optional.of("t1"), hosts.tenantFor("Billing.Example.COM."));
        assertEquals(Optional.of("t2"), hosts.tenantFor("demo.localhost:8080"));
        assertEquals(Optional.empty(), hosts.tenantFor("other.example.com"));
        assertEquals(Optional.empty(), hosts.tenantFor("127.0.0.1:8080"));
        assertEquals(Optional.empty(), hosts.tenantFor(null));
        assertEquals(Optional.empty(), hosts.tenantFor("<script>.example.com"));
    }

    @Test
    void theCacheHoldsForTenSecondsOrUntilAChangeCommits() {
        stored.put("a.example.com", "t1");
        ClientAreaHosts hosts = hosts(Map.of());
        assertEquals(Optional.of("t1"), hosts.tenantFor("a.example.com"));
        stored.put("b.example.com", "t1");
        assertEquals(Optional.empty(), hosts.tenantFor("b.example.com"), "still the snapshot");
        assertEquals(1, reads.get());
        clock.now = clock.now.plusSeconds(10);
        assertEquals(Optional.of("t1"), hosts.tenantFor("b.example.com"), "read again after 10 s");
        stored.remove("a.example.com");
        hosts.clear(new TenantSettingsChanged("t1"));
        assertEquals(Optional.empty(), hosts.tenantFor("a.example.com"), "a committed change is seen at once");
        assertEquals(3, reads.get());
    }

    @Test
    void theBaseUrlIsTheFirstHostWithTheSchemeAndAPortOnlyWhenUnusual() {
        stored.put("billing.example.com", "t1");
        stored.put("other.example.com", "t1");
        assertEquals(Optional.of(URI.create("http://billing.example.com:8080")), hosts(Map.of()).baseUrl("t1"),
                "outside Payara: the default port");
        assertEquals(Optional.of(URI.create("https://billing.example.com")), hosts(Map.of(
                Settings.CLIENT_AREA_SCHEME, "https", Settings.CLIENT_AREA_PORT, "443")).baseUrl("t1"));
        assertEquals(Optional.of(URI.create("https://billing.example.com:8443")), hosts(Map.of(
                Settings.CLIENT_AREA_SCHEME, "HTTPS", Settings.CLIENT_AREA_PORT, "8443")).baseUrl("t1"));
        assertEquals(Optional.of(URI.create("http://billing.example.com")), hosts(Map.of(
                Settings.CLIENT_AREA_PORT, "80")).baseUrl("t1"));
        assertEquals(Optional.empty(), hosts(Map.of()).baseUrl("t2"), "a tenant without hosts");
    }

    private ClientAreaHosts hosts(Map<String, String> settings) {
        return new ClientAreaHosts(service, new Settings(settings) {
            @Override
            public Optional<Integer> httpPort() {
                return Optional.empty();
            }
        }, clock);
    }

    private static final class MutableClock extends Clock {
        Instant now = Instant.parse("2026-12-03T10:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
