package dev.kassa.server.bankstatement.domain;

import java.util.List;
import java.util.Optional;

/** Uploaded statements and their entries, always within one tenant. Every method joins the caller's transaction. */
public interface BankStatementRepository {
    void add(BankStatement statement);

    Optional<BankStatement> find(String tenantId, String id);

    void addLine(StatementLine line);

    /** The statement's entries in file order: {@code limit + 1} after the entry id {@code after} (null: from the start). */
    List<StatementLine> lines(String tenantId, String statementId, String after, int limit);

    /** Writes the counts of a statement whose import finished; answers the stored statement. */
    BankStatement saveCounts(BankStatement counted);

    /** Whether an earlier upload recorded this debit (same bank account and bank reference). */
    boolean debitSeen(String tenantId, String bankAccount, String bankReference);

    /**
     * The credit a reversal undoes: an earlier credit on the same bank account of the same amount,
     * with the same end-to-end id (else remittance text, else bank reference), not yet reversed; newest first.
     */
    Optional<StatementLine> reversible(String tenantId, StatementLine reversal);
}
