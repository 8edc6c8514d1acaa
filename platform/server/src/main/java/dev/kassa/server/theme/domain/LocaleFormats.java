package dev.kassa.server.theme.domain;

import dev.kassa.server.shared.Money;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Money and dates written for one locale, from the JDK's CLDR data: {@code €1,234.56} in
 * {@code en}, {@code 1 234,56 €} in {@code fr} (with the no-break spaces CLDR puts there). Templates
 * reach it as {@code #format}: {@code ${#format.money(balance)}}, {@code ${#format.date(createdAt)}}.
 * Amounts keep exactly the currency's ISO 4217 decimals; nothing is rounded.
 *
 * <p>One instance serves one rendering.
 */
public final class LocaleFormats {
    /**
     * Made once per locale, currency and decimals (the JDK's lookup of locale data is most of the
     * cost) and cloned for each use; a handful of entries in practice.
     */
    private static final Map<List<Object>, NumberFormat> CURRENCY_FORMATS = new ConcurrentHashMap<>();
    private static final int MAX_FORMATS = 1_000;
    private static final Map<Locale, DateTimeFormatter> DATES = new ConcurrentHashMap<>();
    private static final Map<Locale, DateTimeFormatter> DATE_TIMES = new ConcurrentHashMap<>();

    private final Locale locale;
    private final ZoneId zone;

    /** @param zone where instants are shown as dates and times */
    public LocaleFormats(Locale locale, ZoneId zone) {
        this.locale = locale;
        this.zone = zone;
    }

    /** An amount with its currency, such as {@code €1,234.56}; empty for null. */
    public String money(Money money) {
        if (money == null) {
            return "";
        }
        return money(BigDecimal.valueOf(money.minor(), money.currency().minorUnits()), money.currency().code());
    }

    /** {@code amount} (a decimal string such as {@code "1234.56"}) in {@code currency}; empty for null. */
    public String money(String amount, String currency) {
        return amount == null ? "" : money(new BigDecimal(amount), currency);
    }

    /** {@code amount} in {@code currency}, with as many decimals as the amount has (at least the currency's). */
    public String money(BigDecimal amount, String currency) {
        if (amount == null) {
            return "";
        }
        Currency jdk;
        try {
            jdk = Currency.getInstance(currency);
        } catch (IllegalArgumentException e) {
            NumberFormat number = NumberFormat.getNumberInstance(locale);
            number.setMinimumFractionDigits(Math.max(amount.scale(), 0));
            number.setMaximumFractionDigits(Math.max(amount.scale(), 0));
            return number.format(amount) + "\u00a0" + currency;
        }
        int digits = Math.max(amount.scale(), Math.max(jdk.getDefaultFractionDigits(), 0));
        NumberFormat prototype = CURRENCY_FORMATS.computeIfAbsent(List.of(locale, currency, digits), k -> {
            NumberFormat format = NumberFormat.getCurrencyInstance(locale);
            format.setCurrency(jdk);
            format.setMinimumFractionDigits(digits);
            format.setMaximumFractionDigits(digits);
            return format;
        });
        if (CURRENCY_FORMATS.size() > MAX_FORMATS) {
            CURRENCY_FORMATS.clear();
        }
        return ((NumberFormat) prototype.clone()).format(amount);
    }

    /** A day, such as {@code Dec 2, 2026} or {@code 2 déc. 2026}; instants in this formatter's zone; "" for null. */
    public String date(Object value) {
        LocalDate day;
        if (value == null) {
            return "";
        } else if (value instanceof LocalDate d) {
            day = d;
        } else if (value instanceof LocalDateTime t) {
            day = t.toLocalDate();
        } else {
            day = zoned(value).toLocalDate();
        }
        return DATES.computeIfAbsent(locale, l -> DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(l))
                .format(day);
    }

    /** A day and a time, such as {@code Dec 2, 2026, 2:05 PM}; instants in this formatter's zone; empty for null. */
    public String dateTime(Object value) {
        if (value == null) {
            return "";
        }
        ZonedDateTime time = value instanceof LocalDateTime t ? t.atZone(zone) : zoned(value);
        return DATE_TIMES.computeIfAbsent(locale, l -> DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM,
                FormatStyle.SHORT).withLocale(l)).format(time);
    }

    private ZonedDateTime zoned(Object value) {
        if (value instanceof Instant i) {
            return i.atZone(zone);
        } else if (value instanceof OffsetDateTime t) {
            return t.atZoneSameInstant(zone);
        } else if (value instanceof ZonedDateTime t) {
            return t.withZoneSameInstant(zone);
        }
        throw new IllegalArgumentException("not a date or point in time: " + value.getClass().getName());
    }

    public Locale locale() {
        return locale;
    }
}
