package org.awardinghub.api.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.tngtech.archunit.core.domain.JavaClass;
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
import org.awardinghub.events.DataSubject;
import org.awardinghub.events.PersonalData;
import org.awardinghub.events.candidate.CandidateNameAmended;
import org.awardinghub.events.candidate.CandidateRegistered;
import org.awardinghub.events.invigilation.IncidentKind;
import org.awardinghub.events.invigilation.IncidentRecorded;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What a subject access export says of each event (ADR 0167): every event about a candidate or a user is said in
 * plain English, also once its subject is erased (text as "(erased)", lists empty, anything else null); what it copies
 * of an event's fields holds nothing about anyone else; and the PDF is asked for by {@code Accept}.
 */
class SubjectAccessSentencesTest {

    static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    static final SubjectAccessRedaction.Own CANDIDATE_A =
            new SubjectAccessRedaction.Own("candidate-a", Set.of("account-of-a"));

    /** The events of the contract: top-level records outside the contract's root package. */
    static Stream<Class<?>> eventTypes() {
        return new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("org.awardinghub.events")
                        .stream()
                        .filter(type -> !type.getPackageName().equals("org.awardinghub.events"))
                        .filter(JavaClass::isTopLevelClass)
                        .map(JavaClass::reflect)
                        .filter(Class::isRecord)
                        .sorted((a, b) -> a.getName().compareTo(b.getName()))
                        .map(type -> (Class<?>) type);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventTypes")
    void givenAnyEvent_whenSaid_thenASentenceAlsoOnceErased(Class<?> type) throws Exception {
        for (boolean erased : List.of(false, true)) {
            SubjectAccessSentences.Said said = SubjectAccessSentences.of(sample(type, erased), false);
            assertThat(said.what()).as(type.getSimpleName()).isNotBlank().doesNotContain("null");
        }
        if (type.isAnnotationPresent(DataSubject.class)) {
            assertThat(SubjectAccessSentences.types())
                    .as("an event about a person has a sentence of its own: " + type.getSimpleName())
                    .contains(type);
        }
    }

    @Test
    void givenAnAmendment_whenSaid_thenTheOldAndNewValuesAndTheReason() {
        var said = SubjectAccessSentences.of(
                new CandidateNameAmended("c", "x", "Ada", "Smith", "Ada", "Jones", "Deed poll"), false);
        assertThat(said.what()).isEqualTo("Name amended from Ada Smith to Ada Jones");
        assertThat(said.why()).isEqualTo("Deed poll");
        var erased = SubjectAccessSentences.of(
                new CandidateRegistered(
                        "c",
                        "x",
                        "R1",
                        PersonalData.ERASED,
                        PersonalData.ERASED,
                        null,
                        PersonalData.ERASED,
                        "Q",
                        LocalDate.parse("2026-01-01"),
                        LocalDate.parse("2026-01-01"),
                        false,
                        false),
                false);
        assertThat(erased.what()).contains("as (erased) (erased), born (none)");
    }

    @Test
    void givenAnEventOfATypeWithoutASentence_whenSaid_thenItsNameInWords() {
        record SomethingNewHappened(String candidateId) {}
        assertThat(SubjectAccessSentences.of(new SomethingNewHappened("c"), false)
                        .what())
                .isEqualTo("Something new happened");
    }

    @Test
    void givenAnIncidentOfTwoCandidates_whenCopiedForOne_thenOnlyTheirAttemptAndNoDescription() {
        IncidentRecorded incident = new IncidentRecorded(
                "incident-1",
                "centre-1",
                List.of("attempt-b", "attempt-a"),
                List.of("candidate-b", "candidate-a"),
                IncidentKind.DISRUPTION,
                "Beatrix Other left the room",
                Instant.parse("2026-12-01T09:00:00Z"),
                "invigilator-user",
                "12345678",
                Instant.parse("2026-12-01T09:05:00Z"));
        JsonNode fields = JSON.valueToTree(incident);
        assertThat(SubjectAccessRedaction.shared(fields, CANDIDATE_A)).isTrue();
        JsonNode copied = SubjectAccessRedaction.redacted(fields, CANDIDATE_A);
        assertThat(copied.get("candidateIds").toString()).isEqualTo("[\"candidate-a\"]");
        assertThat(copied.get("attemptIds").toString()).isEqualTo("[\"attempt-a\"]");
        assertThat(copied.get("description").asText()).isEqualTo(SubjectAccessRedaction.SHARED_TEXT_WITHHELD);
        assertThat(copied.has("recordedByUserId")).as("another user's id").isFalse();
        assertThat(copied.get("recordedByPin").asText()).isEqualTo("12345678");
        assertThat(fields.get("candidateIds")).as("the original is untouched").hasSize(2);
        assertThat(SubjectAccessSentences.of(incident, true).why()).isNull();

        IncidentRecorded alone = new IncidentRecorded(
                "incident-2",
                "centre-1",
                List.of("attempt-a"),
                List.of("candidate-a"),
                IncidentKind.ILLNESS,
                "Felt faint",
                Instant.parse("2026-12-01T09:00:00Z"),
                "invigilator-user",
                "12345678",
                Instant.parse("2026-12-01T09:05:00Z"));
        JsonNode own = JSON.valueToTree(alone);
        assertThat(SubjectAccessRedaction.shared(own, CANDIDATE_A)).isFalse();
        assertThat(SubjectAccessRedaction.redacted(own, CANDIDATE_A)
                        .get("description")
                        .asText())
                .isEqualTo("Felt faint");
    }

    @Test
    void givenFieldsNamingUsers_whenCopied_thenOnlyTheSubjectsOwnAndTheSystemStay_andNoQuestionWording()
            throws Exception {
        JsonNode fields = JSON.readTree("""
                {"requestedByUserId": "staff-1", "decidedByUserId": "system", "userId": "account-of-a",
                 "nested": {"assessorUserId": "staff-2", "assessorPin": "87654321"},
                 "questions": [{"questionId": "Q1", "itemId": "i-1", "stem": "Which is right?",
                                "options": [{"optionId": "A", "text": "Right"}]}]}
                """);
        JsonNode copied = SubjectAccessRedaction.redacted(fields, CANDIDATE_A);
        assertThat(copied.has("requestedByUserId")).isFalse();
        assertThat(copied.get("decidedByUserId").asText()).isEqualTo("system");
        assertThat(copied.get("userId").asText()).isEqualTo("account-of-a");
        assertThat(copied.at("/nested/assessorUserId").isMissingNode()).isTrue();
        assertThat(copied.at("/nested/assessorPin").asText()).isEqualTo("87654321");
        assertThat(copied.at("/questions/0").toString()).isEqualTo("{\"questionId\":\"Q1\",\"itemId\":\"i-1\"}");
    }

    @Test
    void givenAcceptHeaders_whenNegotiated_thenAPdfOnlyWhenPreferred() {
        assertThat(SubjectAccessController.pdfWanted(null)).isFalse();
        assertThat(SubjectAccessController.pdfWanted("*/*")).isFalse();
        assertThat(SubjectAccessController.pdfWanted("application/json")).isFalse();
        assertThat(SubjectAccessController.pdfWanted("application/pdf")).isTrue();
        assertThat(SubjectAccessController.pdfWanted("application/json;q=0.5, application/pdf"))
                .isTrue();
        assertThat(SubjectAccessController.pdfWanted("application/pdf;q=0.4, application/json"))
                .isFalse();
        assertThat(SubjectAccessController.pdfWanted("application/pdf, application/json"))
                .isTrue();
        assertThat(SubjectAccessController.pdfWanted("application/pdf;q=0")).isFalse();
        assertThat(SubjectAccessController.pdfWanted("not a media type")).isFalse();
    }

    @Test
    void givenNestedFields_whenPrinted_thenOneLinePerValueByItsPath() throws Exception {
        assertThat(
                        SubjectAccessPdf.lines(
                                JSON.readTree(
                                        "{\"result\": {\"score\": 4}, \"marks\": [{\"correct\": true}], \"none\": [], \"gone\": null}")))
                .containsExactly("result.score: 4", "marks[0].correct: true", "none: (none)", "gone: (none)");
    }

    /** A value for every component; erased: what the serializer gives once the subject's key is gone. */
    static Object sample(Type type, boolean erased) throws Exception {
        return sample(type, erased, false);
    }

    private static Object sample(Type type, boolean erased, boolean personal) throws Exception {
        if (type instanceof ParameterizedType generic) {
            Class<?> raw = (Class<?>) generic.getRawType();
            if (erased && personal) {
                return raw == Set.class ? Set.of() : List.of();
            }
            Object element = sample(generic.getActualTypeArguments()[0], erased, false);
            return raw == Set.class ? Set.of(element) : List.of(element);
        }
        Class<?> raw = (Class<?>) type;
        if (erased && personal) {
            return raw == String.class ? PersonalData.ERASED : raw.isPrimitive() ? primitive(raw) : null;
        }
        if (raw == String.class) {
            return "sample-text";
        }
        if (raw.isPrimitive() || Number.class.isAssignableFrom(raw) || raw == Boolean.class) {
            return primitive(raw);
        }
        if (raw == Instant.class) {
            return Instant.parse("2026-11-26T09:30:15.123Z");
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
                values[i] = sample(
                        components[i].getGenericType(), erased, components[i].isAnnotationPresent(PersonalData.class));
            }
            Constructor<?> canonical = raw.getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
            return canonical.newInstance(values);
        }
        throw new AssertionError("No sample for " + type);
    }

    private static Object primitive(Class<?> raw) {
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
        throw new AssertionError("No sample for " + raw);
    }
}
