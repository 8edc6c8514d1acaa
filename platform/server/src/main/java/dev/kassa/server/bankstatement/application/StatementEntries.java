package dev.kassa.server.bankstatement.application;

import dev.kassa.api.statement.StatementEntry;
import dev.kassa.server.bankstatement.domain.BankStatementRepository;
import dev.kassa.server.bankstatement.domain.StatementLine;
import dev.kassa.server.bankstatement.domain.StatementLine.Outcome;
import dev.kassa.server.banktransfer.application.BankTransferService;
import dev.kassa.server.banktransfer.domain.BankTransfer;
import dev.kassa.server.payment.domain.TopUpRepository;
import dev.kassa.server.shared.CreditorReferences;
import dev.kassa.server.shared.Ids;
import dev.kassa.server.shared.Money;
import dev.kassa.server.shared.References;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Imports one statement entry in one transaction: a credit goes through the very path of
 * {@code POST /bank-transfers} ({@link BankTransferService#report}), keyed by the bank account and
 * the bank's reference, so a movement reported by several files (or also by hand with that key)
 * is credited once and matched the same way; the entry's own row is written in the same transaction.
 */
@ApplicationScoped
public class StatementEntries {
    private static final int MAX_REFERENCE = 140;
    private static final int MAX_TEXT = 1000;
    private static final java.util.regex.Pattern FREE_RF = java.util.regex.Pattern.compile(
            "\\bRF[0-9]{2}(?: ?[0-9A-Z]{4}){0,5}(?: ?[0-9A-Z]{1,4})?\\b", java.util.regex.Pattern.CASE_INSENSITIVE);

    private BankStatementRepository statements;
    private BankTransferService transfers;
    private TopUpRepository topUps;

    protected StatementEntries() {
    }

    @Inject
    public StatementEntries(BankStatementRepository statements, BankTransferService transfers, TopUpRepository topUps) {
        this.statements = statements;
        this.transfers = transfers;
        this.topUps = topUps;
    }

    @Transactional
    public Outcome importEntry(String tenantId, String statementId, int position, StatementEntry e, Money amount) {
        StatementLine line = line(tenantId, statementId, position, e, amount);
        if (e.reversal() && !e.credit() && statements.debitSeen(tenantId, line.bankAccount(), line.bankReference())) {
            line.settle(Outcome.DUPLICATE, null, null, false);
        } else if (e.reversal()) {
            // A credit taken back: recorded beside the entry it undoes, whose transfer is reversed when
            // it can be (bankTransferId set); otherwise the tenant corrects by hand. A reversed debit
            // (money back in) is recorded only, as debits are.
            Optional<StatementLine> original = e.credit() ? Optional.empty() : statements.reversible(tenantId, line);
            String reversed = original.filter(o -> o.bankTransferId() != null)
                    .filter(o -> transfers.reverse(tenantId, o.bankTransferId(),
                            "Bank transfer reversed by the bank (" + clip(e.bankReference(), 80) + ")"))
                    .map(StatementLine::bankTransferId).orElse(null);
            line.settle(Outcome.REVERSAL, reversed, original.map(StatementLine::id).orElse(null), false);
        } else if (!e.credit()) {
            line.settle(statements.debitSeen(tenantId, line.bankAccount(), line.bankReference())
                    ? Outcome.DUPLICATE : Outcome.DEBIT, null, null, false);
        } else {
            BankTransferService.Outcome reported = transfers.report(tenantId, new BankTransferService.Report(
                    bankTransactionId(e), reference(e), amount, clip(e.payerName(), 200),
                    e.bookingDate() == null ? null : e.bookingDate().atStartOfDay(ZoneOffset.UTC).toInstant()));
            BankTransfer transfer = reported.transfer();
            Outcome outcome = !reported.created() ? Outcome.DUPLICATE
                    : transfer.status() == BankTransfer.Status.MATCHED ? Outcome.MATCHED : Outcome.UNMATCHED;
            boolean differs = transfer.topUpId() != null && topUps.find(tenantId, transfer.topUpId())
                    .map(t -> !t.amount().equals(amount)).orElse(false);
            if (transfer.topUpId() != null && e.payerIban() != null) {
                // Where a refund by bank transfer (a pain.001 file) sends the money back to.
                topUps.find(tenantId, transfer.topUpId())
                        .ifPresent(t -> t.learnPayerAccount(e.payerIban(), e.payerBic(), e.payerName()));
            }
            line.settle(outcome, transfer.id(), null, differs);
        }
        statements.addLine(line);
        return line.outcome();
    }

    /** Records a credit the bank-transfer path refused; nothing else changed, so a later upload tries it again. */
    @Transactional
    public void refused(String tenantId, String statementId, int position, StatementEntry e, Money amount) {
        StatementLine line = line(tenantId, statementId, position, e, amount);
        line.settle(Outcome.REFUSED, null, null, false);
        statements.addLine(line);
    }

    private static StatementLine line(String tenantId, String statementId, int position, StatementEntry e,
                                      Money amount) {
        return new StatementLine(Ids.next("bse"), tenantId, statementId, position,
                clip(e.account(), 64), clip(e.bankReference(), MAX_REFERENCE), e.credit(), e.reversal(), amount,
                e.bookingDate(), clip(e.creditorReference(), 64), clip(e.endToEndId(), MAX_REFERENCE),
                clip(e.remittance(), MAX_TEXT), clip(e.payerName(), 200));
    }

    /** The bank account and the bank's reference: the same movement in a camt.054 and a camt.053 has the same one. */
    static String bankTransactionId(StatementEntry e) {
        String id = e.account() + "/" + e.bankReference();
        if (id.length() <= MAX_REFERENCE) {
            return id;
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
            return clip(e.account(), 64) + "/H" + HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /**
     * What is handed to the matching as the payer's reference: a valid RF creditor reference's
     * payment reference first (so it wins among equals), then the remittance text and the
     * end-to-end id; when that is longer than a reference may be, the reference-shaped codes found in it.
     */
    static String reference(StatementEntry e) {
        StringBuilder text = new StringBuilder();
        Optional<String> rf = CreditorReferences.body(e.creditorReference());
        rf.ifPresent(text::append);
        if (rf.isEmpty() && e.creditorReference() != null) {
            text.append(e.creditorReference());
        }
        for (String part : new String[] {e.remittance(), e.endToEndId()}) {
            if (part != null && !part.isBlank()) {
                if (text.length() > 0) {
                    text.append(' ');
                }
                text.append(part.strip());
            }
        }
        // An RF reference written into the free text (no field for it in the payer's app) counts too,
        // also printed in groups of four.
        java.util.regex.Matcher m = FREE_RF.matcher(text);
        String found = null;
        while (found == null && m.find()) {
            found = CreditorReferences.body(m.group()).orElse(null);
        }
        if (found != null) {
            text.insert(0, found + " ");
        }
        String all = text.toString().strip();
        if (all.isEmpty()) {
            return null;
        }
        if (all.length() <= MAX_REFERENCE) {
            return all;
        }
        String codes = String.join(" ", References.candidates(all));
        return codes.isEmpty() ? all.substring(0, MAX_REFERENCE) : clip(codes, MAX_REFERENCE);
    }

    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
