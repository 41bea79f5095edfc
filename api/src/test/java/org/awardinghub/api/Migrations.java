package org.awardinghub.api;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The application's relational tables on a test's own database, by Flyway from the same migrations the application
 * runs at start-up ({@code spring.flyway.locations}; ADR 0146), for tests of one store without the application.
 */
public final class Migrations {

    /** As {@code spring.flyway.locations}: the migrations of every module's jar. */
    public static final String LOCATION = "classpath:db/migration/common";

    private Migrations() {}

    public static void apply(DataSource dataSource) {
        Flyway.configure().dataSource(dataSource).locations(LOCATION).load().migrate();
    }
}
