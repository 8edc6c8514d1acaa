package dev.kassa.server.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BankAccountsTest {

    @Test
    void ibansCheckOutByCountryLengthAndMod97() {
        assertTrue(BankAccounts.isValidIban("DE89370400440532013000"));
        assertTrue(BankAccounts.isValidIban(BankAccounts.normalise("fr76 3000 6000 0112 3456 7890 189")));
        assertTrue(BankAccounts.isValidIban("GB82WEST12345698765432"));
        assertTrue(BankAccounts.isValidIban("NO9386011117947"), "the shortest, 15");
        assertFalse(BankAccounts.isValidIban("DE89370400440532013001"), "a check digit off");
        assertFalse(BankAccounts.isValidIban("DE8937040044053201300"), "21 characters for Germany's 22");
        assertFalse(BankAccounts.isValidIban("DE89 3704"));
        assertFalse(BankAccounts.isValidIban(null));
    }

    @Test
    void bicsHaveTheIso9362Shape() {
        assertTrue(BankAccounts.isValidBic("COBADEFF"));
        assertTrue(BankAccounts.isValidBic("COBADEFFXXX"));
        assertFalse(BankAccounts.isValidBic("COBADEF"));
        assertFalse(BankAccounts.isValidBic("COBA-DEFF"));
        assertEquals("COBADEFFXXX", BankAccounts.normalise(" coba deff xxx "));
        assertEquals(null, BankAccounts.normalise("  "));
    }
}
