package org.awardinghub.command.qualification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.awardinghub.command.LookupDatabase;
import org.awardinghub.events.qualification.QualificationPublished;
import org.awardinghub.events.qualification.QualificationPublished.Assessment;
import org.awardinghub.events.qualification.QualificationPublished.Item;
import org.awardinghub.events.qualification.QualificationPublished.Unit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;

class QualificationDirectoryTest {

    LookupDatabase database;
    QualificationDirectory catalogue;

    @BeforeEach
    void setUp() {
        database = LookupDatabase.create();
        catalogue = database.lookup(QualificationDirectory.class);
    }

    @AfterEach
    void tearDown() {
        database.close();
    }

    static QualificationPublished published(String code, String... assessmentCodes) {
        List<Assessment> assessments = List.of(assessmentCodes).stream()
                .map(a -> new Assessment(
                        a, a, "U1", 1, 30, 70, List.of(new Item(a + "-Q001", "?", List.of("x", "y"), 0))))
                .toList();
        return new QualificationPublished(code, code, 2, List.of(new Unit("U1", "Unit")), assessments);
    }

    @Test
    void givenEmptyCatalogue_whenAsked_thenNothingExists() {
        assertThat(catalogue.exists("MVR-L2")).isFalse();
        assertThat(catalogue.assessmentCodeTaken("LV01-MCQ")).isFalse();
    }

    @Test
    void givenQualificationPublished_whenAsked_thenItAndItsAssessmentCodesAreKnown() {
        database.apply(published("MVR-L2", "LV01-MCQ", "LV02-MCQ"));
        assertThat(catalogue.exists("MVR-L2")).isTrue();
        assertThat(catalogue.assessmentCodeTaken("LV01-MCQ")).isTrue();
        assertThat(catalogue.assessmentCodeTaken("LV02-MCQ")).isTrue();
        assertThat(catalogue.exists("MVR-L3")).isFalse();
        assertThat(catalogue.assessmentCodeTaken("LV03-MCQ")).isFalse();
        assertThat(database.jdbc()
                        .queryForObject(
                                "SELECT qualification_code FROM assessment_catalogue WHERE assessment_code = 'LV02-MCQ'",
                                String.class))
                .isEqualTo("MVR-L2");
    }

    @Test
    void givenQualificationPublished_whenPublishedAgain_thenTheWriteFails() {
        database.apply(published("MVR-L2", "LV01-MCQ"));
        assertThatThrownBy(() -> database.apply(published("MVR-L2", "LV09-MCQ")))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void givenAssessmentCodeTaken_whenAnotherQualificationUsesIt_thenTheWriteFails() {
        database.apply(published("MVR-L2", "LV01-MCQ"));
        assertThatThrownBy(() -> database.apply(published("MVR-L3", "LV01-MCQ")))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void givenQualificationsPublished_whenAskedForTheAssessmentsOfOne_thenItsOwnInCodeOrder() {
        database.apply(published("MVR-L2", "LV02-MCQ", "LV01-MCQ", "LV03-MCQ"));
        database.apply(published("MVR-L3", "LV11-MCQ"));

        assertThat(catalogue.assessmentsOf("MVR-L2")).containsExactly("LV01-MCQ", "LV02-MCQ", "LV03-MCQ");
        assertThat(catalogue.assessmentsOf("MVR-L3")).containsExactly("LV11-MCQ");
        assertThat(catalogue.assessmentsOf("HEV-L3")).isEmpty();
    }
}
