package dev.kassa.server.currency.api;

import dev.kassa.server.config.Settings;
import dev.kassa.server.currency.application.ImportResult;
import dev.kassa.server.currency.application.RateUploads;
import dev.kassa.server.shared.KassaException;
import dev.kassa.server.web.Audience;
import dev.kassa.server.web.Statuses;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Operator: uploads a published rates document, such as the ECB's eurofxref XML. */
@Audience(Audience.Party.OPERATOR)
@Path("v1/operator/exchange-rates")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class OperatorExchangeRateResource {
    /** The ECB's complete history since 1999 is about 7 MB. */
    static final int MAX_BYTES = 32 * 1024 * 1024;
    private static final Set<String> XML = Set.of("application/xml", "text/xml");

    private RateUploads uploads;
    private Settings settings;

    protected OperatorExchangeRateResource() {
    }

    @Inject
    public OperatorExchangeRateResource(RateUploads uploads, Settings settings) {
        this.uploads = uploads;
        this.settings = settings;
    }

    /**
     * Imports every date in the document that is not stored yet: 201 when something was imported,
     * 200 when every date was stored already.
     */
    @POST
    // Any type reaches the method so that a wrong one gets a 415 that says what to send.
    @Consumes(MediaType.WILDCARD)
    public Response upload(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                           @QueryParam("source") String source, InputStream body) {
        requireXml(contentType);
        String sourceId = source == null || source.isBlank() ? settings.ratesSource() : source.strip();
        byte[] document = read(body);
        ImportResult result = uploads.upload(sourceId, new ByteArrayInputStream(document));
        return Response.status(Statuses.of(result.importedAny() ? 201 : 200)).entity(ImportView.of(result)).build();
    }

    private static void requireXml(String contentType) {
        String type = contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (!XML.contains(type)) {
            throw new KassaException(415, "request.unsupported_media_type", "Unsupported media type",
                    "Send the rates document as XML with Content-Type: application/xml.", null);
        }
    }

    private static byte[] read(InputStream body) {
        if (body == null) {
            return new byte[0];
        }
        try {
            byte[] bytes = body.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new KassaException(413, "rates.too_large", "Document too large",
                        "A rates document may have at most " + MAX_BYTES / (1024 * 1024) + " MB.", null);
            }
            return bytes;
        } catch (IOException e) {
            throw KassaException.malformed("The request body could not be read.");
        }
    }

    /** Publication dates, ascending, as YYYY-MM-DD. */
    public record ImportView(String source, List<String> imported, List<String> skipped) {
        static ImportView of(ImportResult result) {
            return new ImportView(result.source(), result.imported().stream().map(LocalDate::toString).toList(),
                    result.skipped().stream().map(LocalDate::toString).toList());
        }
    }
}
