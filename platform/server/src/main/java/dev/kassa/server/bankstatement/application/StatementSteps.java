package dev.kassa.server.bankstatement.application;

import dev.kassa.server.bankstatement.domain.BankStatement;
import dev.kassa.server.bankstatement.domain.BankStatementRepository;
import dev.kassa.server.bankstatement.domain.StatementLine;
import dev.kassa.server.shared.Ids;
import dev.kassa.server.shared.KassaException;
import dev.kassa.server.shared.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;

/** The statement's own row, written at the start and the end of an import, each in a short transaction. */
@ApplicationScoped
public class StatementSteps {
    private BankStatementRepository statements;
    private Clock clock;

    protected StatementSteps() {
    }

    @Inject
    public StatementSteps(BankStatementRepository statements, Clock clock) {
        this.statements = statements;
        this.clock = clock;
    }

    @Transactional
    public BankStatement begin(String tenantId, String format, String account) {
        BankStatement statement = new BankStatement(Ids.next("bst"), tenantId, format,
                account == null || account.length() <= 64 ? account : account.substring(0, 64), clock.instant());
        statements.add(statement);
        return statement;
    }

    /** Stores the counts kept on the detached {@code counted} copy. */
    @Transactional
    public BankStatement finish(String tenantId, BankStatement counted) {
        return statements.saveCounts(counted);
    }

    @Transactional
    public BankStatement get(String tenantId, String id) {
        return statements.find(tenantId, id).orElseThrow(KassaException::notFound);
    }

    @Transactional
    public List<StatementLine> lines(String tenantId, String id, PageRequest page) {
        statements.find(tenantId, id).orElseThrow(KassaException::notFound);
        return statements.lines(tenantId, id, page.after(), page.limit());
    }
}
