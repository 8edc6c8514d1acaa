package dev.kassa.server.web;

import dev.kassa.server.db.SqlErrors;
import jakarta.annotation.Priority;
import jakarta.transaction.TransactionalException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A transaction that failed to commit. Registered for the exact type so that it wins over the
 * servlet container's own mapper; a unique constraint that a concurrent request won is a 409.
 */
@Provider
@Priority(1)
public class TransactionalProblemMapper implements ExceptionMapper<TransactionalException> {
    private final ProblemMapper problems = new ProblemMapper();

    @Override
    public Response toResponse(TransactionalException error) {
        if (SqlErrors.isUniqueViolation(error)) {
            return Problems.response(409, "request.conflict", "Concurrent update",
                    "Another request created the same thing at the same time; nothing was changed. Retry.");
        }
        return problems.toResponse(error.getCause() == null ? error : error.getCause());
    }
}
