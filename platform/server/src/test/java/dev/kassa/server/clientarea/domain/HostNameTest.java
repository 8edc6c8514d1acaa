package dev.kassa.server.clientarea.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HostNameTest {

    @Test
    void caseATrailingDotAndAPortAreDropped() {
        assertEquals(Optional.of("billing.example.com"), HostName.normalise("Billing.EXAMPLE.com."));
        assertEquals(Optional.of("demo.localhost"), HostName.normalise("demo.localhost:8080"));
        assertEquals(Optional.of("demo.localhost"), HostName.normalise(" DEMO.localhost.:443 "));
        assertEquals(Optional.of("a-1.b2.example"), HostName.normalise("a-1.b2.example"));
        assertEquals(Optional.of("xn--bcher-kva.example"), HostName.normalise("bücher.example"), "IDN as ASCII");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "localhost", "127.0.0.1", "10.0.0.1:80", "[::1]", "*.example.com", "a..example.com",
        "-a.example.com", "a-.example.com", "http://example.com", "example.com/path", "ex ample.com", "example.com:abc",
        "user@example.com", "a_b.example.com", ".example.com"})
    void notAHostName(String text) {
        assertEquals(Optional.empty(), HostName.normalise(text), text);
    }

    @Test
    void labelsAndTheWholeHaveTheirLimits() {
        String label63 = "a".repeat(63);
        assertEquals(Optional.of(label63 + ".example"), HostName.normalise(label63 + ".example"));
        assertEquals(Optional.empty(), HostName.normalise("a" + label63 + ".example"));
        String long253 = ("a".repeat(49) + ".").repeat(5) + "abc"; // 5 × 50 + 3
        assertEquals(253, long253.length());
        assertEquals(Optional.of(long253), HostName.normalise(long253));
        assertEquals(Optional.empty(), HostName.normalise("a" + long253));
        assertEquals(Optional.empty(), HostName.normalise(null));
    }
}
