package dev.kassa.plugin.banktransfer;

import dev.kassa.api.payment.CredentialProblem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A tenant's bank account as read from the method's credentials. The IBAN and BIC are normalised
 * (upper case, spaces removed); a blank value counts as not set, so it is never checked or shown.
 *
 * @param beneficiary the account holder's name, or null
 * @param iban the IBAN, normalised, or null
 * @param bic the BIC, normalised, or null
 * @param bankName the bank's name, or null
 */
record BankAccount(String beneficiary, String iban, String bic, String bankName) {
    static final String BENEFICIARY = "beneficiary";
    static final String IBAN = "iban";
    static final String BIC = "bic";
    static final String BANK_NAME = "bankName";

    /** ISO 13616: country, two check digits, then 11 to 30 letters or digits (15 to 34 in all). */
    private static final Pattern IBAN_FORMAT = Pattern.compile("[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}");
    /** ISO 9362: bank, country, location, and an optional branch. */
    private static final Pattern BIC_FORMAT = Pattern.compile("[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?");

    static BankAccount from(Map<String, String> credentials) {
        return new BankAccount(text(credentials.get(BENEFICIARY)), code(credentials.get(IBAN)),
                code(credentials.get(BIC)), text(credentials.get(BANK_NAME)));
    }

    /** What is wrong with the IBAN and the BIC; the messages never repeat the values. */
    List<CredentialProblem> problems() {
        List<CredentialProblem> problems = new ArrayList<>(2);
        if (iban != null && !isValidIban(iban)) {
            problems.add(new CredentialProblem(IBAN, "iban.invalid", "is not a valid IBAN"));
        }
        if (bic != null && !BIC_FORMAT.matcher(bic).matches()) {
            problems.add(new CredentialProblem(BIC, "bic.invalid", "is not a valid BIC"));
        }
        return List.copyOf(problems);
    }

    /** The values that are set, by credential name. */
    Map<String, String> values() {
        Map<String, String> values = new LinkedHashMap<>();
        putIfSet(values, BENEFICIARY, beneficiary);
        putIfSet(values, IBAN, iban);
        putIfSet(values, BIC, bic);
        putIfSet(values, BANK_NAME, bankName);
        return values;
    }

    /** Format and ISO 7064 mod-97 check digits of a normalised IBAN. */
    static boolean isValidIban(String iban) {
        if (!IBAN_FORMAT.matcher(iban).matches()) {
            return false;
        }
        String rearranged = iban.substring(4) + iban.substring(0, 4);
        int remainder = 0;
        for (int i = 0; i < rearranged.length(); i++) {
            int value = Character.digit(rearranged.charAt(i), 36); // '0'..'9' -> 0..9, 'A'..'Z' -> 10..35
            remainder = (remainder * (value < 10 ? 10 : 100) + value) % 97;
        }
        return remainder == 1;
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String code(String value) {
        return value == null || value.isBlank() ? null : value.replace(" ", "").toUpperCase(Locale.ROOT);
    }

    private static void putIfSet(Map<String, String> values, String name, String value) {
        if (value != null) {
            values.put(name, value);
        }
    }
}
