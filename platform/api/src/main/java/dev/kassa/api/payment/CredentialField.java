package dev.kassa.api.payment;

import java.util.Objects;

/**
 * One credential a method needs from each tenant, such as a gateway's secret key.
 *
 * @param name the key in the credentials map: letters and digits, starting with a letter
 * @param label what a tenant admin sees, in English
 * @param secret true for values never shown again once stored (keys, passwords, webhook
 *     secrets); false for values shown back in full (an IBAN, a publishable key)
 * @param required whether a tenant must set it before the method can be offered
 */
public record CredentialField(String name, String label, boolean secret, boolean required) {
    public CredentialField {
        Objects.requireNonNull(name, "name");
        if (!name.matches("[A-Za-z][A-Za-z0-9]{0,63}")) {
            throw new IllegalArgumentException("invalid credential field name: " + name);
        }
        label = label == null ? name : label;
    }

    public static CredentialField secret(String name, String label) {
        return new CredentialField(name, label, true, true);
    }

    public static CredentialField visible(String name, String label, boolean required) {
        return new CredentialField(name, label, false, required);
    }
}
