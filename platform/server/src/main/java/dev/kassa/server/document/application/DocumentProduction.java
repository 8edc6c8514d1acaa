package dev.kassa.server.document.application;

import dev.kassa.server.document.domain.DocumentKind;
import dev.kassa.server.document.domain.PrintedDocument;
import dev.kassa.server.theme.application.ChosenTheme;
import dev.kassa.server.theme.application.ThemeChoice;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.EnumMap;
import java.util.Map;

/**
 * Makes the PDF of one queued document: its {@link DocumentMapper} reads what it prints, the
 * customer's theme in the queued language writes it, with the tenant's brand.
 */
@ApplicationScoped
public class DocumentProduction {
    private Instance<DocumentMapper> mappers;
    private Instance<DocumentBranding> branding;
    private ThemeChoice themes;
    private DocumentRendering rendering;
    private volatile Map<DocumentKind, DocumentMapper> byKind;

    protected DocumentProduction() {
    }

    @Inject
    public DocumentProduction(@Any Instance<DocumentMapper> mappers, Instance<DocumentBranding> branding,
                              ThemeChoice themes, DocumentRendering rendering) {
        this.mappers = mappers;
        this.branding = branding;
        this.themes = themes;
        this.rendering = rendering;
    }

    /** @throws IllegalStateException when no mapper prints the kind (yet) */
    public PdfWriter.Pdf produce(ClaimedDocument claimed) {
        DocumentMapper mapper = mappers().get(claimed.kind());
        if (mapper == null) {
            throw new IllegalStateException("no mapper prints " + claimed.kind() + " documents yet");
        }
        PrintedDocument document = mapper.map(claimed.tenantId(), claimed.sourceId(), claimed.locale());
        ChosenTheme theme = themes.forCustomer(claimed.tenantId(), claimed.locale(), document.buyer().country());
        DocumentBranding.Brand brand = branding.isResolvable() ? branding.get().of(claimed.tenantId()) : null;
        return rendering.render(theme, document, brand);
    }

    private Map<DocumentKind, DocumentMapper> mappers() {
        Map<DocumentKind, DocumentMapper> known = byKind;
        if (known == null) {
            known = new EnumMap<>(DocumentKind.class);
            for (DocumentMapper mapper : mappers) {
                DocumentMapper before = known.put(mapper.kind(), mapper);
                if (before != null) {
                    throw new IllegalStateException(mapper.kind() + " is printed by both " + before + " and " + mapper);
                }
            }
            byKind = known;
        }
        return known;
    }
}
