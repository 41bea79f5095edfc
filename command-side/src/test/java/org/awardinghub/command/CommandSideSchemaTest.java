package org.awardinghub.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

class CommandSideSchemaTest {

    @Test
    void givenTablesExist_whenTheScriptRunsAgainAtStartUp_thenNothingFailsAndRowsStay() {
        try (LookupDatabase database = LookupDatabase.create()) {
            database.jdbc().update("INSERT INTO qualification_catalogue (code) VALUES ('MVR-L2')");

            ResourceDatabasePopulator again = new ResourceDatabasePopulator(
                    new ClassPathResource(CommandLookups.SCHEMA_SCRIPT));
            assertThatCode(() -> again.execute(database.jdbc().getDataSource())).doesNotThrowAnyException();

            assertThat(database.jdbc().queryForObject("SELECT COUNT(*) FROM qualification_catalogue", Integer.class))
                    .isEqualTo(1);
        }
    }

    /** A database created before centres kept sanctions: the script adds the columns, and the rows keep theirs. */
    @Test
    void givenCentreDirectoryWithoutSanctionColumns_whenTheScriptRuns_thenTheColumnsAreAddedAsFalse() {
        try (LookupDatabase database = LookupDatabase.create()) {
            database.jdbc().execute("DROP TABLE centre_directory");
            database.jdbc().execute("CREATE TABLE centre_directory (centre_id VARCHAR(100) NOT NULL PRIMARY KEY,"
                    + " centre_number VARCHAR(12) UNIQUE, status VARCHAR(16) NOT NULL)");
            database.jdbc().update("INSERT INTO centre_directory (centre_id, centre_number, status)"
                    + " VALUES ('centre-1', '100001', 'APPROVED')");

            new ResourceDatabasePopulator(new ClassPathResource(CommandLookups.SCHEMA_SCRIPT))
                    .execute(database.jdbc().getDataSource());

            assertThat(database.jdbc().queryForObject("SELECT registrations_sanctioned OR certification_sanctioned"
                    + " FROM centre_directory WHERE centre_id = 'centre-1'", Boolean.class)).isFalse();
            assertThat(database.jdbc().queryForObject("SELECT centre_number FROM centre_directory", String.class))
                    .isEqualTo("100001");
        }
    }
}
