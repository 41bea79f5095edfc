package org.awardinghub.query.audit;

import javax.sql.DataSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * The audit log's tables and indexes ({@value #SCRIPT}), created where they are missing. The script only creates
 * what does not exist, so it runs at every start, on H2 and on PostgreSQL alike.
 */
final class AuditSchema {

    public static final String SCRIPT = "db/audit.sql";

    private AuditSchema() {}

    public static void create(DataSource dataSource) {
        new ResourceDatabasePopulator(new ClassPathResource(SCRIPT, AuditSchema.class.getClassLoader()))
                .execute(dataSource);
    }
}
