package dev.kassa.server.payment.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kassa.server.shared.CurrencyUnit;
import dev.kassa.server.shared.Money;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.xml.sax.SAXException;

/** What Kassa writes is valid against ISO's own pain.001 schemas (src/test/resources/iso20022, see SOURCES.md there). */
class Pain001Test {
    private static final CurrencyUnit EUR = new CurrencyUnit("EUR", 2);
    private static final Instant NOW = Instant.parse("2026-12-03T16:30:15.123456Z");

    private static Pain001.Message message(int count) {
        Pain001.Party tenant = new Pain001.Party("Kassa Test GmbH & Co. KG", "DE89370400440532013000", "COBADEFFXXX");
        java.util.ArrayList<Pain001.Transfer> transfers = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            transfers.add(new Pain001.Transfer("ref_01JEXAMPLE00000000000000" + i, new Money(1234 + i, EUR),
                    new Pain001.Party("Jürgen Weiß-Øster <&> 株式会社", "FR7630006000011234567890189", i % 2 == 0 ? null
                            : "AGRIFRPP"), "Refund of unused funds, top-up KS-7Q2M-4XPD (RF18 5390 0754 7034)"));
        }
        return new Pain001.Message("rfb_01JEXAMPLE0000000000000", NOW, LocalDate.of(2026, 12, 4), tenant, transfers);
    }

    private static void validate(byte[] xml, Pain001.Version version) throws Exception {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        Schema schema = factory.newSchema(Pain001Test.class.getResource("/iso20022/" + version.messageName() + ".xsd"));
        Validator validator = schema.newValidator();
        validator.validate(new StreamSource(new ByteArrayInputStream(xml)));
    }

    @ParameterizedTest
    @EnumSource(Pain001.Version.class)
    void aBatchIsValidAgainstTheIsoSchema(Pain001.Version version) throws Exception {
        byte[] xml = Pain001.write(message(3), version);
        validate(xml, version);
        String text = new String(xml, StandardCharsets.UTF_8);
        assertTrue(text.contains("<NbOfTxs>3</NbOfTxs>"), text);
        assertTrue(text.contains("<CtrlSum>37.05</CtrlSum>"), "12.34 + 12.35 + 12.36: " + text);
        assertTrue(text.contains("<EndToEndId>ref-01JEXAMPLE000000000000000</EndToEndId>"), text);
        assertTrue(text.contains("<InstdAmt Ccy=\"EUR\">12.34</InstdAmt>"), text);
        assertTrue(text.contains("<Nm>Jurgen Weiss-Oster</Nm>"), "basic Latin only: " + text);
        assertTrue(text.contains("<Nm>Kassa Test GmbH Co. KG</Nm>"), text);
        assertTrue(text.contains("<Cd>SEPA</Cd>") && text.contains("<ChrgBr>SLEV</ChrgBr>"), text);
        assertTrue(text.contains("<CreDtTm>2026-12-03T16:30:15Z</CreDtTm>"), text);
        assertTrue(text.contains(version == Pain001.Version.V09 ? "<BICFI>AGRIFRPP</BICFI>" : "<BIC>AGRIFRPP</BIC>"),
                text);
        assertTrue(text.contains(version == Pain001.Version.V09 ? "<ReqdExctnDt><Dt>2026-12-04</Dt></ReqdExctnDt>"
                : "<ReqdExctnDt>2026-12-04</ReqdExctnDt>"), text);
        assertTrue(text.contains("<Ustrd>Refund of unused funds, top-up KS-7Q2M-4XPD (RF18 5390 0754 7034)</Ustrd>"),
                text);
        assertEquals(2, text.split("<CdtrAgt>", -1).length, "a creditor's bank only where its BIC is known");
    }

    @ParameterizedTest
    @EnumSource(Pain001.Version.class)
    void aTenantWithoutBicHasItsBankNotProvided(Pain001.Version version) throws Exception {
        Pain001.Message m = message(1);
        Pain001.Message noBic = new Pain001.Message(m.messageId(), m.createdAt(), m.executionDate(),
                new Pain001.Party("Shop", "DE89370400440532013000", null), m.transfers());
        byte[] xml = Pain001.write(noBic, version);
        validate(xml, version);
        assertTrue(new String(xml, StandardCharsets.UTF_8).contains("<DbtrAgt><FinInstnId><Othr><Id>NOTPROVIDED</Id>"));
    }

    @Test
    void theSchemaCatchesWhatIsWrong() {
        // The test would prove nothing if the schema took anything: a transfer without an IBAN is refused.
        byte[] xml = Pain001.write(message(1), Pain001.Version.V09);
        String broken = new String(xml, StandardCharsets.UTF_8).replace("<IBAN>FR7630006000011234567890189</IBAN>",
                "<IBAN>not an iban</IBAN>");
        assertThrows(SAXException.class, () -> validate(broken.getBytes(StandardCharsets.UTF_8), Pain001.Version.V09));
    }

    @Test
    void textIsCutToTheSepaLatinSet() {
        assertEquals("Ecole ss-Strasse 1", Pain001.latin("École ß_Straße  1 €", 140));
        assertEquals(70, Pain001.latin("x".repeat(200), 70).length());
        assertFalse(Pain001.identifier("//a b").contains("//"));
        assertFalse(Pain001.identifier("/ab").startsWith("/"));
    }
}
