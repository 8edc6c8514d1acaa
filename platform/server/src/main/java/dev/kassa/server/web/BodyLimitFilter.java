package dev.kassa.server.web;

import dev.kassa.server.config.Settings;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Bounds what the JSON API reads of a request body ({@code KASSA_MAX_BODY_BYTES}): a declared
 * {@code Content-Length} above the limit is answered 413 at once, without reading; a body without
 * one (chunked) is read through a stream that fails after one byte more than the limit, so neither
 * the idempotency fingerprint nor the JSON parser ever holds more. Webhooks are not under
 * {@code /api} and keep their own limit; so does the rates upload, whose documents are larger.
 */
@WebFilter(urlPatterns = "/api/*", asyncSupported = true)
public class BodyLimitFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;
    /** Limited by {@link OperatorExchangeRateResource} itself. */
    private static final String RATES_UPLOAD = "/api/v1/operator/exchange-rates";
    /** Limited by the statement upload itself ({@code KASSA_MAX_STATEMENT_BYTES}), which spools to disk. */
    private static final String STATEMENT_UPLOAD = "/api/v1/bank-statements";

    @Inject
    private transient Settings settings; // filters take field injection only; checked at start by Startup

    private long maxBytes;

    @Override
    public void init() {
        maxBytes = settings.maxBodyBytes();
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.equals(RATES_UPLOAD) || path.equals(STATEMENT_UPLOAD)) {
            chain.doFilter(request, response);
            return;
        }
        if (request.getContentLengthLong() > maxBytes) {
            response.setStatus(413);
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            // The unread body stays on the connection: do not keep it for another request.
            response.setHeader("Connection", "close");
            response.getWriter().write(Problems.json(BodyTooLargeException.problem(maxBytes)));
            return;
        }
        chain.doFilter(new LimitedRequest(request, maxBytes), response);
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {
        private final long maxBytes;
        private ServletInputStream stream;

        LimitedRequest(HttpServletRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new LimitedStream(super.getInputStream(), maxBytes);
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }

    /** Passes at most {@code maxBytes} through, and fails on the byte after. */
    static final class LimitedStream extends ServletInputStream {
        private final ServletInputStream in;
        private final long maxBytes;
        private long count;

        LimitedStream(ServletInputStream in, long maxBytes) {
            this.in = in;
            this.maxBytes = maxBytes;
        }

        @Override
        public int read() throws IOException {
            refuseIfOver();
            int b = in.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            refuseIfOver();
            if (length == 0) {
                return 0;
            }
            // Never ask for more than one byte past the limit.
            int n = in.read(buffer, offset, (int) Math.min(length, maxBytes + 1 - count));
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        private void counted(int n) throws BodyTooLargeException {
            count += n;
            refuseIfOver();
        }

        private void refuseIfOver() throws BodyTooLargeException {
            if (count > maxBytes) {
                throw new BodyTooLargeException(maxBytes);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
