package org.awardinghub.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * The lookup tables' migration takes over the tables of any release before Flyway, which ran the same script at every
 * start: on a database baselined below it (ADR 0146) it runs over tables that hold rows, and adds what later releases
 * added.
 */
class CommandSideSchemaTest {

    @Test
    void givenTablesExist_whenTheMigrationRunsOverThem_thenNothingFailsAndRowsStay() {
        try (LookupDatabase database = LookupDatabase.create()) {
            database.jdbc().update("INSERT INTO qualification_catalogue (code) VALUES ('MVR-L2')");

            ResourceDatabasePopulator again =
                    new ResourceDatabasePopulator(new ClassPathResource(LookupDatabase.MIGRATION));
            assertThatCode(() -> again.execute(database.jdbc().getDataSource())).doesNotThrowAnyException();

            assertThat(database.jdbc().queryForObject("SELECT COUNT(*) FROM qualification_catalogue", Integer.class))
                    .isEqualTo(1);
        }
    }

    /** A database created before centres kept sanctions: the migration adds the columns, and the rows keep theirs. */
    @Test
    void givenCentreDirectoryWithoutSanctionColumns_whenTheMigrationRuns_thenTheColumnsAreAddedAsFalse() {
        try (LookupDatabase database = LookupDatabase.create()) {
            database.jdbc().execute("DROP TABLE centre_directory");
            database.jdbc()
                    .execute("CREATE TABLE centre_directory (centre_id VARCHAR(100) NOT NULL PRIMARY KEY,"
                            + " centre_number VARCHAR(12) UNIQUE, status VARCHAR(16) NOT NULL)");
            database.jdbc()
                    .update("INSERT INTO centre_directory (centre_id, centre_number, status)"
                            + " VALUES ('centre-1', '100001', 'APPROVED')");

            new ResourceDatabasePopulator(new ClassPathResource(LookupDatabase.MIGRATION))
                    .execute(database.jdbc().getDataSource());

            assertThat(database.jdbc()
                            .queryForObject(
                                    "SELECT registrations_sanctioned OR certification_sanctioned"
                                            + " FROM centre_directory WHERE centre_id = 'centre-1'",
                                    Boolean.class))
                    .isFalse();
            assertThat(database.jdbc().queryForObject("SELECT centre_number FROM centre_directory", String.class))
                    .isEqualTo("100001");
        }
    }

    /**
     * A database created before certification: the migration adds Direct Claim Status (false) and the names columns
     * (empty until a name is amended), and creates the certification tables; the rows keep what they had.
     */
    @Test
    void givenLookupTablesFromBeforeCertification_whenTheMigrationRuns_thenItsColumnsAndTablesAreAdded() {
        try (LookupDatabase database = LookupDatabase.create()) {
            database.jdbc().execute("ALTER TABLE centre_directory DROP COLUMN direct_claim_status");
            database.jdbc().execute("ALTER TABLE candidate_directory DROP COLUMN first_name");
            database.jdbc().execute("ALTER TABLE candidate_directory DROP COLUMN last_name");
            for (String table :
                    new String[] {"certificate_claims", "certificates", "active_certificate_claims", "certificate_codes"
                    }) {
                database.jdbc().execute("DROP TABLE " + table);
            }
            database.jdbc()
                    .update("INSERT INTO centre_directory (centre_id, centre_number, status)"
                            + " VALUES ('centre-1', '100001', 'APPROVED')");
            database.jdbc()
                    .update("INSERT INTO candidate_directory (candidate_id, registration_number, centre_id,"
                            + " status, first_name_key, last_name_key, date_of_birth, qualification_code) VALUES"
                            + " ('candidate-1', '7KQ3MZ9B', 'centre-1', 'REGISTERED', 'zoe', 'smith', DATE '2005-04-17',"
                            + " 'MVR-L2')");

            new ResourceDatabasePopulator(new ClassPathResource(LookupDatabase.MIGRATION))
                    .execute(database.jdbc().getDataSource());

            assertThat(database.jdbc()
                            .queryForObject("SELECT direct_claim_status FROM centre_directory", Boolean.class))
                    .isFalse();
            assertThat(database.jdbc().queryForObject("SELECT first_name FROM candidate_directory", String.class))
                    .isNull();
            assertThat(database.jdbc()
                            .queryForObject(
                                    "SELECT COUNT(*) FROM certificate_claims c"
                                            + " JOIN active_certificate_claims a ON a.claim_id = c.claim_id"
                                            + " JOIN certificates n ON n.claim_id = c.claim_id"
                                            + " JOIN certificate_codes v ON v.certificate_number = n.certificate_number",
                                    Integer.class))
                    .isZero();
        }
    }
}
