package org.awardinghub.command.qualification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.awardinghub.command.InvalidField;
import org.awardinghub.command.LookupDatabase;
import org.awardinghub.command.RuleViolation;
import org.awardinghub.command.qualification.PublishQualification.AssessmentSpec;
import org.awardinghub.command.qualification.PublishQualification.CriterionSpec;
import org.awardinghub.command.qualification.PublishQualification.ItemSpec;
import org.awardinghub.command.qualification.PublishQualification.UnitSpec;
import org.awardinghub.events.qualification.PassMarkChanged;
import org.awardinghub.events.qualification.QualificationPublished;
import org.awardinghub.events.qualification.QualificationPublished.Assessment;
import org.awardinghub.events.qualification.QualificationPublished.Item;
import org.awardinghub.events.qualification.QualificationPublished.Unit;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class QualificationTest {

    static final String CODE = "MVR-L2";

    /** Two units, two assessments of three items each; written with stray spaces to show they are trimmed. */
    static final PublishQualification COMMAND = new PublishQualification(
            " MVR-L2 ",
            " Light Vehicle Maintenance and Repair ",
            2,
            List.of(new UnitSpec("LV01", " Health and safety "), new UnitSpec("LV02", "Engine systems")),
            List.of(
                    new AssessmentSpec(
                            "LV01-MCQ",
                            "Health and safety test",
                            "LV01",
                            2,
                            30,
                            70,
                            List.of(
                                    new ItemSpec(" Which PPE protects the eyes? ", List.of("Goggles", " Gloves "), 0),
                                    new ItemSpec("Who reports an accident?", List.of("Anyone", "No one", "The dog"), 0),
                                    new ItemSpec(
                                            "What does COSHH cover?", List.of("Noise", "Hazardous substances"), 1))),
                    new AssessmentSpec(
                            "LV02-MCQ",
                            "Engine test",
                            "LV02",
                            3,
                            45,
                            60,
                            List.of(
                                    new ItemSpec("Four-stroke order?", List.of("ISCE", "ICSE", "SICE", "ECIS"), 0),
                                    new ItemSpec("Coolant freezes at?", List.of("Lower temperature", "Never"), 0),
                                    new ItemSpec("Spark plug gap unit?", List.of("mm", "kg"), 0)))));

    static final QualificationPublished PUBLISHED = new QualificationPublished(
            CODE,
            "Light Vehicle Maintenance and Repair",
            2,
            List.of(new Unit("LV01", "Health and safety"), new Unit("LV02", "Engine systems")),
            List.of(
                    new Assessment(
                            "LV01-MCQ",
                            "Health and safety test",
                            "LV01",
                            2,
                            30,
                            70,
                            List.of(
                                    new Item(
                                            "LV01-MCQ-Q001",
                                            "Which PPE protects the eyes?",
                                            List.of("Goggles", "Gloves"),
                                            0),
                                    new Item(
                                            "LV01-MCQ-Q002",
                                            "Who reports an accident?",
                                            List.of("Anyone", "No one", "The dog"),
                                            0),
                                    new Item(
                                            "LV01-MCQ-Q003",
                                            "What does COSHH cover?",
                                            List.of("Noise", "Hazardous substances"),
                                            1))),
                    new Assessment(
                            "LV02-MCQ",
                            "Engine test",
                            "LV02",
                            3,
                            45,
                            60,
                            List.of(
                                    new Item(
                                            "LV02-MCQ-Q001",
                                            "Four-stroke order?",
                                            List.of("ISCE", "ICSE", "SICE", "ECIS"),
                                            0),
                                    new Item(
                                            "LV02-MCQ-Q002",
                                            "Coolant freezes at?",
                                            List.of("Lower temperature", "Never"),
                                            0),
                                    new Item("LV02-MCQ-Q003", "Spark plug gap unit?", List.of("mm", "kg"), 0)))));

    LookupDatabase database;
    QualificationDirectory catalogue;
    FixtureConfiguration<Qualification> fixture;

    @BeforeEach
    void setUp() {
        database = LookupDatabase.create();
        catalogue = database.lookup(QualificationDirectory.class);
        fixture = new AggregateTestFixture<>(Qualification.class);
        fixture.registerInjectableResource(catalogue);
    }

    @AfterEach
    void tearDown() {
        database.close();
    }

    @Nested
    class PublishQualificationSpec {

        @Test
        void givenNewCode_whenPublished_thenPublishedTrimmedWithNumberedItems() {
            fixture.givenNoPriorActivity().when(COMMAND).expectEvents(PUBLISHED).expectResultMessagePayload(CODE);
        }

        @Test
        void givenAPortfolioUnitWithCriteria_whenPublished_thenTheCriteriaArePublishedAndKnownToTheCatalogue() {
            PublishQualification command = withUnits(List.of(
                    new UnitSpec(
                            "LV01",
                            "Health and safety",
                            List.of(new CriterionSpec(" 1.1 ", " Wears PPE "), new CriterionSpec("1.2", "Reports")),
                            true),
                    new UnitSpec("LV02", "Engine systems")));
            QualificationPublished published = new QualificationPublished(
                    CODE,
                    PUBLISHED.title(),
                    2,
                    List.of(
                            new Unit(
                                    "LV01",
                                    "Health and safety",
                                    List.of(
                                            new QualificationPublished.Criterion("1.1", "Wears PPE"),
                                            new QualificationPublished.Criterion("1.2", "Reports")),
                                    true),
                            new Unit("LV02", "Engine systems")),
                    PUBLISHED.assessments());
            fixture.givenNoPriorActivity().when(command).expectEvents(published);
            database.apply(published);
            assertThat(catalogue.portfolioUnits(CODE)).containsExactly(Map.entry("LV01", List.of("1.1", "1.2")));
        }

        @Test
        void givenCodeInTheCatalogue_whenPublished_thenRefused() {
            database.apply(PUBLISHED);
            fixture.givenNoPriorActivity()
                    .when(COMMAND)
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage("Qualification MVR-L2 already exists")
                    .expectNoEvents();
        }

        @Test
        void givenAssessmentCodeUsedByAnotherQualification_whenPublished_thenRefusedNamingTheAssessment() {
            database.apply(new QualificationPublished(
                    "HEV-L3",
                    "Hybrid vehicles",
                    3,
                    List.of(new Unit("HV01", "HV")),
                    List.of(new Assessment(
                            "LV02-MCQ",
                            "Taken",
                            "HV01",
                            1,
                            10,
                            50,
                            List.of(new Item("LV02-MCQ-Q001", "?", List.of("a", "b"), 0))))));
            fixture.givenNoPriorActivity()
                    .when(COMMAND)
                    .expectException(InvalidField.named("assessments[1].code"))
                    .expectExceptionMessage("assessment code LV02-MCQ is already used by another qualification");
        }

        @Test
        void givenLimitsReached_whenPublished_thenPublished() {
            ItemSpec six = new ItemSpec("s".repeat(1000), List.of("a", "b", "c", "d", "e", "f"), 5);
            PublishQualification command = new PublishQualification(
                    "A" + "-".repeat(30) + "9",
                    "t".repeat(200),
                    8,
                    List.of(new UnitSpec("U1", "Unit")),
                    List.of(new AssessmentSpec("X1", "Test", "U1", 1, 300, 100, List.of(six))));
            fixture.givenNoPriorActivity()
                    .when(command)
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new QualificationPublished(
                            "A" + "-".repeat(30) + "9",
                            "t".repeat(200),
                            8,
                            List.of(new Unit("U1", "Unit")),
                            List.of(new Assessment(
                                    "X1",
                                    "Test",
                                    "U1",
                                    1,
                                    300,
                                    100,
                                    List.of(new Item(
                                            "X1-Q001", "s".repeat(1000), List.of("a", "b", "c", "d", "e", "f"), 5))))));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("org.awardinghub.command.qualification.QualificationTest#malformed")
        void givenMalformedContent_whenPublished_thenRefusedNamingTheField(String field, PublishQualification command) {
            fixture.givenNoPriorActivity()
                    .when(command)
                    .expectException(InvalidField.named(field))
                    .expectNoEvents();
        }
    }

    /** Each case breaks one rule of the valid {@link #COMMAND}; the first argument is the field named. */
    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("code", withCode("mvr-l2")),
                Arguments.of("code", withCode("-MVR")),
                Arguments.of("code", withCode("M")),
                Arguments.of("code", withCode("M".repeat(33))),
                Arguments.of("code", withCode("MVR L2")),
                Arguments.of("code", withCode(null)),
                Arguments.of(
                        "title",
                        with(c -> new PublishQualification(c.code(), " ", c.level(), c.units(), c.assessments()))),
                Arguments.of(
                        "title",
                        with(c -> new PublishQualification(
                                c.code(), "t".repeat(201), c.level(), c.units(), c.assessments()))),
                Arguments.of("level", withLevel(0)),
                Arguments.of("level", withLevel(9)),
                Arguments.of("units", withUnits(List.of())),
                Arguments.of("units", withUnits(null)),
                Arguments.of("units[1].code", withUnits(List.of(new UnitSpec("LV01", "A"), new UnitSpec("LV01", "B")))),
                Arguments.of("units[0].code", withUnits(List.of(new UnitSpec("lv01", "A")))),
                Arguments.of(
                        "units[0].criteria",
                        withUnits(List.of(new UnitSpec("LV01", "A", null, true), new UnitSpec("LV02", "B")))),
                Arguments.of(
                        "units[0].criteria[1].code",
                        withUnits(List.of(
                                new UnitSpec(
                                        "LV01",
                                        "A",
                                        List.of(new CriterionSpec("1.1", "x"), new CriterionSpec("1.1", "y")),
                                        true),
                                new UnitSpec("LV02", "B")))),
                Arguments.of(
                        "units[0].criteria[0].text",
                        withUnits(List.of(
                                new UnitSpec("LV01", "A", List.of(new CriterionSpec("1.1", " ")), true),
                                new UnitSpec("LV02", "B")))),
                Arguments.of("units[1].title", withUnits(List.of(new UnitSpec("LV01", "A"), new UnitSpec("LV02", "")))),
                Arguments.of(
                        "assessments",
                        with(c -> new PublishQualification(c.code(), c.title(), c.level(), c.units(), List.of()))),
                Arguments.of(
                        "assessments[1].code",
                        withAssessment(
                                1,
                                a -> new AssessmentSpec(
                                        "LV01-MCQ",
                                        a.title(),
                                        a.unitCode(),
                                        a.questionCount(),
                                        a.durationMinutes(),
                                        a.passPercent(),
                                        a.items()))),
                Arguments.of(
                        "assessments[0].code",
                        withAssessment(
                                0,
                                a -> new AssessmentSpec(
                                        "LV01_MCQ",
                                        a.title(),
                                        a.unitCode(),
                                        a.questionCount(),
                                        a.durationMinutes(),
                                        a.passPercent(),
                                        a.items()))),
                Arguments.of(
                        "assessments[0].title",
                        withAssessment(
                                0,
                                a -> new AssessmentSpec(
                                        a.code(),
                                        null,
                                        a.unitCode(),
                                        a.questionCount(),
                                        a.durationMinutes(),
                                        a.passPercent(),
                                        a.items()))),
                Arguments.of(
                        "assessments[1].unitCode",
                        withAssessment(
                                1,
                                a -> new AssessmentSpec(
                                        a.code(),
                                        a.title(),
                                        "LV09",
                                        a.questionCount(),
                                        a.durationMinutes(),
                                        a.passPercent(),
                                        a.items()))),
                Arguments.of(
                        "assessments[0].questionCount",
                        withAssessment(
                                0,
                                a -> new AssessmentSpec(
                                        a.code(),
                                        a.title(),
                                        a.unitCode(),
                                        0,
                                        a.durationMinutes(),
                                        a.passPercent(),
                                        a.items()))),
                Arguments.of(
                        "assessments[0].questionCount",
                        withAssessment(
                                0,
                                a -> new AssessmentSpec(
                                        a.code(),
                                        a.title(),
                                        a.unitCode(),
                                        4,
                                        a.durationMinutes(),
                                        a.passPercent(),
                                        a.items()))),
                Arguments.of(
                        "assessments[0].durationMinutes",
                        withAssessment(
                                0,
                                a -> new AssessmentSpec(
                                        a.code(),
                                        a.title(),
                                        a.unitCode(),
                                        a.questionCount(),
                                        0,
                                        a.passPercent(),
                                        a.items()))),
                Arguments.of(
                        "assessments[0].durationMinutes",
                        withAssessment(
                                0,
                                a -> new AssessmentSpec(
                                        a.code(),
                                        a.title(),
                                        a.unitCode(),
                                        a.questionCount(),
                                        301,
                                        a.passPercent(),
                                        a.items()))),
                Arguments.of(
                        "assessments[0].passPercent",
                        withAssessment(
                                0,
                                a -> new AssessmentSpec(
                                        a.code(),
                                        a.title(),
                                        a.unitCode(),
                                        a.questionCount(),
                                        a.durationMinutes(),
                                        0,
                                        a.items()))),
                Arguments.of(
                        "assessments[0].passPercent",
                        withAssessment(
                                0,
                                a -> new AssessmentSpec(
                                        a.code(),
                                        a.title(),
                                        a.unitCode(),
                                        a.questionCount(),
                                        a.durationMinutes(),
                                        101,
                                        a.items()))),
                Arguments.of(
                        "assessments[1].items",
                        withAssessment(
                                1,
                                a -> new AssessmentSpec(
                                        a.code(),
                                        a.title(),
                                        a.unitCode(),
                                        1,
                                        a.durationMinutes(),
                                        a.passPercent(),
                                        List.of()))),
                Arguments.of(
                        "assessments[1].items[2].stem",
                        withItem(1, 2, i -> new ItemSpec("  ", i.options(), i.correctOption()))),
                Arguments.of(
                        "assessments[1].items[2].stem",
                        withItem(1, 2, i -> new ItemSpec("s".repeat(1001), i.options(), i.correctOption()))),
                Arguments.of(
                        "assessments[1].items[2].options",
                        withItem(1, 2, i -> new ItemSpec(i.stem(), List.of("only"), 0))),
                Arguments.of(
                        "assessments[1].items[2].options",
                        withItem(1, 2, i -> new ItemSpec(i.stem(), List.of("a", "b", "c", "d", "e", "f", "g"), 0))),
                Arguments.of(
                        "assessments[1].items[2].options[1]",
                        withItem(1, 2, i -> new ItemSpec(i.stem(), List.of("a", " ", "c"), 0))),
                Arguments.of(
                        "assessments[1].items[2].options[2]",
                        withItem(1, 2, i -> new ItemSpec(i.stem(), List.of("mm", "kg", " mm "), 0))),
                Arguments.of(
                        "assessments[1].items[2].correctOption",
                        withItem(1, 2, i -> new ItemSpec(i.stem(), i.options(), 2))),
                Arguments.of(
                        "assessments[1].items[2].correctOption",
                        withItem(1, 2, i -> new ItemSpec(i.stem(), i.options(), -1))));
    }

    static PublishQualification with(UnaryOperator<PublishQualification> change) {
        return change.apply(COMMAND);
    }

    static PublishQualification withCode(String code) {
        return with(c -> new PublishQualification(code, c.title(), c.level(), c.units(), c.assessments()));
    }

    static PublishQualification withLevel(int level) {
        return with(c -> new PublishQualification(c.code(), c.title(), level, c.units(), c.assessments()));
    }

    static PublishQualification withUnits(List<UnitSpec> units) {
        return with(c -> new PublishQualification(c.code(), c.title(), c.level(), units, c.assessments()));
    }

    static PublishQualification withAssessment(int index, UnaryOperator<AssessmentSpec> change) {
        List<AssessmentSpec> assessments = new ArrayList<>(COMMAND.assessments());
        assessments.set(index, change.apply(assessments.get(index)));
        return with(c -> new PublishQualification(c.code(), c.title(), c.level(), c.units(), assessments));
    }

    static PublishQualification withItem(int assessment, int index, UnaryOperator<ItemSpec> change) {
        return withAssessment(assessment, a -> {
            List<ItemSpec> items = new ArrayList<>(a.items());
            items.set(index, change.apply(items.get(index)));
            return new AssessmentSpec(
                    a.code(), a.title(), a.unitCode(), a.questionCount(), a.durationMinutes(), a.passPercent(), items);
        });
    }

    @Nested
    class ChangePassMarkSpec {

        @Test
        void givenPublishedQualification_whenPassMarkChanged_thenOldAndNewAreRecorded() {
            fixture.given(PUBLISHED)
                    .when(new ChangePassMark(CODE, "LV01-MCQ", 75, " Standards review "))
                    .expectEvents(new PassMarkChanged(CODE, "LV01-MCQ", 70, 75, "Standards review"));
        }

        @Test
        void givenPassMarkChanged_whenChangedAgain_thenTheOldMarkIsTheChangedOne() {
            fixture.given(PUBLISHED, new PassMarkChanged(CODE, "LV01-MCQ", 70, 75, "Review"))
                    .when(new ChangePassMark(CODE, "LV01-MCQ", 70, "Review withdrawn"))
                    .expectEvents(new PassMarkChanged(CODE, "LV01-MCQ", 75, 70, "Review withdrawn"));
        }

        @Test
        void givenPublishedQualification_whenPassMarkSetToWhatItIs_thenNothingIsRecorded() {
            fixture.given(PUBLISHED)
                    .when(new ChangePassMark(CODE, "LV02-MCQ", 60, "No change"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void givenPublishedQualification_whenPassMarkOfAnotherQualificationsAssessmentChanged_thenRefused() {
            fixture.given(PUBLISHED)
                    .when(new ChangePassMark(CODE, "HV01-MCQ", 60, "Wrong one"))
                    .expectException(InvalidField.named("assessmentCode"))
                    .expectExceptionMessage("qualification MVR-L2 has no assessment HV01-MCQ");
        }

        @ParameterizedTest
        @ValueSource(ints = {0, 101, -5})
        void givenPublishedQualification_whenPassMarkOutOfRange_thenRefused(int passPercent) {
            fixture.given(PUBLISHED)
                    .when(new ChangePassMark(CODE, "LV01-MCQ", passPercent, "Review"))
                    .expectException(InvalidField.named("passPercent"));
        }

        @Test
        void givenPublishedQualification_whenPassMarkChangedWithoutReason_thenRefused() {
            fixture.given(PUBLISHED)
                    .when(new ChangePassMark(CODE, "LV01-MCQ", 80, ""))
                    .expectException(InvalidField.named("reason"));
        }
    }
}
