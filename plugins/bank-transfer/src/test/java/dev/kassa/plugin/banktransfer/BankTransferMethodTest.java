package dev.kassa.plugin.banktransfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kassa.api.payment.Amount;
import dev.kassa.api.payment.CredentialField;
import dev.kassa.api.payment.CredentialProblem;
import dev.kassa.api.payment.Customer;
import dev.kassa.api.payment.HttpSettings;
import dev.kassa.api.payment.MethodContext;
import dev.kassa.api.payment.MethodInfo;
import dev.kassa.api.payment.NextAction;
import dev.kassa.api.payment.Outcome;
import dev.kassa.api.payment.PaymentRequest;
import dev.kassa.api.payment.PaymentResult;
import dev.kassa.api.payment.RefundRequest;
import dev.kassa.api.payment.RefundResult;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BankTransferMethodTest {
    private static final String IBAN = "DE89370400440532013000";
    private static final CredentialProblem BAD_IBAN = new CredentialProblem("iban", "iban.invalid", "is not a valid IBAN");
    private static final CredentialProblem BAD_BIC = new CredentialProblem("bic", "bic.invalid", "is not a valid BIC");

    private final BankTransferMethod method = new BankTransferMethod();

    @Test
    void describesItselfAsBankTransferForAnyCurrencyAndCountry() {
        MethodInfo info = method.info();

        assertEquals("bank-transfer", info.code());
        assertEquals("Bank transfer", info.name("en"));
        assertEquals("Virement bancaire", info.name("fr-BE"));
        assertEquals("1-3 business days", info.processingTime("en"));
        assertEquals("1 à 3 jours ouvrés", info.processingTime("fr"));
        assertTrue(info.takesCurrency("JPY"));
        assertTrue(info.servesCountry("BR"));
        assertEquals(List.of(CredentialField.visible("beneficiary", "Beneficiary name", true),
                        CredentialField.visible("iban", "IBAN", false),
                        CredentialField.visible("bic", "BIC (SWIFT code)", false),
                        CredentialField.visible("bankName", "Bank name", false)),
                info.credentials());
    }

    @Test
    void acceptsValidIbanAndBic() {
        assertEquals(List.of(), method.checkCredentials(credentials("Acme", IBAN, "DEUTDEFF", "Deutsche Bank")));
        assertEquals(List.of(), method.checkCredentials(credentials("Acme", IBAN, "DEUTDEFF500", null)));
    }

    @Test
    void acceptsIbanAndBicWithSpacesAndInLowerCase() {
        assertEquals(List.of(), method.checkCredentials(
                credentials("Acme", "gb82 west 1234 5698 7654 32", "nwbk gb 2l", null)));
        assertEquals(List.of(), method.checkCredentials(
                credentials("Acme", "FR14 2004 1010 0505 0001 3M02 606", "BNPAFRPP XXX", null)));
    }

    @Test
    void acceptsIbansOfEveryLength() {
        for (String iban : List.of("NO9386011117947", "NL91ABNA0417164300", "BE68539007547034",
                "CH9300762011623852957", "MT84MALT011000012345MTLCAST001S", "LC55HEMM000100010012001200023015")) {
            assertEquals(List.of(), method.checkCredentials(credentials("Acme", iban, null, null)), iban);
        }
    }

    @Test
    void refusesIbansWithWrongCheckDigitsOrFormat() {
        for (String iban : List.of("DE89370400440532013001", "DE88370400440532013000", "GB82WEST1234569876543",
                "1289370400440532013000", "DE8937040044053201300!", "DE89-3704-0044-0532-0130-00", "DE89",
                "DE893704004405320130000000000000000", "IBAN")) {
            assertEquals(List.of(BAD_IBAN), method.checkCredentials(credentials("Acme", iban, null, null)), iban);
        }
    }

    @Test
    void refusesMalformedBics() {
        for (String bic : List.of("DEUTDEF", "DEUTDEFF50", "DEUTDEFF5000", "DEU1DEFF", "DEUTD1FF", "DEUT-DEFF")) {
            assertEquals(List.of(BAD_BIC), method.checkCredentials(credentials("Acme", null, bic, null)), bic);
        }
    }

    @Test
    void reportsBothProblemsWithoutRepeatingTheValues() {
        List<CredentialProblem> problems = method.checkCredentials(credentials("Acme", "DE00123", "nope", null));

        assertEquals(List.of(BAD_IBAN, BAD_BIC), problems);
        problems.forEach(p -> assertFalse(p.message().contains("DE00123") || p.message().contains("nope")));
    }

    @Test
    void blankOrMissingIbanAndBicAreNotChecked() {
        assertEquals(List.of(), method.checkCredentials(Map.of("beneficiary", "Acme")));
        assertEquals(List.of(), method.checkCredentials(credentials("Acme", "  ", "", null)));
    }

    @Test
    void isOnForEveryNewTenantWithItsNameAsBeneficiary() {
        assertEquals(Optional.of(Map.of("beneficiary", "Acme Hosting")), method.startingCredentials("Acme Hosting"));
    }

    @Test
    void payAnswersPendingWithNormalisedBankDetails() {
        PaymentResult result = method.pay(context(credentials("Acme Hosting", "fr14 2004 1010 0505 0001 3m02 606",
                "bnpa fr pp", "BNP Paribas")), request());

        assertEquals(Outcome.PENDING, result.outcome());
        assertNull(result.gatewayReference());
        assertNull(result.received());
        assertNull(result.reasonCode());
        NextAction action = result.nextAction();
        assertEquals(NextAction.Kind.INSTRUCTIONS, action.kind());
        assertNull(action.redirectUrl());
        assertNull(action.clientSecret());
        assertEquals(Map.of("type", "bank_transfer", "beneficiary", "Acme Hosting",
                "iban", "FR1420041010050500013M02606", "bic", "BNPAFRPP", "bankName", "BNP Paribas"), action.data());
    }

    @Test
    void instructionsLeaveOutWhatIsNotSet() {
        PaymentResult result = method.pay(context(credentials("Acme Hosting", IBAN, " ", null)), request());

        assertEquals(Map.of("type", "bank_transfer", "beneficiary", "Acme Hosting", "iban", IBAN),
                result.nextAction().data());
    }

    @Test
    void instructionsCarryNothingTheMethodDidNotDeclare() {
        Map<String, String> credentials = credentials("Acme", IBAN, null, null);
        credentials.put("note", "internal");

        assertFalse(method.pay(context(credentials), request()).nextAction().data().containsKey("note"));
    }

    @Test
    void refundsAreSentByHand() {
        RefundResult result = method.refund(context(credentials("Acme", IBAN, null, null)),
                new RefundRequest("rf_1", null, new Amount(500, "EUR"), "TU-7K3P", Map.of()));

        assertEquals(RefundResult.pending(null), result);
        assertTrue(method.refundsByHand());
        assertEquals(Optional.empty(), method.refundStatus(context(Map.of("beneficiary", "Acme")), "anything"));
    }

    private static Map<String, String> credentials(String beneficiary, String iban, String bic, String bankName) {
        Map<String, String> credentials = new HashMap<>();
        credentials.put("beneficiary", beneficiary);
        if (iban != null) {
            credentials.put("iban", iban);
        }
        if (bic != null) {
            credentials.put("bic", bic);
        }
        if (bankName != null) {
            credentials.put("bankName", bankName);
        }
        return credentials;
    }

    private static MethodContext context(Map<String, String> credentials) {
        return new MethodContext("acme", credentials, Map.of(), HttpSettings.DEFAULT,
                Clock.fixed(Instant.parse("2025-04-03T10:00:00Z"), ZoneOffset.UTC), System.getLogger("test"));
    }

    private static PaymentRequest request() {
        Customer customer = new Customer("acc_1", "A-1001", "Jo Client", "jo@example.com", "FR", "fr", null);
        return new PaymentRequest("att_1", new Amount(12_50, "EUR"), "TU-7K3P", "Top-up", customer, false, null,
                Map.of());
    }
}
