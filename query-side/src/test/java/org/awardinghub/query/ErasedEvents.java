package org.awardinghub.query;

import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.awardinghub.events.AuditMetadata;
import org.awardinghub.events.DataSubject;
import org.awardinghub.events.PersonalData;
import org.awardinghub.query.History.Recorded;

/**
 * Events as they read once their data subject is erased, as the personal-data contract says (ADR 0165): of an event
 * whose {@link DataSubject} is the subject, every {@link PersonalData} text there was reads {@value
 * PersonalData#ERASED}, a list reads empty, anything else (a date, an evidence file) null; a value there was not stays
 * null. The metadata is left as stored: a projection must not depend on it being erased.
 */
public final class ErasedEvents {

    private ErasedEvents() {}

    /** The events as a replay after the subject's erasure reads them. */
    public static List<Recorded> readAfterErasureOf(String subject, List<Recorded> events) {
        return events.stream()
                .map(event -> new Recorded(
                        event.aggregateId(),
                        event.sequence(),
                        event.at(),
                        erased(subject, event.payload()),
                        event.metaData(),
                        event.position()))
                .toList();
    }

    /** The payload as it reads once the subject is erased: itself, unless it is about the subject. */
    public static Object erased(String subject, Object payload) {
        if (!isAbout(subject, payload)) {
            return payload;
        }
        RecordComponent[] components = payload.getClass().getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            Object value = value(components[i], payload);
            types[i] = components[i].getType();
            values[i] = !components[i].isAnnotationPresent(PersonalData.class) || value == null
                    ? value
                    : value instanceof String ? PersonalData.ERASED : value instanceof List<?> ? List.of() : null;
        }
        try {
            return payload.getClass().getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Every personal value of the subject the events hold, as text (a date as its ISO form, a file's name and hash),
     * and every reason the metadata of an event about them gave; but not a value that an event also holds in a field
     * that is not personal (a media type such as "application/pdf"), which a read model may keep.
     */
    public static Set<String> personalTexts(String subject, List<Recorded> events) {
        Set<String> personal = new LinkedHashSet<>();
        Set<String> notPersonal = new LinkedHashSet<>();
        for (Recorded event : events) {
            Object payload = event.payload();
            for (RecordComponent component : payload.getClass().getRecordComponents()) {
                boolean isPersonal = isAbout(subject, payload) && component.isAnnotationPresent(PersonalData.class);
                collect(value(component, payload), isPersonal ? personal : notPersonal, isPersonal);
            }
            if (isAbout(subject, payload) && event.metaData().get(AuditMetadata.REASON) instanceof String reason) {
                personal.add(reason);
            }
        }
        personal.removeAll(notPersonal);
        personal.remove(PersonalData.ERASED);
        return personal;
    }

    private static boolean isAbout(String subject, Object payload) {
        DataSubject about = payload.getClass().getAnnotation(DataSubject.class);
        if (about == null) {
            return false;
        }
        for (RecordComponent component : payload.getClass().getRecordComponents()) {
            if (component.getName().equals(about.value())) {
                return Objects.equals(subject, value(component, payload));
            }
        }
        throw new IllegalStateException(payload.getClass() + " names no component " + about.value());
    }

    private static void collect(Object value, Set<String> texts, boolean nested) {
        if (value instanceof String text) {
            texts.add(text);
        } else if (value instanceof LocalDate date) {
            texts.add(date.toString());
        } else if (value instanceof Collection<?> collection) {
            new ArrayList<>(collection).forEach(element -> collect(element, texts, nested));
        } else if (nested && value instanceof Record record) {
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                collect(value(component, record), texts, true);
            }
        }
    }

    private static Object value(RecordComponent component, Object record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
