package org.awardinghub.command;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
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

    /** The lookup tables, as Flyway creates them in the application (ADR 0146): this module's migrations. */
    /** The first of them, which took over the tables of the releases before Flyway. */
    static final String MIGRATION = "db/migration/common/V2__command_side_lookups.sql";

    static final String MIGRATIONS = "classpath*:db/migration/common/V*__*.sql";

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
        EmbeddedDatabaseBuilder builder =
                new EmbeddedDatabaseBuilder().setType(EmbeddedDatabaseType.H2).generateUniqueName(true);
        migrations().forEach(script -> builder.addScript(script));
        return new LookupDatabase(builder.build());
    }

    /** This module's migrations in version order (V2, V12, V12_1 ...), as classpath locations. */
    private static List<String> migrations() {
        Resource[] scripts;
        try {
            scripts = new PathMatchingResourcePatternResolver(LookupDatabase.class.getClassLoader())
                    .getResources(MIGRATIONS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Arrays.stream(scripts)
                .map(Resource::getFilename)
                .sorted(Comparator.comparing(LookupDatabase::version))
                .map(name -> "db/migration/common/" + name)
                .toList();
    }

    /** V12_1__x.sql: 12.1. */
    private static BigDecimal version(String fileName) {
        return new BigDecimal(fileName.substring(1, fileName.indexOf("__")).replace('_', '.'));
    }

    public JdbcTemplate jdbc() {
        return jdbc;
    }

    /** The lookup of this type on this database, the same one each time it is asked for. */
    public <T> T lookup(Class<T> type) {
        return type.cast(lookups.computeIfAbsent(type, this::implementation));
    }

    /** Hands each event to every lookup asked for so far, one at a time, outside any unit of work. */
    public void apply(Object... events) {
        for (Object event : events) {
            handleEverywhere(GenericEventMessage.asEventMessage(event));
        }
    }

    /**
     * Hands the events to every lookup asked for so far in one unit of work, as the application's subscribing
     * processor hands it the events of one command (a lookup may look at the others, see the unit of work's
     * messages). A constraint refusing a row is thrown, as the application would see it.
     */
    public void applyTogether(Object... events) {
        List<EventMessage<?>> messages = Arrays.stream(events)
                .<EventMessage<?>>map(GenericEventMessage::asEventMessage)
                .toList();
        BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(messages);
        ResultMessage<?> result = unitOfWork.executeWithResult(
                () -> {
                    handleEverywhere(unitOfWork.getMessage());
                    return null;
                },
                RollbackConfigurationType.ANY_THROWABLE);
        if (result.isExceptional() && result.exceptionResult() instanceof RuntimeException refused) {
            throw refused;
        }
    }

    private void handleEverywhere(EventMessage<?> event) {
        for (AnnotationEventHandlerAdapter handler : handlers.values()) {
            try {
                handler.handle(event);
            } catch (RuntimeException e) {
                throw e; // a constraint refusing the row, as the application would see it
            } catch (Exception e) {
                throw new IllegalStateException("A lookup failed on " + event.getPayload(), e);
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
