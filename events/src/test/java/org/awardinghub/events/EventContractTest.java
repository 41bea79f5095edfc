package org.awardinghub.events;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.awardinghub.events.assessment.AttemptOpened;
import org.awardinghub.events.assessment.AttemptSubmitted;
import org.awardinghub.events.centre.CentreApplied;
import org.awardinghub.events.hubrequest.HubRequestRaised;
import org.awardinghub.events.qualification.QualificationPublished;
import org.awardinghub.events.user.UserCreated;
import org.awardinghub.events.user.UserLockedOut;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The event contract outlives the code: events carry no framework types, and every event survives the trip
 * through JSON unchanged. A new event is picked up here without being listed.
 */
class EventContractTest {

    static final String EVENTS = "org.awardinghub.events";
    static final JavaClasses CONTRACT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(EVENTS);

    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());

    @Test
    void eventsDependOnNoFramework() {
        noClasses()
                .that()
                .resideInAPackage(EVENTS + "..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "org.axonframework..")
                .because("events are the contract that outlives Spring and Axon")
                .check(CONTRACT);
    }

    /** Top-level records in the aggregate packages; nested records (a qualification's units) travel inside. */
    static Stream<Class<?>> eventTypes() {
        return CONTRACT.stream()
                .filter(type -> !type.getPackageName().equals(EVENTS))
                .filter(JavaClass::isTopLevelClass)
                .map(JavaClass::reflect)
                .filter(Class::isRecord)
                .sorted((a, b) -> a.getName().compareTo(b.getName()))
                .map(type -> (Class<?>) type);
    }

    @Test
    void everyAggregatesEventsAreFound() {
        assertThat(eventTypes().toList())
                .contains(
                        CentreApplied.class,
                        UserCreated.class,
                        UserLockedOut.class,
                        QualificationPublished.class,
                        HubRequestRaised.class,
                        AttemptOpened.class,
                        AttemptSubmitted.class)
                .hasSizeGreaterThanOrEqualTo(28);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventTypes")
    void eventRoundTripsThroughJsonUnchanged(Class<?> eventType) throws Exception {
        Object event = sample(eventType);

        String json = JSON.writeValueAsString(event);
        Object back = JSON.readValue(json, eventType);

        assertThat(back).as(json).isEqualTo(event);
    }

    /** A value for every component, none of them default, so that a component Jackson drops shows up. */
    static Object sample(Type type) throws Exception {
        if (type instanceof ParameterizedType generic) {
            Class<?> raw = (Class<?>) generic.getRawType();
            Object element = sample(generic.getActualTypeArguments()[0]);
            if (raw == List.class) {
                return List.of(element);
            }
            if (raw == Set.class) {
                return Set.of(element);
            }
            throw new AssertionError("No sample for " + type + ": teach EventContractTest this type");
        }
        Class<?> raw = (Class<?>) type;
        if (raw == String.class) {
            return "sample-text";
        }
        if (raw == int.class || raw == Integer.class) {
            return 7;
        }
        if (raw == long.class || raw == Long.class) {
            return 7L;
        }
        if (raw == double.class || raw == Double.class) {
            return 68.5;
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return true;
        }
        if (raw == Instant.class) {
            return Instant.parse("2026-11-26T09:30:15.123456Z");
        }
        if (raw == LocalDate.class) {
            return LocalDate.parse("2026-11-26");
        }
        if (raw.isEnum()) {
            Object[] constants = raw.getEnumConstants();
            return constants[constants.length - 1];
        }
        if (raw.isRecord()) {
            RecordComponent[] components = raw.getRecordComponents();
            Object[] values = new Object[components.length];
            for (int i = 0; i < components.length; i++) {
                values[i] = sample(components[i].getGenericType());
            }
            Constructor<?> canonical = raw.getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
            return canonical.newInstance(values);
        }
        throw new AssertionError("No sample for " + type + ": teach EventContractTest this type");
    }
}
