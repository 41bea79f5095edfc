package org.awardinghub.api.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.awardinghub.api.Migrations;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What Flyway's history says of a database, against what the database holds: every table was created by a migration
 * the history lists (ADR 0146), on H2 and on PostgreSQL alike.
 */
public final class SchemaHistory {

    static final String HISTORY = "flyway_schema_history";
    /**
     * Flyway names its table and columns in lower case, quoted: on H2, which folds unquoted names to upper case, they
     * need quotes (PostgreSQL folds to lower case, and takes them either way).
     */
    static final String HISTORY_TABLE = '"' + HISTORY + '"';

    private static final Pattern CREATE_TABLE =
            Pattern.compile("CREATE\\s+TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?(\\w+)", Pattern.CASE_INSENSITIVE);

    private SchemaHistory() {}

    /**
     * Every migration in the history succeeded, and the tables of the database's schema are exactly those that the
     * history's SQL migrations create: none made outside a migration (by Hibernate, a script or the code), none
     * missing.
     */
    public static void assertEveryTableMigrated(JdbcTemplate jdbc) {
        assertThat(jdbc.queryForList(
                        "SELECT \"script\" FROM " + HISTORY_TABLE + " WHERE NOT \"success\"", String.class))
                .as("failed migrations")
                .isEmpty();
        assertThat(tables(jdbc))
                .as("the tables of the schema, against those created by the migrations in %s", HISTORY)
                .containsExactlyInAnyOrderElementsOf(createdByHistory(jdbc));
    }

    /**
     * The versions in the history, in the order installed ({@code 0} for a baseline), without the row that says Flyway
     * found the schema there (on H2).
     */
    static List<String> versions(JdbcTemplate jdbc) {
        return jdbc.queryForList(
                "SELECT \"version\" FROM " + HISTORY_TABLE
                        + " WHERE \"version\" IS NOT NULL ORDER BY \"installed_rank\"",
                String.class);
    }

    /** The tables of the connection's schema, temporary ones too, lower case, Flyway's own history left out. */
    static Set<String> tables(JdbcTemplate jdbc) {
        return new TreeSet<>(jdbc.queryForList(
                "SELECT LOWER(table_name) FROM information_schema.tables WHERE LOWER(table_schema) ="
                        + " LOWER(CURRENT_SCHEMA) AND table_type <> 'VIEW' AND LOWER(table_name) <> ?",
                String.class,
                HISTORY));
    }

    /** Each column of the schema's tables: table, column, type, length, nullable (Flyway's history left out). */
    static Map<String, String> columns(JdbcTemplate jdbc) {
        return jdbc
                .queryForList(
                        "SELECT LOWER(table_name) AS t, LOWER(column_name) AS c, data_type, character_maximum_length,"
                                + " is_nullable FROM information_schema.columns WHERE LOWER(table_schema) ="
                                + " LOWER(CURRENT_SCHEMA) AND LOWER(table_name) <> ?",
                        HISTORY)
                .stream()
                .collect(Collectors.toMap(
                        row -> row.get("t") + "." + row.get("c"),
                        row -> row.get("data_type") + "(" + row.get("character_maximum_length") + ") nullable "
                                + row.get("is_nullable"),
                        (a, b) -> a,
                        java.util.TreeMap::new));
    }

    private static Set<String> createdByHistory(JdbcTemplate jdbc) {
        Set<String> created = new TreeSet<>();
        for (String script : jdbc.queryForList(
                "SELECT \"script\" FROM " + HISTORY_TABLE + " WHERE \"type\" = 'SQL' ORDER BY \"installed_rank\"",
                String.class)) {
            Matcher tables = CREATE_TABLE.matcher(read(script));
            while (tables.find()) {
                created.add(tables.group(1).toLowerCase());
            }
        }
        return created;
    }

    private static String read(String script) {
        String location = Migrations.LOCATION.substring("classpath:".length()) + "/" + script;
        try {
            return new ClassPathResource(location).getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("A migration in the history is not on the class path: " + location, e);
        }
    }
}
