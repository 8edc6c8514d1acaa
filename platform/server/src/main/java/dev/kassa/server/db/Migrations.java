package dev.kassa.server.db;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.Scope;
import liquibase.UpdateSummaryOutputEnum;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.ui.LoggerUIService;

/** Brings the schema up to date with the Liquibase changelogs in {@code db/changelog}. */
public final class Migrations {
    public static final String CHANGELOG = "db/changelog/master.xml";

    private Migrations() {
    }

    public static void run(DataSource dataSource) {
        System.setProperty("liquibase.analytics.enabled", "false");
        System.setProperty("liquibase.hub.mode", "off");
        try (Connection connection = dataSource.getConnection()) {
            run(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("database migration failed", e);
        }
    }

    @SuppressWarnings("deprecation") // the Liquibase facade is the stable API of the 4.x line
    public static void run(Connection connection) {
        try {
            Database database = DatabaseFactory.getInstance()
                    .findCorrectDatabaseImplementation(new JdbcConnection(connection));
            Liquibase liquibase = new Liquibase(CHANGELOG,
                    new ClassLoaderResourceAccessor(Migrations.class.getClassLoader()), database);
            // Liquibase's console messages ("Running Changeset", the update summary) go to its log, not
            // to standard output, where they would bypass the log levels an operator sets.
            liquibase.setShowSummaryOutput(UpdateSummaryOutputEnum.LOG);
            Scope.child(Scope.Attr.ui, new LoggerUIService(),
                    () -> liquibase.update(new Contexts(), new LabelExpression()));
        } catch (Exception e) { // LiquibaseException, or anything else the scope passes on
            throw new IllegalStateException("database migration failed", e);
        }
    }
}
