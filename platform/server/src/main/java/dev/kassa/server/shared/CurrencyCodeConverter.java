package dev.kassa.server.shared;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a currency as its ISO 4217 code; reading back a code Kassa does not know fails loudly. */
@Converter
public class CurrencyCodeConverter implements AttributeConverter<CurrencyUnit, String> {
    @Override
    public String convertToDatabaseColumn(CurrencyUnit currency) {
        return currency == null ? null : currency.code();
    }

    @Override
    public CurrencyUnit convertToEntityAttribute(String code) {
        return code == null ? null : CurrencyRegistry.iso4217().require(code);
    }
}
