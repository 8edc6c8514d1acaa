package dev.kassa.server.it;

import static dev.kassa.testkit.Json.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kassa.testkit.ApiResponse;
import dev.kassa.testkit.Kassa;
import dev.kassa.testkit.KassaExtension;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The status line as it goes over the wire, with its standard reason phrase. Java's HTTP client
 * does not show the phrase, so this test speaks HTTP/1.1 over a socket.
 */
@ExtendWith(KassaExtension.class)
class StatusLineIT {

    @Test
    void anInvalidRequestIs422UnprocessableContent(Kassa kassa) throws IOException {
        String slug = "status-" + UUID.randomUUID().toString().substring(0, 8);
        ApiResponse tenant = kassa.operator().post("tenants", obj("slug", slug, "name", "Status line",
                "baseCurrency", "EUR", "defaultLocale", "en"));
        assertEquals(201, tenant.status(), tenant::toString);

        String statusLine = statusLine(kassa.process().baseUri(), "POST", "/api/v1/accounts",
                tenant.string("apiKey"), "{}");

        assertEquals("HTTP/1.1 422 Unprocessable Content", statusLine);
    }

    private static String statusLine(URI base, String method, String path, String token, String json)
            throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        String head = method + " " + path + " HTTP/1.1\r\n"
                + "Host: " + base.getHost() + ":" + base.getPort() + "\r\n"
                + "Authorization: Bearer " + token + "\r\n"
                + "Content-Type: application/json\r\n"
                + "Content-Length: " + body.length + "\r\n"
                + "Connection: close\r\n\r\n";
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1))
                    .readLine();
        }
    }
}
