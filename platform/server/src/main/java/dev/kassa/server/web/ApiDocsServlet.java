package dev.kassa.server.web;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;

/**
 * {@code /docs/api}: the API's reference for people, Swagger UI showing {@code /openapi}. Its files
 * come from the Swagger UI webjar inside the application and the page's own script from here, so
 * the page loads nothing from another host. Public, like {@code /openapi}: it shows what the
 * document shows.
 */
@WebServlet({"/docs/api", "/docs/api/*"})
public class ApiDocsServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final String WEBJAR = "META-INF/resources/webjars/swagger-ui/";
    /** The only files served, with their types: what the page needs, nothing else of the webjar. */
    private static final Map<String, String> FILES = Map.of(
            "swagger-ui.css", "text/css",
            "swagger-ui-bundle.js", "text/javascript",
            "favicon-32x32.png", "image/png",
            "favicon-16x16.png", "image/png",
            "kassa-docs.js", "text/javascript");
    private static final String OWN_SCRIPT = "docs-api/kassa-docs.js";

    private final String version = webjarVersion();

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String file = request.getPathInfo() == null ? "" : request.getPathInfo().substring(1);
        if (file.isEmpty()) {
            page(request, response);
        } else if (FILES.containsKey(file)) {
            String resource = file.equals("kassa-docs.js") ? OWN_SCRIPT : WEBJAR + version + "/" + file;
            try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    response.sendError(404);
                    return;
                }
                response.setContentType(FILES.get(file));
                if (FILES.get(file).startsWith("text/")) {
                    response.setCharacterEncoding("UTF-8");
                }
                response.setHeader("Cache-Control", "public, max-age=3600");
                in.transferTo(response.getOutputStream());
            }
        } else {
            response.sendError(404);
        }
    }

    private static void page(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String base = request.getContextPath() + "/docs/api/";
        response.setContentType("text/html");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; "
                + "style-src 'self' 'unsafe-inline'; object-src 'none'; frame-ancestors 'self'");
        response.getWriter().write("""
                <!DOCTYPE html>
                <html lang="en">
                <head>
                  <meta charset="utf-8">
                  <meta name="viewport" content="width=device-width, initial-scale=1">
                  <title>Kassa API</title>
                  <link rel="stylesheet" href="%1$sswagger-ui.css">
                  <link rel="icon" type="image/png" href="%1$sfavicon-32x32.png" sizes="32x32">
                  <link rel="icon" type="image/png" href="%1$sfavicon-16x16.png" sizes="16x16">
                </head>
                <body>
                  <div id="swagger-ui" data-openapi="%2$s/openapi?format=JSON"></div>
                  <script src="%1$sswagger-ui-bundle.js"></script>
                  <script src="%1$skassa-docs.js"></script>
                </body>
                </html>
                """.formatted(base, request.getContextPath()));
    }

    /** The webjar's version, from its Maven properties, so that a new webjar needs no change here. */
    private static String webjarVersion() {
        try (InputStream in = ApiDocsServlet.class.getClassLoader()
                .getResourceAsStream("META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
            if (in == null) {
                throw new IllegalStateException("the Swagger UI webjar is missing from the application");
            }
            Properties properties = new Properties();
            properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
