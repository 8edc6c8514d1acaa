package dev.kassa.server.shared;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The currencies Kassa accepts, read from the ISO 4217 list shipped in {@code currency/} (see
 * NOTICE there). Withdrawn codes and codes without minor units (gold, SDR, testing codes) are
 * not money a customer can hold, so they are left out.
 */
public final class CurrencyRegistry {
    private static final String RESOURCE = "/currency/iso4217-codes-all.csv";
    private static final CurrencyRegistry DEFAULT = load();

    private final Map<String, CurrencyUnit> byCode;

    CurrencyRegistry(Map<String, CurrencyUnit> byCode) {
        this.byCode = Collections.unmodifiableMap(byCode);
    }

    public static CurrencyRegistry iso4217() {
        return DEFAULT;
    }

    public Optional<CurrencyUnit> find(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(byCode.get(code));
    }

    /** The currency with this code, or a 422 {@code currency.unknown}. */
    public CurrencyUnit require(String code) {
        return find(code).orElseThrow(() -> KassaException.unprocessable("currency.unknown",
                "Unknown currency", "'" + code + "' is not an active ISO 4217 currency code."));
    }

    public int size() {
        return byCode.size();
    }

    private static CurrencyRegistry load() {
        try (InputStream in = CurrencyRegistry.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing " + RESOURCE);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, CurrencyUnit> codes = new TreeMap<>();
            reader.readLine(); // header: Entity,Currency,AlphabeticCode,NumericCode,MinorUnit,WithdrawalDate
            for (String line; (line = reader.readLine()) != null; ) {
                String[] cols = splitCsv(line);
                if (cols.length < 5) {
                    continue;
                }
                String code = cols[2].trim();
                String minor = cols[4].trim();
                String withdrawn = cols.length > 5 ? cols[5].trim() : "";
                if (code.matches("[A-Z]{3}") && minor.matches("[0-4]") && withdrawn.isEmpty()) {
                    codes.putIfAbsent(code, new CurrencyUnit(code, Integer.parseInt(minor)));
                }
            }
            return new CurrencyRegistry(codes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String[] splitCsv(String line) {
        java.util.List<String> out = new java.util.ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                out.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        out.add(cell.toString());
        return out.toArray(new String[0]);
    }
}
