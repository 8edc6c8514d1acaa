package dev.kassa.server.webhook.domain;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class DestinationsTest {
    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.1.2.3", "0.0.0.0", "10.0.0.1", "172.16.0.1", "172.31.255.255",
        "192.168.1.1", "169.254.169.254", "100.64.0.1", "224.0.0.1", "255.255.255.255", "198.18.0.1", "192.0.0.8",
        "::1", "::", "fe80::1", "fc00::1", "fd12:3456::1", "ff02::1", "::ffff:127.0.0.1", "::ffff:10.1.2.3",
        "::ffff:169.254.169.254", "64:ff9b::a00:1", "2001:db8::1"})
    void privateLoopbackLinkLocalAndReservedAddressesAreNotPublic(String address) throws UnknownHostException {
        assertFalse(Destinations.isPublic(InetAddress.getByName(address)), address);
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.216.34", "8.8.8.8", "172.32.0.1", "100.128.0.1", "1.1.1.1",
        "2606:4700:4700::1111", "::ffff:8.8.8.8"})
    void publicAddressesArePublic(String address) throws UnknownHostException {
        assertTrue(Destinations.isPublic(InetAddress.getByName(address)), address);
    }

    @Test
    void onlyHttpsUnlessInsecureIsAllowed() throws Exception {
        assertEquals("webhook.url_insecure", refusal("http://hooks.example.com/kassa", false));
        assertDoesNotThrow(() -> Destinations.parse("http://127.0.0.1:8080/hook", true));
        assertEquals("https://hooks.example.com/kassa",
                Destinations.parse("https://hooks.example.com/kassa", false).toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"hooks.example.com/kassa", "ftp://hooks.example.com/", "https:///nohost",
        "https://user:pw@hooks.example.com/", "https://hooks.example.com/#frag", "not a url", " ", "mailto:a@b.c"})
    void malformedUrlsAreInvalid(String url) {
        assertEquals("webhook.url_invalid", refusal(url, false), url);
        assertEquals("webhook.url_invalid", refusal(url, true), url);
    }

    @Test
    void aUrlOver2000CharactersIsInvalid() {
        assertEquals("webhook.url_invalid", refusal("https://hooks.example.com/" + "a".repeat(2000), false));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://localhost/hook", "https://api.localhost/hook", "https://LOCALHOST./hook",
        "https://printer.local/", "https://metadata.google.internal/"})
    void localNamesAreForbidden(String url) {
        assertEquals("webhook.url_forbidden", refusal(url, false), url);
    }

    @Test
    void oneForbiddenAddressAmongThoseAHostResolvesToIsEnough() throws Exception {
        List<InetAddress> addresses = List.of(InetAddress.getByName("93.184.216.34"),
                InetAddress.getByName("10.0.0.7"));
        Destinations.Refused refused = assertThrows(Destinations.Refused.class,
                () -> Destinations.checkAddresses("rebind.example.com", addresses, false));
        assertEquals("webhook.url_forbidden", refused.code());
        assertDoesNotThrow(() -> Destinations.checkAddresses("rebind.example.com", addresses, true));
        assertDoesNotThrow(() -> Destinations.checkAddresses("example.com",
                List.of(InetAddress.getByName("93.184.216.34")), false));
    }

    private static String refusal(String url, boolean insecure) {
        try {
            Destinations.parse(url, insecure);
            return "accepted";
        } catch (Destinations.Refused e) {
            return e.code();
        }
    }
}
