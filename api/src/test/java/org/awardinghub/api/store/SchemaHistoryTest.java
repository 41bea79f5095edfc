package org.awardinghub.api.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.awardinghub.api.ApplicationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The shared test application's new embedded database is Flyway's (ADR 0146): the history lists every migration
 * from version 1, every table was created by one of them, and Hibernate only validates Axon's tables, in every
 * profile. {@link PostgresEventStoreTest} checks the same on PostgreSQL, {@link PreviousReleaseUpgradeTest} on
 * databases of the release before.
 */
class SchemaHistoryTest extends ApplicationTest {

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private Environment environment;

    @Test
    void givenANewDatabase_whenTheApplicationStarted_thenEveryTableIsInFlywaysHistory() {
        assertThat(SchemaHistory.versions(jdbc))
                .as("a new database is migrated from the first version, with no baseline")
                .startsWith("1", "1.1", "2", "3", "4", "5", "6", "7", "8", "9")
                .doesNotContain("0");
        SchemaHistory.assertEveryTableMigrated(jdbc);
        assertThat(environment.getProperty("spring.jpa.hibernate.ddl-auto")).isEqualTo("validate");
    }

    @Test
    void givenEveryProfile_whenItsSettingsAreRead_thenHibernateNeverChangesTheSchema() throws IOException {
        Resource[] settings =
                new PathMatchingResourcePatternResolver().getResources("classpath*:application*.properties");
        assertThat(settings).hasSizeGreaterThan(1);
        for (Resource profile : settings) {
            Properties properties = new Properties();
            try (InputStream in = profile.getInputStream()) {
                properties.load(in);
            }
            assertThat(properties.getProperty("spring.jpa.hibernate.ddl-auto", "validate"))
                    .as(profile.getFilename())
                    .isEqualTo("validate");
            assertThat(properties.getProperty("spring.flyway.enabled", "true"))
                    .as(profile.getFilename())
                    .isEqualTo("true");
            assertThat(properties.stringPropertyNames())
                    .as("%s: no schema by spring.sql.init", profile.getFilename())
                    .noneMatch(name -> name.startsWith("spring.sql.init"));
        }
    }
}
