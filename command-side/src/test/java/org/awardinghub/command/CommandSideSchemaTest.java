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
}
