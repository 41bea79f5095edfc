package org.awardinghub.query.qualification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awardinghub.query.InProcessMongo.allDocuments;

import com.mongodb.client.MongoDatabase;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import org.awardinghub.events.qualification.PassMarkChanged;
import org.awardinghub.events.qualification.QualificationPublished;
import org.awardinghub.events.qualification.QualificationPublished.Assessment;
import org.awardinghub.events.qualification.QualificationPublished.Item;
import org.awardinghub.events.qualification.QualificationPublished.Unit;
import org.awardinghub.query.InProcessMongo;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class QualificationProjectionTest {

    @RegisterExtension
    static final InProcessMongo mongo = new InProcessMongo();

    private static final String SECRET_STEM = "Which gauge measures brake disc run-out?";
    private static final String SECRET_OPTION = "A dial test indicator";

    private MongoDatabase database;
    private QualificationProjection projection;

    @BeforeEach
    void setUp() {
        database = mongo.freshDatabase();
        projection = new QualificationProjection(database);
    }

    static QualificationPublished published(String code) {
        List<Item> items = List.of(
                new Item("i1", SECRET_STEM, List.of("A feeler gauge", SECRET_OPTION, "A micrometer"), 1),
                new Item("i2", "What does ABS stand for?", List.of("Anti-lock braking system", "Axle balance"), 0),
                new Item("i3", "Tyre tread minimum for cars?", List.of("1.0 mm", "1.6 mm"), 1));
        return new QualificationPublished(
                code,
                "Level 3 Diploma in Light Vehicle Maintenance",
                3,
                List.of(new Unit("LV01", "Health and safety"), new Unit("LV02", "Brakes")),
                List.of(
                        new Assessment("LV01-MC", "Health and safety test", "LV01", 20, 30, 60, items.subList(0, 2)),
                        new Assessment("LV02-MC", "Brakes test", "LV02", 25, 40, 65, items)));
    }

    private QualificationView find(String code) {
        return projection.handle(new FindQualification(code));
    }

    @Test
    void givenNoQualification_whenFound_thenNull() {
        projection.on(published("LV3"), 0);

        assertThat(find("unknown")).isNull();
        assertThat(find(null)).isNull();
    }

    @Test
    void givenPublished_whenFound_thenUnitsAndAssessmentsWithItemBankSizes() {
        projection.on(published("LV3"), 0);

        assertThat(find("LV3"))
                .isEqualTo(new QualificationView(
                        "LV3",
                        "Level 3 Diploma in Light Vehicle Maintenance",
                        3,
                        List.of(
                                new QualificationView.Unit("LV01", "Health and safety"),
                                new QualificationView.Unit("LV02", "Brakes")),
                        List.of(
                                new QualificationView.Assessment(
                                        "LV01-MC", "Health and safety test", "LV01", 20, 30, 60, 2),
                                new QualificationView.Assessment("LV02-MC", "Brakes test", "LV02", 25, 40, 65, 3))));
    }

    @Test
    void givenPublished_thenStoredDocumentHoldsNoItemNorAnswer() {
        projection.on(published("LV3"), 0);

        String stored = allDocuments(database, QualificationProjection.COLLECTION)
                .get(0)
                .toJson();
        assertThat(stored)
                .doesNotContain(SECRET_STEM, SECRET_OPTION, "\"items\"", "correctOption", "options", "stem", "itemId");
    }

    @Test
    void qualificationViewHasNoComponentForItemsOrAnswers() {
        List<String> names = Arrays.stream(QualificationView.Assessment.class.getRecordComponents())
                .map(RecordComponent::getName)
                .toList();

        assertThat(names).doesNotContain("items", "correctOption", "options", "answerKey");
        assertThat(names).contains("itemBankSize");
    }

    @Test
    void givenPublished_whenPassMarkChanged_thenOnlyThatAssessmentChanges() {
        projection.on(published("LV3"), 0);

        projection.on(new PassMarkChanged("LV3", "LV02-MC", 65, 70, "national standard raised"), 1);

        assertThat(find("LV3").assessments())
                .extracting(QualificationView.Assessment::passPercent)
                .containsExactly(60, 70);
    }

    @Test
    void givenPassMarkChangedTwice_whenOlderChangeRedelivered_thenLatestKept() {
        projection.on(published("LV3"), 0);
        projection.on(new PassMarkChanged("LV3", "LV02-MC", 65, 70, "raised"), 1);
        projection.on(new PassMarkChanged("LV3", "LV02-MC", 70, 68, "moderated"), 2);
        List<Document> before = allDocuments(database, QualificationProjection.COLLECTION);

        projection.on(new PassMarkChanged("LV3", "LV02-MC", 65, 70, "raised"), 1);

        assertThat(find("LV3").assessments().get(1).passPercent()).isEqualTo(68);
        assertThat(allDocuments(database, QualificationProjection.COLLECTION)).isEqualTo(before);
    }

    @Test
    void givenQualifications_whenListed_thenOrderedByCode() {
        projection.on(published("MV3"), 0);
        projection.on(published("AC2"), 0);
        projection.on(published("HV4"), 0);

        assertThat(projection.handle(new ListQualifications()))
                .extracting(QualificationView::code)
                .containsExactly("AC2", "HV4", "MV3");
    }

    @Test
    void givenQualification_whenReset_thenCatalogueEmpty() {
        projection.on(published("MV3"), 0);

        projection.reset();

        assertThat(projection.handle(new ListQualifications())).isEmpty();
    }
}
