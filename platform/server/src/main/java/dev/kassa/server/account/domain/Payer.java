package dev.kassa.server.account.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Who pays for an account: a person or a company (with its VAT id), in a country. */
@Entity
@Table(name = "payers")
public class Payer {
    public enum Type { PERSON, COMPANY }

    @Id
    private String id;
    @Column(name = "tenant_id")
    private String tenantId;
    @Column(name = "account_id")
    private String accountId;
    @Enumerated(EnumType.STRING)
    private Type type;
    private String name;
    private String country;
    @Column(name = "vat_id")
    private String vatId;
    private String address;
    @Column(name = "created_at")
    private Instant createdAt;

    protected Payer() {
    }

    public Payer(String id, String tenantId, String accountId, Type type, String name, String country,
                 String vatId, String address, Instant createdAt) {
        this.id = id;
        this.tenantId = tenantId;
        this.accountId = accountId;
        this.type = type;
        this.name = name;
        this.country = country;
        this.vatId = vatId;
        this.address = address;
        this.createdAt = createdAt;
    }

    public String id() {
        return id;
    }

    public String accountId() {
        return accountId;
    }

    public Type type() {
        return type;
    }

    public String name() {
        return name;
    }

    public String country() {
        return country;
    }

    public String vatId() {
        return vatId;
    }

    /** The address as the client sent it: a JSON document (string or object), or null. */
    public String address() {
        return address;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /**
     * Replaces what the payer is, as a whole: the caller has already merged a partial change into
     * the payer's current fields and checked the VAT ID against the country.
     */
    public void change(Type newType, String newName, String newCountry, String newVatId, String newAddress) {
        this.type = newType;
        this.name = newName;
        this.country = newCountry;
        this.vatId = newVatId;
        this.address = newAddress;
    }
}
