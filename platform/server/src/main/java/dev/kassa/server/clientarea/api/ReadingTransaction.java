package dev.kassa.server.clientarea.api;

import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * One transaction around everything a page that only reads does: the services it calls join it,
 * so the page takes one database connection instead of one per service call (about a dozen on
 * the top-up page). It always ends in a rollback: such a page changes nothing, a rollback skips
 * looking for changes in everything read, and a page that wrongly changed something on a GET
 * would find it undone (it must say so with {@link ClientAreaPage#changesOnGet}).
 */
final class ReadingTransaction {
    private static final Logger LOG = Logger.getLogger(ReadingTransaction.class.getName());
    private static volatile TransactionManager manager;

    /** Work that may write to the response. */
    interface Work {
        void run() throws IOException;
    }

    private ReadingTransaction() {
    }

    static void run(Work work) throws IOException {
        TransactionManager tx = transactionManager();
        try {
            tx.begin();
        } catch (Exception e) {
            throw new IllegalStateException("cannot open a transaction", e);
        }
        try {
            work.run();
        } finally {
            try {
                tx.rollback();
            } catch (SystemException | RuntimeException e) {
                LOG.log(Level.WARNING, "the end of a reading transaction failed", e);
            }
        }
    }

    /**
     * The server's transaction manager: {@code UserTransaction} refuses to begin now and then on a
     * request whose earlier {@code @Transactional} calls left the invocation marked as inside one
     * (Payara's interceptor keeps that mark in shared state), which the manager does not check.
     */
    private static TransactionManager transactionManager() {
        TransactionManager known = manager;
        if (known != null) {
            return known;
        }
        try {
            known = (TransactionManager) new InitialContext().lookup("java:appserver/TransactionManager");
            manager = known;
            return known;
        } catch (NamingException e) {
            throw new IllegalStateException(e);
        }
    }
}
