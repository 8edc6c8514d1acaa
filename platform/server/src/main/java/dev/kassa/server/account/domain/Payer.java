package dev.kassa.server.account.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
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
    @Enumerated(EnumType.STRING)
    @Column(name = "vat_check_status")
    private VatIdCheckStatus vatCheckStatus;
    @Column(name = "vat_check_consultation")
    private String vatCheckConsultation;
    @Column(name = "vat_check_name")
    private String vatCheckName;
    @Column(name = "vat_check_address")
    private String vatCheckAddress;
    @Column(name = "vat_checked_at")
    private Instant vatCheckedAt;
    @Column(name = "vat_check_attempts")
    private int vatCheckAttempts;
    @Column(name = "vat_check_next_at")
    private Instant vatCheckNextAt;
    @Column(name = "vat_check_error")
    private String vatCheckError;

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
        if (VatIdFormat.inVies(vatId)) {
            checkVatIdAgain(createdAt);
        }
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
    public void change(Type newType, String newName, String newCountry, String newVatId, String newAddress,
                       Instant now) {
        boolean newVat = newVatId == null ? vatId != null : !newVatId.equals(vatId);
        this.type = newType;
        this.name = newName;
        this.country = newCountry;
        this.vatId = newVatId;
        this.address = newAddress;
        if (newVat) {
            if (VatIdFormat.inVies(newVatId)) {
                checkVatIdAgain(now);
            } else {
                forgetVatCheck();
            }
        }
    }

    /** The longest wait between two attempts while VIES stays unavailable. */
    public static final Duration MAX_VAT_CHECK_BACKOFF = Duration.ofHours(6);

    /** The last check of the VAT ID, or null when the payer has none, or one VIES does not know (GB, CH, ...). */
    public VatIdCheck vatIdCheck() {
        return vatCheckStatus == null ? null : new VatIdCheck(vatId, vatCheckStatus, vatCheckConsultation,
                vatCheckName, vatCheckAddress, vatCheckedAt, vatCheckAttempts, vatCheckNextAt, vatCheckError);
    }

    /** A new VAT ID: nothing is known of it until VIES answers; the worker asks at once. */
    private void checkVatIdAgain(Instant now) {
        forgetVatCheck();
        this.vatCheckStatus = VatIdCheckStatus.PENDING;
        this.vatCheckNextAt = now;
    }

    private void forgetVatCheck() {
        this.vatCheckStatus = null;
        this.vatCheckConsultation = null;
        this.vatCheckName = null;
        this.vatCheckAddress = null;
        this.vatCheckedAt = null;
        this.vatCheckAttempts = 0;
        this.vatCheckNextAt = null;
        this.vatCheckError = null;
    }

    /** Leaves the check to the caller who is asking VIES until {@code until}; the worker passes over it meanwhile. */
    public void leaseVatCheck(Instant until) {
        if (vatCheckStatus != null) {
            this.vatCheckNextAt = until;
        }
    }

    /** Asks for a new check of a VAT ID whose last valid answer has grown old; the last answer stands meanwhile. */
    public void recheckVatId(Instant now) {
        if (vatCheckStatus != null && vatCheckNextAt == null) {
            this.vatCheckNextAt = now;
        }
    }

    /**
     * Keeps VIES's answer about {@code checkedVatId}; nothing changes when the payer's VAT ID changed
     * meanwhile (the new one has its own check). An outage never makes a VAT ID invalid: a pending
     * check stays pending, a valid one keeps its last valid answer, and the next attempt waits
     * {@code firstBackoff}, doubled with each outage in a row, at most {@link #MAX_VAT_CHECK_BACKOFF}.
     *
     * @return whether the answer was kept
     */
    public boolean recordVatCheck(String checkedVatId, VatIdAnswer answer, Duration firstBackoff, Instant now) {
        if (vatId == null || !vatId.equals(checkedVatId) || vatCheckStatus == null) {
            return false;
        }
        if (answer.outcome() == VatIdAnswer.Outcome.UNAVAILABLE) {
            vatCheckAttempts++;
            vatCheckError = answer.error();
            vatCheckNextAt = now.plus(backoff(firstBackoff, vatCheckAttempts));
            return true;
        }
        vatCheckStatus = answer.outcome() == VatIdAnswer.Outcome.VALID ? VatIdCheckStatus.VALID
                : VatIdCheckStatus.INVALID;
        vatCheckConsultation = answer.consultationNumber();
        vatCheckName = answer.name();
        vatCheckAddress = answer.address();
        vatCheckedAt = now;
        vatCheckAttempts = 0;
        vatCheckNextAt = null;
        vatCheckError = null;
        return true;
    }

    static Duration backoff(Duration first, int attempts) {
        Duration wait = first;
        for (int i = 1; i < attempts && wait.compareTo(MAX_VAT_CHECK_BACKOFF) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(MAX_VAT_CHECK_BACKOFF) > 0 ? MAX_VAT_CHECK_BACKOFF : wait;
    }

    public String tenantId() {
        return tenantId;
    }
}
