package org.awardinghub.command;

import java.lang.reflect.Constructor;
import java.util.LinkedHashMap;
import java.util.Map;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericEventMessage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabase;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseBuilder;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseType;

/**
 * A fresh in-memory H2 database built from the application's own lookup-table migration, with the lookups a test asks
 * for. A lookup's table-backed implementation is package-private, as in the application; the test gets it through
 * its read-only interface, and feeds it events through {@link #apply}, as the application's subscribing processor
 * does: every lookup asked for so far sees every event applied, in order.
 */
public final class LookupDatabase implements AutoCloseable {

    /** The lookup tables, as Flyway creates them in the application (ADR 0146). */
    static final String MIGRATION = "db/migration/common/V2__command_side_lookups.sql";

    /** The command side's migrations after V2, in version order: each adds lookup tables or indexes. */
    static final String[] LATER_MIGRATIONS = {"db/migration/common/V13__invigilation.sql"};

    /** The implementation of lookup {@code X} is {@code XTable}, in the same package, made from a JdbcTemplate. */
    private static final String IMPLEMENTATION_SUFFIX = "Table";

    private final EmbeddedDatabase database;
    private final JdbcTemplate jdbc;
    private final Map<Class<?>, Object> lookups = new LinkedHashMap<>();
    private final Map<Class<?>, AnnotationEventHandlerAdapter> handlers = new LinkedHashMap<>();

    private LookupDatabase(EmbeddedDatabase database) {
        this.database = database;
        this.jdbc = new JdbcTemplate(database);
    }

    public static LookupDatabase create() {
        return new LookupDatabase(new EmbeddedDatabaseBuilder()
                .setType(EmbeddedDatabaseType.H2)
                .generateUniqueName(true)
                .addScript(MIGRATION)
                .addScripts(LATER_MIGRATIONS)
                .build());
    }

    public JdbcTemplate jdbc() {
        return jdbc;
    }

    /** The lookup of this type on this database, the same one each time it is asked for. */
    public <T> T lookup(Class<T> type) {
        return type.cast(lookups.computeIfAbsent(type, this::implementation));
    }

    /** Hands each event to every lookup asked for so far, as the application's lookup processor would. */
    public void apply(Object... events) {
        for (Object event : events) {
            for (AnnotationEventHandlerAdapter handler : handlers.values()) {
                try {
                    handler.handle(GenericEventMessage.asEventMessage(event));
                } catch (RuntimeException e) {
                    throw e; // a constraint refusing the row, as the application would see it
                } catch (Exception e) {
                    throw new IllegalStateException("A lookup failed on " + event, e);
                }
            }
        }
    }

    private Object implementation(Class<?> type) {
        try {
            Class<?> implementation = Class.forName(type.getName() + IMPLEMENTATION_SUFFIX);
            Constructor<?> constructor = implementation.getDeclaredConstructor(JdbcTemplate.class);
            constructor.setAccessible(true);
            Object lookup = constructor.newInstance(jdbc);
            handlers.put(type, new AnnotationEventHandlerAdapter(lookup));
            return lookup;
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException(
                    type + " has no " + IMPLEMENTATION_SUFFIX + " implementation made from a JdbcTemplate", e);
        }
    }

    @Override
    public void close() {
        database.shutdown();
    }
}
