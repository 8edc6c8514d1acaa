package dev.kassa.server.payment.api;

import dev.kassa.server.payment.application.WebhookInbox;
import dev.kassa.server.payment.application.WebhookService;
import dev.kassa.server.shared.KassaException;
import dev.kassa.server.web.JsonbProvider;
import dev.kassa.server.web.Problems;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code POST /webhooks/{tenantSlug}/{pluginId}}: gateways call this without an API key; the
 * plugin verifies the signature over the exact raw body. A plain servlet, so the body reaches the
 * plugin byte for byte. Answers 200 for an applied, ignored or redelivered event.
 */
@WebServlet("/webhooks/*")
public class WebhookServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(WebhookServlet.class.getName());
    static final int MAX_BYTES = 1024 * 1024;

    @Inject
    private transient WebhookService webhooks; // servlets take field injection only

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            String[] parts = request.getPathInfo() == null ? new String[0] : request.getPathInfo().substring(1).split("/");
            if (parts.length != 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
                throw KassaException.notFound();
            }
            byte[] body = read(request);
            WebhookInbox.Receipt receipt = webhooks.receive(parts[0], parts[1], body, headers(request));
            response.setStatus(200);
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write(JsonbProvider.shared().toJson(Map.of("received", true,
                    "eventId", receipt.eventId(), "duplicate", receipt.duplicate(), "outcome", receipt.outcome())));
        } catch (KassaException e) {
            problem(response, e);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Webhook " + request.getPathInfo() + " failed; the gateway will retry", e);
            problem(response, new KassaException(500, "internal", "Internal error",
                    "The event could not be applied now; nothing was changed. Retry later.", null));
        }
    }

    private static byte[] read(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > MAX_BYTES) {
            throw new KassaException(413, "request.too_large", "Request too large",
                    "A webhook body may be at most " + MAX_BYTES + " bytes.", null);
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes(MAX_BYTES + 1);
            if (body.length > MAX_BYTES) {
                throw new KassaException(413, "request.too_large", "Request too large",
                        "A webhook body may be at most " + MAX_BYTES + " bytes.", null);
            }
            return body;
        }
    }

    private static Map<String, List<String>> headers(HttpServletRequest request) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            headers.put(name, Collections.list(request.getHeaders(name)));
        }
        return headers;
    }

    private static void problem(HttpServletResponse response, KassaException e) throws IOException {
        response.setStatus(e.status());
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(Problems.json(e));
    }
}
