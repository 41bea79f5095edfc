package org.awardinghub.query;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * The relational read models' tables as the application has them: this module's migrations, run in version order on
 * a test's database. The application runs the same scripts through Flyway, with the other modules' (ADR 0146); a
 * test of one module needs only its own, and no history of them.
 */
public final class Migrations {

    private static final String LOCATION = "classpath*:db/migration/common/V*__*.sql";

    private Migrations() {}

    public static void apply(DataSource dataSource) {
        Resource[] scripts;
        try {
            scripts = new PathMatchingResourcePatternResolver(Migrations.class.getClassLoader()).getResources(LOCATION);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (scripts.length == 0) {
            throw new IllegalStateException("No migrations found at " + LOCATION);
        }
        Arrays.sort(scripts, Comparator.comparing(Migrations::version, Migrations::compareVersions));
        new ResourceDatabasePopulator(scripts).execute(dataSource);
    }

    /** V6__compliance_reports.sql: [6]; V19_1__audit_hashes_before_sealing.sql: [19, 1], as Flyway orders them. */
    private static List<BigInteger> version(Resource script) {
        String name = script.getFilename();
        return Arrays.stream(name.substring(1, name.indexOf("__")).split("[._]"))
                .map(BigInteger::new)
                .toList();
    }

    private static int compareVersions(List<BigInteger> a, List<BigInteger> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int order = a.get(i).compareTo(b.get(i));
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(a.size(), b.size());
    }
}
