package org.awardinghub.command;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabase;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseBuilder;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseType;

/** A fresh in-memory H2 database built from the application's own lookup-table script. */
public final class LookupDatabase implements AutoCloseable {

    private final EmbeddedDatabase database;
    private final JdbcTemplate jdbc;

    private LookupDatabase(EmbeddedDatabase database) {
        this.database = database;
        this.jdbc = new JdbcTemplate(database);
    }

    public static LookupDatabase create() {
        return new LookupDatabase(new EmbeddedDatabaseBuilder()
                .setType(EmbeddedDatabaseType.H2)
                .generateUniqueName(true)
                .addScript(CommandLookups.SCHEMA_SCRIPT)
                .build());
    }

    public JdbcTemplate jdbc() {
        return jdbc;
    }

    @Override
    public void close() {
        database.shutdown();
    }
}
