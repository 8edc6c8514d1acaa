package dev.kassa.server.theme.api;

import dev.kassa.server.theme.application.ThemeRenderer;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code /theme-assets/<theme id>/<file>}: a theme's static files (its {@code static/} folder, or
 * its parent's), such as {@code theme.css}, for the pages' {@code <link>} and {@code <img>}. The
 * same for every tenant, so public. Only the file types a page needs are served; SVG goes out
 * with a policy that runs no script in it.
 */
@WebServlet(ThemeRenderer.ASSETS_PATH + "*")
public class ThemeAssetServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Pattern PATH = Pattern.compile("/([a-z0-9][a-z0-9-]{0,39})/([A-Za-z0-9_-][A-Za-z0-9._-]*"
            + "(?:/[A-Za-z0-9_-][A-Za-z0-9._-]*)*)");
    private static final Map<String, String> TYPES = Map.of(
            "css", "text/css; charset=UTF-8",
            "js", "text/javascript; charset=UTF-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "jpg", "image/jpeg",
            "webp", "image/webp",
            "ico", "image/x-icon",
            "woff2", "font/woff2");

    @Inject
    private transient ThemeRenderer renderer;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        var match = PATH.matcher(request.getPathInfo() == null ? "" : request.getPathInfo());
        String type = match.matches() ? TYPES.get(extension(match.group(2))) : null;
        Optional<byte[]> file = type == null || match.group(2).contains("..") ? Optional.empty()
                : renderer.asset(match.group(1), match.group(2));
        if (file.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String etag = "\"" + digest(file.get()) + "\"";
        response.setHeader("ETag", etag);
        response.setHeader("Cache-Control", "public, max-age=300");
        response.setHeader("X-Content-Type-Options", "nosniff");
        if (type.startsWith("image/svg")) {
            response.setHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; sandbox");
        }
        if (etag.equals(request.getHeader("If-None-Match"))) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setContentType(type);
        response.setContentLength(file.get().length);
        response.getOutputStream().write(file.get());
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1);
    }

    private static String digest(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
