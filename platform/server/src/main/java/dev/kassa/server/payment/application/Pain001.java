package dev.kassa.server.payment.application;

import dev.kassa.server.shared.Money;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A SEPA credit transfer initiation (ISO 20022 {@code pain.001}) written with StAX: one payment
 * instruction from the tenant's account, one {@code CdtTrfTxInf} per refund. {@code .001.09} is what
 * the EPC's SCT rulebook has asked for since November 2023; {@code .001.03} is what some older bank
 * portals still take. Both share the structure; they differ in the BIC element ({@code BICFI} /
 * {@code BIC}) and the requested execution date (a choice of date or date-time in .09).
 *
 * <p>Text goes through {@link #latin(String, int)}: SEPA promises only the basic Latin character set
 * (EPC217-08), so accents are taken off and anything else becomes a space, then the text is cut to
 * the element's length. Identifiers are written in that set too ({@code ref_…} → {@code ref-…}).
 */
public final class Pain001 {

    /** The message versions written. */
    public enum Version {
        V09("pain.001.001.09"), V03("pain.001.001.03");

        private final String name;

        Version(String name) {
            this.name = name;
        }

        public String messageName() {
            return name;
        }

        public String namespace() {
            return "urn:iso:std:iso:20022:tech:xsd:" + name;
        }

        /** {@code 09} (or null) and {@code 03}; empty for anything else. */
        public static java.util.Optional<Version> of(String text) {
            if (text == null || text.equals("09") || text.equals("pain.001.001.09")) {
                return java.util.Optional.of(V09);
            }
            if (text.equals("03") || text.equals("pain.001.001.03")) {
                return java.util.Optional.of(V03);
            }
            return java.util.Optional.empty();
        }
    }

    /** An account holder: name, IBAN and, optionally (SEPA needs none), the BIC of the bank. */
    public record Party(String name, String iban, String bic) { }

    /** One transfer: the refund's id as end-to-end id, an amount in EUR, who gets it and why. */
    public record Transfer(String endToEndId, Money amount, Party creditor, String remittance) { }

    /** The whole message; {@code messageId} also serves as the payment instruction's id. */
    public record Message(String messageId, Instant createdAt, LocalDate executionDate, Party debtor,
                          List<Transfer> transfers) { }

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    private Pain001() {
    }

    /** The file, UTF-8. Every amount must be in EUR (checked before: SEPA carries nothing else). */
    public static byte[] write(Message message, Version version) {
        if (message.transfers().isEmpty()) {
            throw new IllegalArgumentException("A pain.001 holds at least one transfer");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("Document");
            xml.writeDefaultNamespace(version.namespace());
            xml.writeStartElement("CstmrCdtTrfInitn");
            String count = String.valueOf(message.transfers().size());
            String sum = sum(message.transfers()).toPlainString();
            String id = identifier(message.messageId());

            xml.writeStartElement("GrpHdr");
            text(xml, "MsgId", id);
            text(xml, "CreDtTm", DATE_TIME.format(message.createdAt().truncatedTo(ChronoUnit.SECONDS)));
            text(xml, "NbOfTxs", count);
            text(xml, "CtrlSum", sum);
            xml.writeStartElement("InitgPty");
            text(xml, "Nm", latin(message.debtor().name(), 70));
            xml.writeEndElement();
            xml.writeEndElement();

            xml.writeStartElement("PmtInf");
            text(xml, "PmtInfId", id);
            text(xml, "PmtMtd", "TRF");
            text(xml, "BtchBookg", "false"); // one line per refund on the tenant's statement: each is matched alone
            text(xml, "NbOfTxs", count);
            text(xml, "CtrlSum", sum);
            xml.writeStartElement("PmtTpInf");
            xml.writeStartElement("SvcLvl");
            text(xml, "Cd", "SEPA");
            xml.writeEndElement();
            xml.writeEndElement();
            if (version == Version.V09) {
                xml.writeStartElement("ReqdExctnDt");
                text(xml, "Dt", message.executionDate().toString());
                xml.writeEndElement();
            } else {
                text(xml, "ReqdExctnDt", message.executionDate().toString());
            }
            party(xml, "Dbtr", message.debtor());
            account(xml, "DbtrAcct", message.debtor().iban());
            agent(xml, "DbtrAgt", message.debtor().bic(), version, true);
            text(xml, "ChrgBr", "SLEV");
            for (Transfer t : message.transfers()) {
                xml.writeStartElement("CdtTrfTxInf");
                xml.writeStartElement("PmtId");
                text(xml, "EndToEndId", identifier(t.endToEndId()));
                xml.writeEndElement();
                xml.writeStartElement("Amt");
                xml.writeStartElement("InstdAmt");
                xml.writeAttribute("Ccy", t.amount().currency().code());
                xml.writeCharacters(t.amount().toDecimal().toPlainString());
                xml.writeEndElement();
                xml.writeEndElement();
                agent(xml, "CdtrAgt", t.creditor().bic(), version, false);
                party(xml, "Cdtr", t.creditor());
                account(xml, "CdtrAcct", t.creditor().iban());
                String remittance = latin(t.remittance(), 140);
                if (!remittance.isEmpty()) {
                    xml.writeStartElement("RmtInf");
                    text(xml, "Ustrd", remittance);
                    xml.writeEndElement();
                }
                xml.writeEndElement();
            }
            xml.writeEndElement(); // PmtInf
            xml.writeEndElement(); // CstmrCdtTrfInitn
            xml.writeEndElement(); // Document
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Could not write a pain.001", e);
        }
        return out.toByteArray();
    }

    /** The file name the tenant's browser saves it under. */
    public static String fileName(String messageId, Version version) {
        return identifier(messageId) + "." + version.messageName() + ".xml";
    }

    private static BigDecimal sum(List<Transfer> transfers) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Transfer t : transfers) {
            sum = sum.add(t.amount().toDecimal());
        }
        return sum;
    }

    private static void party(XMLStreamWriter xml, String element, Party party) throws XMLStreamException {
        xml.writeStartElement(element);
        text(xml, "Nm", latin(party.name(), 70));
        xml.writeEndElement();
    }

    private static void account(XMLStreamWriter xml, String element, String iban) throws XMLStreamException {
        xml.writeStartElement(element);
        xml.writeStartElement("Id");
        text(xml, "IBAN", iban);
        xml.writeEndElement();
        xml.writeEndElement();
    }

    /** The bank by BIC; without one, the debtor's bank is {@code NOTPROVIDED} (EPC) and the creditor's left out. */
    private static void agent(XMLStreamWriter xml, String element, String bic, Version version, boolean required)
            throws XMLStreamException {
        if (bic == null && !required) {
            return;
        }
        xml.writeStartElement(element);
        xml.writeStartElement("FinInstnId");
        if (bic != null) {
            text(xml, version == Version.V09 ? "BICFI" : "BIC", bic);
        } else {
            xml.writeStartElement("Othr");
            text(xml, "Id", "NOTPROVIDED");
            xml.writeEndElement();
        }
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private static void text(XMLStreamWriter xml, String element, String value) throws XMLStreamException {
        xml.writeStartElement(element);
        xml.writeCharacters(value);
        xml.writeEndElement();
    }

    /** An id in the SEPA identifier set: letters, digits and {@code /-?:().,'+}, at most 35, no {@code //}. */
    static String identifier(String id) {
        String s = latin(id, 35).replace(' ', '-').replace("//", "/-");
        return s.startsWith("/") ? "-" + s.substring(1) : s;
    }

    /**
     * Text in the SEPA basic Latin set ({@code a-z A-Z 0-9 / - ? : ( ) . , ' +} and space): accents
     * taken off ({@code é} → {@code e}), {@code ß} → {@code ss}, anything else a space; runs of
     * spaces made one; cut to {@code max}.
     */
    public static String latin(String text, int max) {
        if (text == null) {
            return "";
        }
        String plain = Normalizer.normalize(text.replace("ß", "ss").replace("Æ", "AE").replace("æ", "ae")
                .replace("Ø", "O").replace("ø", "o").replace("Œ", "OE").replace("œ", "oe"), Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(Math.min(plain.length(), max));
        for (int i = 0; i < plain.length() && out.length() < max; i++) {
            char c = plain.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            }
            boolean allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "/-?:().,'+".indexOf(c) >= 0;
            if (allowed) {
                out.append(c);
            } else if (c == '_') {
                out.append('-');
            } else if (out.length() > 0 && out.charAt(out.length() - 1) != ' ') {
                out.append(' ');
            }
        }
        return out.toString().strip();
    }
}
