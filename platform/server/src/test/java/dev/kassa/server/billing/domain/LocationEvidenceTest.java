package dev.kassa.server.billing.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kassa.server.billing.domain.LocationEvidence.Assessment;
import dev.kassa.server.billing.domain.LocationEvidence.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

class LocationEvidenceTest {
    private static LocationEvidence e(Kind kind, String country) {
        return new LocationEvidence(kind, country);
    }

    @Test
    void anIpAddressIsStoredBesideTheCountriesAndReadBackWhateverItsColons() {
        List<LocationEvidence> evidence = List.of(e(Kind.PAYER_COUNTRY, "DE"), e(Kind.CARD_COUNTRY, "DE"),
                LocationEvidence.ipAddress("2001:db8::7"), LocationEvidence.ipAddress("203.0.113.7"));
        String stored = LocationEvidence.encode(evidence);
        assertEquals("PAYER_COUNTRY:DE,CARD_COUNTRY:DE,IP_ADDRESS:2001:db8::7,IP_ADDRESS:203.0.113.7", stored);
        List<LocationEvidence> read = LocationEvidence.decode(stored);
        assertEquals(evidence, read);
        assertNull(read.get(2).country(), "no geolocation: the address only");
        assertEquals(evidence, LocationEvidence.decode(LocationEvidence.encode(read)));
    }

    @Test
    void anEvidenceIsACountryOrAnAddressNeverNeither() {
        assertThrows(NullPointerException.class, () -> e(Kind.BILLING_ADDRESS, null));
        assertThrows(NullPointerException.class, () -> new LocationEvidence(Kind.IP_ADDRESS, "DE", null));
        assertThrows(IllegalArgumentException.class, () -> new LocationEvidence(Kind.CARD_COUNTRY, "DE", "1.2.3.4"));
        assertThrows(IllegalArgumentException.class, () -> LocationEvidence.ipAddress("1.2.3.4,5.6.7.8"));
    }

    @Test
    void twoIndependentAgreeingEvidencesAndNoContradictionSupportTheCountry() {
        assertEquals(Assessment.SUPPORTED, LocationEvidence.assess(List.of(e(Kind.PAYER_COUNTRY, "DE"),
                e(Kind.BILLING_ADDRESS, "DE"), e(Kind.CARD_COUNTRY, "DE")), "DE"));
        assertEquals(Assessment.INSUFFICIENT, LocationEvidence.assess(List.of(e(Kind.PAYER_COUNTRY, "DE"),
                e(Kind.ACCOUNT_COUNTRY, "DE")), "DE"), "the payer's country is the claim, not evidence of it");
        assertEquals(Assessment.INSUFFICIENT, LocationEvidence.assess(List.of(e(Kind.PAYER_COUNTRY, "DE"),
                e(Kind.ACCOUNT_COUNTRY, "DE"), LocationEvidence.ipAddress("203.0.113.7")), "DE"),
                "an address without a country counts neither way");
        assertEquals(Assessment.CONTRADICTED, LocationEvidence.assess(List.of(e(Kind.PAYER_COUNTRY, "DE"),
                e(Kind.BILLING_ADDRESS, "DE"), e(Kind.ACCOUNT_COUNTRY, "DE"), e(Kind.CARD_COUNTRY, "US")), "DE"));
    }

    @Test
    void aBankDebitsCountryIsTheBankAccountsAndAnyOtherMethodsTheCardIssuers() {
        assertEquals(Kind.BANK_COUNTRY, LocationEvidence.methodKind("sepa_debit"));
        assertEquals(Kind.CARD_COUNTRY, LocationEvidence.methodKind("visa"));
        assertEquals(Kind.CARD_COUNTRY, LocationEvidence.methodKind(null));
    }
}
