package org.awardinghub.query;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import org.bson.Document;

/**
 * A read model's documents as records: each component stored under its own name, so that a projection says what
 * its documents hold once, in a record, rather than in string constants at every write and read.
 *
 * <p>Values are stored as BSON expects them and as every read model stored them before: an {@link Instant} as a
 * date, a {@link LocalDate} as its ISO text (so that it sorts), an enum by its name, a nested record as an embedded
 * document, a list or set as an array; null as null. Reading turns them back by the component's declared type; a
 * field a document lacks reads as null, or as zero or false for a primitive, so a document written before a
 * component was added still reads. The component marked {@link Id} is the document's {@value
 * ReadModelCollection#ID}: read from it, and left out when writing (the collection writes the id itself, with the
 * document's sequence). Fields the record does not name (the sequence, a token's gaps) are ignored when reading.
 *
 * @param <R> the record stored
 */
public final class DocumentMapper<R extends Record> {

    /** Marks the component that is the document's {@value ReadModelCollection#ID}. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.RECORD_COMPONENT)
    public @interface Id {}

    private static final Map<Class<?>, DocumentMapper<?>> MAPPERS = new ConcurrentHashMap<>();

    private final RecordComponent[] components;
    private final Method[] accessors;
    private final Constructor<R> constructor;
    private final String[] fields;

    private DocumentMapper(Class<R> type) {
        this.components = type.getRecordComponents();
        // accessible like the constructor, for a record that is not public (a projection's own stored record)
        this.accessors = new Method[components.length];
        for (int i = 0; i < components.length; i++) {
            accessors[i] = components[i].getAccessor();
            accessors[i].setAccessible(true);
        }
        this.fields = Arrays.stream(components)
                .map(component ->
                        component.isAnnotationPresent(Id.class) ? ReadModelCollection.ID : component.getName())
                .toArray(String[]::new);
        try {
            this.constructor = type.getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
            constructor.setAccessible(true);
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException(type + " has no canonical constructor", e);
        }
    }

    /** The mapper of {@code type}, made once. */
    @SuppressWarnings("unchecked")
    public static <R extends Record> DocumentMapper<R> of(Class<R> type) {
        return (DocumentMapper<R>) MAPPERS.computeIfAbsent(type, key -> new DocumentMapper<>(type));
    }

    /** The record's fields as a document, without its {@link Id}. */
    public Document toDocument(R record) {
        Document document = new Document();
        for (int i = 0; i < components.length; i++) {
            if (!fields[i].equals(ReadModelCollection.ID)) {
                document.append(fields[i], stored(read(accessors[i], record)));
            }
        }
        return document;
    }

    /** The record a document holds; null for null. */
    public R fromDocument(Document document) {
        if (document == null) {
            return null;
        }
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            values[i] = value(document.get(fields[i]), components[i].getGenericType());
        }
        try {
            return constructor.newInstance(values);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + document, e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A change of a stored document said as a change of its record, for {@link DocumentBatch#change}. */
    public UnaryOperator<Document> changing(UnaryOperator<R> change) {
        return document -> toDocument(change.apply(fromDocument(document)));
    }

    private static Object read(Method accessor, Record record) {
        try {
            return accessor.invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object stored(Object value) {
        if (value instanceof Instant instant) {
            return Date.from(instant);
        }
        if (value instanceof LocalDate date) {
            return date.toString();
        }
        if (value instanceof Enum<?> constant) {
            return constant.name();
        }
        if (value instanceof Record record) {
            return of((Class) record.getClass()).toDocument(record);
        }
        if (value instanceof Collection<?> collection) {
            List<Object> list = new ArrayList<>(collection.size());
            collection.forEach(element -> list.add(stored(element)));
            return list;
        }
        return value;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object value(Object stored, Type type) {
        Class<?> raw = type instanceof ParameterizedType parameterized
                ? (Class<?>) parameterized.getRawType()
                : (Class<?>) type;
        if (stored == null) {
            return raw.isPrimitive() ? zero(raw) : null;
        }
        if (raw == int.class || raw == Integer.class) {
            return ((Number) stored).intValue();
        }
        if (raw == long.class || raw == Long.class) {
            return ((Number) stored).longValue();
        }
        if (raw == double.class || raw == Double.class) {
            return ((Number) stored).doubleValue();
        }
        if (raw == Instant.class) {
            return ((Date) stored).toInstant();
        }
        if (raw == LocalDate.class) {
            return LocalDate.parse((String) stored);
        }
        if (raw.isEnum()) {
            return Enum.valueOf((Class) raw, (String) stored);
        }
        if (raw.isRecord()) {
            return of((Class) raw).fromDocument((Document) stored);
        }
        if (Collection.class.isAssignableFrom(raw)) {
            Type element = ((ParameterizedType) type).getActualTypeArguments()[0];
            boolean list = raw.isAssignableFrom(List.class);
            Collection<Object> values = list ? new ArrayList<>() : new LinkedHashSet<>();
            ((Collection<?>) stored).forEach(item -> values.add(value(item, element)));
            return list
                    ? Collections.unmodifiableList((List<Object>) values)
                    : Collections.unmodifiableSet((Set<Object>) values);
        }
        return stored;
    }

    private static Object zero(Class<?> primitive) {
        if (primitive == boolean.class) {
            return false;
        }
        if (primitive == int.class) {
            return 0;
        }
        if (primitive == long.class) {
            return 0L;
        }
        if (primitive == double.class) {
            return 0.0;
        }
        throw new IllegalArgumentException("no zero for " + primitive);
    }
}
