package dev.kassa.server.billing.infrastructure;

import dev.kassa.server.billing.domain.VatRateTable;
import dev.kassa.server.billing.domain.VatRates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The EU VAT rates shipped in {@code vat/ibericode_vat-rates.json} (ibericode/vat-rates, MIT; see
 * the NOTICE beside it), read once. Only each period's {@code standard} rate is kept.
 */
@ApplicationScoped
public class ShippedVatRates implements VatRates {
    /** Looked up once: {@code Json.create…} finds the provider anew on every call, through the class path. */
    private static final JsonProvider JSON = JsonProvider.provider();
    static final String RESOURCE = "/vat/ibericode_vat-rates.json";

    private volatile VatRateTable table;

    @Override
    public VatRateTable table() {
        VatRateTable read = table;
        if (read == null) {
            try (InputStream in = ShippedVatRates.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("the VAT rates " + RESOURCE + " are missing from the server");
                }
                read = read(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            table = read;
        }
        return read;
    }

    /** Reads a file of the ibericode shape: {@code items: {CC: [{effective_from, rates: {standard}}]}}. */
    public static VatRateTable read(InputStream in) {
        try (JsonReader reader = JSON.createReader(in)) {
            JsonObject items = reader.readObject().getJsonObject("items");
            Map<String, List<VatRateTable.Period>> periods = new HashMap<>();
            items.forEach((country, list) -> {
                List<VatRateTable.Period> out = new ArrayList<>();
                for (JsonValue value : list.asJsonArray()) {
                    JsonObject period = value.asJsonObject();
                    String from = period.getString("effective_from");
                    LocalDate date = from.startsWith("0000") ? LocalDate.MIN : LocalDate.parse(from);
                    BigDecimal standard = period.getJsonObject("rates").getJsonNumber("standard").bigDecimalValue();
                    out.add(new VatRateTable.Period(date, from, standard));
                }
                periods.put(country, out);
            });
            return new VatRateTable(periods);
        }
    }
}
