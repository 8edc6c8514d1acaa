package dev.kassa.api.statement;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One booked movement on a bank account as a statement file reports it; a batch entry of a camt
 * file arrives already split into one entry per transaction.
 *
 * @param account the account's IBAN (or the bank's own account id), as in the file, upper case without spaces
 * @param bankReference the bank's reference of the movement, stable across the files that report it
 *     (a camt.054 notification and the later camt.053 statement); made from the content when the bank
 *     gives none
 * @param amount positive, in {@code currency}'s units
 * @param credit true for money in, false for money out
 * @param reversal true when the movement undoes an earlier one (camt {@code RvslInd}, MT940 {@code RC}/{@code RD}):
 *     a reversed credit arrives as a debit with this flag
 * @param creditorReference the structured creditor reference (ISO 11649 {@code RF…}) when the payer gave one
 * @param endToEndId the payer's end-to-end id, null when absent or {@code NOTPROVIDED}
 * @param remittance the free remittance text (camt {@code Ustrd}, MT940 {@code :86:}), possibly null
 * @param payerName the other party's name: the payer of a credit, the payee of a debit; possibly null
 * @param payerIban the payer's IBAN of a credit (camt {@code RltdPties/DbtrAcct/Id/IBAN}, MT940 {@code :86:?31}),
 *     upper case without spaces, or null; what a refund by bank transfer sends the money back to
 * @param payerBic the payer's bank's BIC of a credit (camt {@code RltdAgts/DbtrAgt/FinInstnId/BICFI|BIC},
 *     MT940 {@code :86:?30} when it is a BIC rather than a German bank code), or null
 */
public record StatementEntry(String account, String bankReference, BigDecimal amount, String currency, boolean credit,
                             boolean reversal, LocalDate bookingDate, String creditorReference, String endToEndId,
                             String remittance, String payerName, String payerIban, String payerBic) {

    /** An entry whose payer's account is not known. */
    public StatementEntry(String account, String bankReference, BigDecimal amount, String currency, boolean credit,
                          boolean reversal, LocalDate bookingDate, String creditorReference, String endToEndId,
                          String remittance, String payerName) {
        this(account, bankReference, amount, currency, credit, reversal, bookingDate, creditorReference, endToEndId,
                remittance, payerName, null, null);
    }
}
