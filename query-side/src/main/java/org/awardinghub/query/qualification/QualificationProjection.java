package org.awardinghub.query.qualification;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Sorts.ascending;
import static com.mongodb.client.model.Updates.set;
import static org.awardinghub.query.ReadModelCollection.ID;
import static org.awardinghub.query.ReadModelCollection.orEmpty;

import com.mongodb.client.MongoDatabase;
import java.util.List;
import org.awardinghub.events.qualification.PassMarkChanged;
import org.awardinghub.events.qualification.QualificationPublished;
import org.awardinghub.query.Page;
import org.awardinghub.query.ReadModelCollection;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * The qualification catalogue: one document per qualification in {@value #COLLECTION}, keyed by code.
 * The item bank and its answer key stay in the event store: the document keeps only each bank's size.
 */
@Component
@ProcessingGroup("catalogue")
public class QualificationProjection {

    public static final String COLLECTION = "qualifications";

    private final ReadModelCollection qualifications;

    public QualificationProjection(MongoDatabase database) {
        this.qualifications = new ReadModelCollection(database, COLLECTION);
    }

    @EventHandler
    void on(QualificationPublished event, @SequenceNumber long sequence) {
        List<Document> units = orEmpty(event.units()).stream()
                .map(unit -> new Document("code", unit.code())
                        .append("title", unit.title())
                        .append("portfolio", unit.portfolio())
                        .append(
                                "criteria",
                                unit.criteriaOrEmpty().stream()
                                        .map(c -> new Document("code", c.code()).append("text", c.text()))
                                        .toList()))
                .toList();
        List<Document> assessments = orEmpty(event.assessments()).stream()
                .map(assessment -> new Document("code", assessment.code())
                        .append("title", assessment.title())
                        .append("unitCode", assessment.unitCode())
                        .append("questionCount", assessment.questionCount())
                        .append("durationMinutes", assessment.durationMinutes())
                        .append("passPercent", assessment.passPercent())
                        .append("itemBankSize", orEmpty(assessment.items()).size()))
                .toList();
        qualifications.insert(
                event.code(),
                sequence,
                new Document()
                        .append("title", event.title())
                        .append("level", event.level())
                        .append("units", units)
                        .append("assessments", assessments));
    }

    @EventHandler
    void on(PassMarkChanged event, @SequenceNumber long sequence) {
        // the condition selects the assessment that the positional $ then addresses
        qualifications.update(
                event.qualificationCode(),
                sequence,
                eq("assessments.code", event.assessmentCode()),
                set("assessments.$.passPercent", event.passPercent()));
    }

    @ResetHandler
    void reset() {
        qualifications.deleteAll();
    }

    @QueryHandler
    List<QualificationView> handle(ListQualifications query) {
        return qualifications.list(new Document(), ascending(ID), QualificationProjection::toView);
    }

    /** Declared raw: Axon matches {@code ResponseTypes.instanceOf(Page.class)} only against a plain class. */
    @QueryHandler
    @SuppressWarnings("rawtypes")
    Page handle(PageQualifications query) {
        return qualifications.page(
                new Document(), ascending(ID), query.page(), query.size(), QualificationProjection::toView);
    }

    @QueryHandler
    QualificationView handle(FindQualification query) {
        Document qualification = qualifications.find(query.code());
        return qualification == null ? null : toView(qualification);
    }

    private static QualificationView toView(Document qualification) {
        List<QualificationView.Unit> units = qualification.getList("units", Document.class, List.of()).stream()
                .map(unit -> new QualificationView.Unit(
                        unit.getString("code"),
                        unit.getString("title"),
                        unit.getBoolean("portfolio", false),
                        unit.getList("criteria", Document.class, List.of()).stream()
                                .map(c -> new QualificationView.Criterion(c.getString("code"), c.getString("text")))
                                .toList()))
                .toList();
        List<QualificationView.Assessment> assessments =
                qualification.getList("assessments", Document.class, List.of()).stream()
                        .map(assessment -> new QualificationView.Assessment(
                                assessment.getString("code"),
                                assessment.getString("title"),
                                assessment.getString("unitCode"),
                                assessment.getInteger("questionCount", 0),
                                assessment.getInteger("durationMinutes", 0),
                                assessment.getInteger("passPercent", 0),
                                assessment.getInteger("itemBankSize", 0)))
                        .toList();
        return new QualificationView(
                qualification.getString(ID),
                qualification.getString("title"),
                qualification.getInteger("level", 0),
                units,
                assessments);
    }
}
