package dev.kassa.server.payment.domain;

import dev.kassa.server.shared.FieldError;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.StringReader;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Where customers send bank transfers: the tenant's beneficiary name, IBAN, BIC and bank. */
public record BankDetails(String beneficiary, String iban, String bic, String bankName) {
    public static final BankDetails NONE = new BankDetails(null, null, null, null);

    /** Normalises (upper case, no spaces) and checks IBAN (ISO 13616 mod 97) and BIC (ISO 9362). */
    public static BankDetails of(String beneficiary, String iban, String bic, String bankName, List<FieldError> errors) {
        String normalIban = iban == null ? null : iban.replace(" ", "").toUpperCase(Locale.ROOT);
        String normalBic = bic == null ? null : bic.replace(" ", "").toUpperCase(Locale.ROOT);
        if (normalIban != null && !isValidIban(normalIban)) {
            errors.add(new FieldError("iban", "iban.invalid", "is not a valid IBAN"));
        }
        if (normalBic != null && !normalBic.matches("[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?")) {
            errors.add(new FieldError("bic", "bic.invalid", "is not a valid BIC"));
        }
        return new BankDetails(beneficiary, normalIban, normalBic, bankName);
    }

    public static boolean isValidIban(String iban) {
        if (!iban.matches("[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}")) {
            return false;
        }
        String rearranged = iban.substring(4) + iban.substring(0, 4);
        StringBuilder digits = new StringBuilder();
        for (char c : rearranged.toCharArray()) {
            digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        return new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
    }

    public String toJson() {
        JsonObjectBuilder b = Json.createObjectBuilder();
        add(b, "beneficiary", beneficiary);
        add(b, "iban", iban);
        add(b, "bic", bic);
        add(b, "bankName", bankName);
        return b.build().toString();
    }

    public static BankDetails fromJson(String json) {
        if (json == null || json.isBlank()) {
            return NONE;
        }
        JsonObject o = Json.createReader(new StringReader(json)).readObject();
        return new BankDetails(o.getString("beneficiary", null), o.getString("iban", null), o.getString("bic", null),
                o.getString("bankName", null));
    }

    private static void add(JsonObjectBuilder b, String name, String value) {
        if (value != null) {
            b.add(name, value);
        }
    }
}
