package dev.kassa.plugin.ecb;

import dev.kassa.api.rates.RateSource;
import dev.kassa.api.rates.RateTable;
import java.io.CharConversionException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.pf4j.Extension;

/**
 * The European Central Bank's euro foreign exchange reference rates, as published in the
 * {@code eurofxref} XML files: the daily file (one {@code <Cube time="...">}) and the history
 * files (one per working day).
 *
 * <pre>{@code
 * <Cube>
 *   <Cube time="2025-04-03">
 *     <Cube currency="USD" rate="1.1097"/>
 *     ...
 * }</pre>
 *
 * <p>Elements are matched by local name, so the namespace prefixes do not matter. Rates are taken
 * from the attribute text as exact decimals. Documents with a DOCTYPE are refused outright, so
 * no entity is expanded and nothing outside the document is ever read.
 */
@Extension
public class EcbRateSource implements RateSource {
    public static final String ID = "ecb";

    /** The latest working day's rates, published around 16:00 CET. */
    public static final URI DAILY_URL = URI.create("https://www.ecb.europa.eu/stats/eurofxref/eurofxref-daily.xml");

    /** The last 90 days' rates, newest first. */
    public static final URI LAST_90_DAYS_URL =
            URI.create("https://www.ecb.europa.eu/stats/eurofxref/eurofxref-hist-90d.xml");

    private static final String CUBE = "Cube";
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    /**
     * Plain decimals only: the ECB never writes exponents, a plus sign or thousands separators. A
     * minus is let through so that the message can say "not positive".
     */
    private static final Pattern DECIMAL = Pattern.compile("-?[0-9]{1,15}(\\.[0-9]{1,15})?");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Optional<URI> defaultUrl() {
        return Optional.of(DAILY_URL);
    }

    @Override
    public List<RateTable> parse(InputStream xml) {
        Objects.requireNonNull(xml, "xml");
        XMLStreamReader reader = null;
        try {
            // The JDK's reader closes its input at the end of the document; the stream is the caller's.
            reader = secureFactory().createXMLStreamReader(new FilterInputStream(xml) {
                @Override
                public void close() {
                }
            });
            return new Document(reader).read();
        } catch (XMLStreamException e) {
            IOException io = ioCause(e);
            // Bytes that are no characters of the document's encoding are a malformed document, not a
            // stream that failed: the decoder reports them as an IOException too.
            if (io != null && !(io instanceof CharConversionException)) {
                throw new UncheckedIOException("ECB rates: cannot read the document", io);
            }
            throw new IllegalArgumentException("ECB rates: not well-formed XML: " + e.getMessage(), e);
        } finally {
            closeQuietly(reader);
        }
    }

    private static XMLInputFactory secureFactory() {
        // The JDK's own implementation, whatever else the application server puts on the class path.
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        return factory;
    }

    /** StAX reports a failing stream as an XMLStreamException; find the I/O error, if any. */
    private static IOException ioCause(XMLStreamException e) {
        Throwable t = e;
        for (int hops = 0; t != null && hops < 10; hops++) {
            if (t instanceof IOException io) {
                return io;
            }
            t = t.getCause() != null ? t.getCause()
                    : t instanceof XMLStreamException x ? x.getNestedException() : null;
        }
        return null;
    }

    private static void closeQuietly(XMLStreamReader reader) {
        if (reader != null) {
            try {
                reader.close(); // does not close the caller's stream
            } catch (XMLStreamException ignored) {
                // nothing was written, so there is nothing to lose
            }
        }
    }

    /** One pass over one document: the dated cubes found so far and the one being read. */
    private static final class Document {
        private final XMLStreamReader reader;
        private final Map<LocalDate, RateTable> tables = new TreeMap<>();
        private int depth;
        private int dayDepth = -1;
        private LocalDate day;
        private Map<String, BigDecimal> rates;

        Document(XMLStreamReader reader) {
            this.reader = reader;
        }

        List<RateTable> read() throws XMLStreamException {
            while (reader.hasNext()) {
                switch (reader.next()) {
                    case XMLStreamConstants.DTD -> throw malformed("a DOCTYPE is not allowed in a rates document");
                    case XMLStreamConstants.START_ELEMENT -> {
                        depth++;
                        if (CUBE.equals(reader.getLocalName())) {
                            startCube();
                        }
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        if (depth == dayDepth) {
                            endDay();
                        }
                        depth--;
                    }
                    default -> {
                        // text, comments and processing instructions carry no rates
                    }
                }
            }
            if (tables.isEmpty()) {
                throw new IllegalArgumentException(
                        "ECB rates: no <Cube time=\"...\"> with rates found; is this an ECB eurofxref document?");
            }
            return List.copyOf(tables.values());
        }

        private void startCube() {
            String time = attribute("time");
            String currency = attribute("currency");
            String rate = attribute("rate");
            if (currency != null || rate != null) {
                if (time != null) {
                    throw malformed("a Cube has both a time and a currency");
                }
                addRate(currency, rate);
            } else if (time != null) {
                startDay(time);
            } else if (day != null) {
                throw malformed("a Cube inside " + day + " has neither a currency nor a rate");
            }
        }

        private void startDay(String time) {
            if (day != null) {
                throw malformed("Cube time=\"" + time + "\" is nested inside " + day);
            }
            try {
                day = LocalDate.parse(time);
            } catch (DateTimeParseException e) {
                throw malformed("time=\"" + time + "\" is not a date in the form YYYY-MM-DD");
            }
            if (tables.containsKey(day)) {
                throw malformed(day + " appears twice");
            }
            dayDepth = depth;
            rates = new TreeMap<>();
        }

        private void addRate(String currency, String rate) {
            if (day == null) {
                throw malformed("a rate outside a <Cube time=\"...\">");
            }
            if (currency == null || !CURRENCY.matcher(currency).matches()) {
                throw malformed("currency=\"" + Objects.toString(currency, "") + "\" on " + day
                        + " is not a three-letter ISO 4217 code");
            }
            if (rate == null) {
                throw malformed(currency + " on " + day + " has no rate");
            }
            if (!DECIMAL.matcher(rate).matches()) {
                throw malformed("rate=\"" + rate + "\" of " + currency + " on " + day
                        + " is not a decimal number");
            }
            BigDecimal value = new BigDecimal(rate);
            if (value.signum() <= 0) {
                throw malformed("rate=\"" + rate + "\" of " + currency + " on " + day + " is not positive");
            }
            if (rates.putIfAbsent(currency, value) != null) {
                throw malformed(currency + " appears twice on " + day);
            }
        }

        private void endDay() {
            if (rates.isEmpty()) {
                throw malformed("no currency rates on " + day);
            }
            try {
                tables.put(day, new RateTable(ID, day, rates));
            } catch (IllegalArgumentException e) {
                throw malformed(e.getMessage());
            }
            day = null;
            dayDepth = -1;
            rates = null;
        }

        /** An attribute by local name, trimmed; null when absent. */
        private String attribute(String name) {
            for (int i = 0; i < reader.getAttributeCount(); i++) {
                if (name.equals(reader.getAttributeLocalName(i))) {
                    return reader.getAttributeValue(i).strip();
                }
            }
            return null;
        }

        private IllegalArgumentException malformed(String problem) {
            return new IllegalArgumentException(
                    "ECB rates, line " + reader.getLocation().getLineNumber() + ": " + problem);
        }
    }
}
