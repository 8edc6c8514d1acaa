package dev.kassa.server.currency.api;

import dev.kassa.api.rates.RateTable;
import dev.kassa.server.currency.application.ExchangeRates;
import dev.kassa.server.currency.application.RatesInForce;
import dev.kassa.server.shared.KassaException;
import dev.kassa.server.web.Audience;
import dev.kassa.server.web.Caller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** The reference exchange rates in force, for any tenant (rates are the same for the whole installation). */
@Audience(Audience.Party.TENANT)
@Path("v1/exchange-rates")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ExchangeRateResource {
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern SOURCE = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

    private Caller caller;
    private ExchangeRates rates;

    protected ExchangeRateResource() {
    }

    @Inject
    public ExchangeRateResource(Caller caller, ExchangeRates rates) {
        this.caller = caller;
        this.rates = rates;
    }

    /**
     * The rates in force on {@code date} (default today, UTC): the latest published on or before it.
     * {@code stale} tells whether they are too old to quote with today.
     */
    @GET
    public RatesView get(@QueryParam("date") String date, @QueryParam("source") String source) {
        caller.tenantId();
        LocalDate day = date == null || date.isBlank() ? rates.today() : parseDate(date.strip());
        RatesInForce found = (source == null ? rates.inForce(day) : rates.inForce(parseSource(source), day))
                .orElseThrow(() -> new KassaException(404, "rates.unavailable", "No exchange rates",
                        "No " + (source == null ? "" : source + " ") + "exchange rates are in force on " + day
                                + ": none imported are dated on or before it.", null));
        return RatesView.of(day, found);
    }

    private static LocalDate parseDate(String text) {
        try {
            if (DATE.matcher(text).matches()) {
                return LocalDate.parse(text);
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        throw KassaException.invalid("date", "invalid", "must be a date in the form YYYY-MM-DD");
    }

    private static String parseSource(String text) {
        if (!SOURCE.matcher(text).matches()) {
            throw KassaException.invalid("source", "invalid", "must be a rate source id such as \"ecb\"");
        }
        return text;
    }

    /**
     * @param date the date asked about
     * @param rateDate the publication date of the rates in force on it
     * @param rates units per 1 EUR as decimal strings, the euro included as "1", by currency code
     */
    public record RatesView(String source, String date, String rateDate, boolean stale, long ageDays,
                            int maxAgeDays, Map<String, String> rates) {
        static RatesView of(LocalDate date, RatesInForce inForce) {
            RateTable table = inForce.table();
            Map<String, String> rates = new TreeMap<>();
            rates.put(RateTable.EURO, "1");
            table.perEuro().forEach((code, rate) -> rates.put(code, rate.toPlainString()));
            return new RatesView(table.source(), date.toString(), table.date().toString(), inForce.stale(),
                    inForce.ageDays(), inForce.maxAgeDays(), rates);
        }
    }
}
