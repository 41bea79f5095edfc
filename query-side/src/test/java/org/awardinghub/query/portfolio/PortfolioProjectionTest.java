package org.awardinghub.query.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awardinghub.query.InProcessMongo.allDocuments;

import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.awardinghub.events.PersonalData;
import org.awardinghub.events.portfolio.AssessorAssigned;
import org.awardinghub.events.portfolio.EvidenceJudged;
import org.awardinghub.events.portfolio.EvidenceJudged.CriterionJudgement;
import org.awardinghub.events.portfolio.EvidenceUploaded;
import org.awardinghub.events.portfolio.IqaAssigned;
import org.awardinghub.events.portfolio.UnitSentBack;
import org.awardinghub.events.portfolio.UnitSignedOff;
import org.awardinghub.events.portfolio.UploadedBy;
import org.awardinghub.events.qualification.QualificationPublished;
import org.awardinghub.events.qualification.QualificationPublished.Criterion;
import org.awardinghub.events.qualification.QualificationPublished.Unit;
import org.awardinghub.query.ErasureCheck;
import org.awardinghub.query.ErasureStory;
import org.awardinghub.query.History;
import org.awardinghub.query.History.Recorded;
import org.awardinghub.query.InProcessMongo;
import org.awardinghub.query.Processor;
import org.awardinghub.query.portfolio.PortfolioQueries.AssessorWorkloads;
import org.awardinghub.query.portfolio.PortfolioQueries.FindPortfolio;
import org.awardinghub.query.portfolio.PortfolioQueries.ListAssessorQueue;
import org.awardinghub.query.portfolio.PortfolioQueries.ListCentreProgress;
import org.awardinghub.query.portfolio.PortfolioQueries.ListIqaQueue;
import org.awardinghub.query.portfolio.PortfolioViews.AssessorWorkload;
import org.awardinghub.query.portfolio.PortfolioViews.AwaitingJudgement;
import org.awardinghub.query.portfolio.PortfolioViews.EvidenceVersionView;
import org.awardinghub.query.portfolio.PortfolioViews.PortfolioView;
import org.awardinghub.query.portfolio.PortfolioViews.UnitView;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A candidate's portfolio, the assessor's and IQA's queues and the centre's progress, as events arrive. */
class PortfolioProjectionTest {

    @RegisterExtension
    static final InProcessMongo mongo = new InProcessMongo();

    static final Instant START = Instant.parse("2026-11-01T09:00:00Z");
    static final Clock LATER = Clock.fixed(START.plus(Duration.ofDays(3)), ZoneOffset.UTC);
    static final String CANDIDATE = "candidate-1";
    static final String PORTFOLIO = "portfolio-candidate-1";
    static final String CENTRE = "centre-1";

    MongoDatabase database;
    PortfolioProjection projection;
    Processor processor;

    @BeforeEach
    void setUp() {
        database = mongo.freshDatabase();
        projection = new PortfolioProjection(database, LATER);
        processor = new Processor(projection);
    }

    static EvidenceUploaded uploaded(String evidenceId, int version, String unit, String sha) {
        return new EvidenceUploaded(
                CANDIDATE,
                CENTRE,
                "EPF",
                evidenceId,
                version,
                unit,
                List.of("1.1"),
                "Sheet",
                "sheet.pdf",
                "application/pdf",
                10,
                sha,
                "user-candidate",
                "33333333",
                UploadedBy.CANDIDATE,
                START.plus(Duration.ofHours(version)));
    }

    static EvidenceJudged judged(String evidenceId, int version, String unit, boolean met, String... codes) {
        return new EvidenceJudged(
                CANDIDATE,
                CENTRE,
                evidenceId,
                version,
                unit,
                List.of(codes).stream()
                        .map(code -> new CriterionJudgement(code, met))
                        .toList(),
                "ok",
                "user-assessor",
                "11111111",
                START.plus(Duration.ofDays(1)));
    }

    /** Two portfolio units of two and one criteria; the candidate uploads, the assessor judges and signs U1 off. */
    static List<Recorded> signedOffHistory() {
        return new History(START)
                .then(
                        "EPF",
                        new QualificationPublished(
                                "EPF",
                                "Diagnostics",
                                3,
                                List.of(
                                        new Unit(
                                                "U1",
                                                "Inspection",
                                                List.of(new Criterion("1.1", "a"), new Criterion("1.2", "b")),
                                                true),
                                        new Unit("U2", "Repair", List.of(new Criterion("2.1", "c")), true),
                                        new Unit("U3", "Knowledge")),
                                List.of()))
                .then(
                        PORTFOLIO,
                        new AssessorAssigned(CANDIDATE, CENTRE, "EPF", "user-assessor", "11111111", null, null))
                .then(PORTFOLIO, new IqaAssigned(CANDIDATE, CENTRE, "EPF", "user-iqa", "22222222", null))
                .then(PORTFOLIO, uploaded("ev-1", 1, "U1", "a".repeat(64)))
                .then(PORTFOLIO, uploaded("ev-1", 2, "U1", "b".repeat(64)))
                .then(PORTFOLIO, uploaded("ev-2", 1, "U2", "c".repeat(64)))
                .then(PORTFOLIO, judged("ev-1", 2, "U1", true, "1.1", "1.2"))
                .then(
                        PORTFOLIO,
                        new UnitSignedOff(
                                CANDIDATE,
                                CENTRE,
                                "EPF",
                                "U1",
                                "user-assessor",
                                "11111111",
                                1,
                                100,
                                true,
                                START.plus(Duration.ofDays(2))))
                .events();
    }

    @Test
    void givenJudgedAndSignedOff_whenRead_thenProgressVersionsAndQueues() {
        processor.deliver(signedOffHistory());

        PortfolioView portfolio = projection.handle(new FindPortfolio(CANDIDATE));
        assertThat(portfolio.criteriaTotal()).isEqualTo(3);
        assertThat(portfolio.criteriaMet()).isEqualTo(2);
        assertThat(portfolio.percentMet()).isEqualTo(66);
        assertThat(portfolio.unitsSignedOff()).isEqualTo(1);
        assertThat(portfolio.units()).extracting(u -> u.unitCode()).containsExactly("U1", "U2");
        assertThat(portfolio.evidence().get(0).versions())
                .extracting(v -> v.sha256())
                .containsExactly("a".repeat(64), "b".repeat(64));

        List<AwaitingJudgement> queue = projection.handle(new ListAssessorQueue("user-assessor"));
        assertThat(queue).extracting(AwaitingJudgement::evidenceId).containsExactly("ev-2");
        assertThat(queue.get(0).ageDays()).isEqualTo(2);
        assertThat(projection.handle(new ListIqaQueue("user-iqa")))
                .extracting(s -> s.unitCode())
                .containsExactly("U1");
        assertThat(projection.handle(new ListCentreProgress(CENTRE)))
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.percentMet()).isEqualTo(66);
                    assertThat(p.awaitingJudgement()).isEqualTo(1);
                    assertThat(p.samplesDue()).isEqualTo(1);
                });
        assertThat(projection.handle(new AssessorWorkloads(CENTRE)))
                .containsExactly(
                        new AssessorWorkload("user-assessor", 1, 2, 0), new AssessorWorkload("user-iqa", 0, 0, 1));
    }

    /** The fields and value types every earlier version stored, so that existing databases read without a rebuild. */
    @Test
    void givenJudgedAndSignedOff_whenStored_thenTheFieldsAndTypesAsEverStored() {
        processor.deliver(signedOffHistory());

        Document portfolio =
                allDocuments(database, PortfolioProjection.PORTFOLIOS).get(0);
        assertThat(portfolio.keySet())
                .containsExactly(
                        "_id",
                        "seq",
                        "candidateId",
                        "qualificationCode",
                        "assessorUserId",
                        "assessorPin",
                        "iqaUserId",
                        "iqaPin",
                        "units",
                        "evidence",
                        "centreId",
                        "gaps");
        assertThat(portfolio.getString("candidateId")).isEqualTo(CANDIDATE);
        Document unit = portfolio.getList("units", Document.class).get(0);
        assertThat(unit)
                .containsEntry("signedOff", true)
                .containsEntry("signedOffAt", Date.from(START.plus(Duration.ofDays(2))))
                .containsEntry("sampleStatus", "DUE")
                .containsEntry("sampleFeedback", null);
        assertThat(unit.getList("criteria", Document.class).get(0))
                .isEqualTo(new Document("code", "1.1").append("text", "a").append("met", true));
        Document piece = portfolio.getList("evidence", Document.class).get(0);
        assertThat(piece.keySet()).containsExactly("evidenceId", "unitCode", "versions", "judgements");
        assertThat(piece.getList("versions", Document.class).get(0))
                .containsEntry("version", 1)
                .containsEntry("size", 10L)
                .containsEntry("uploadedBy", "CANDIDATE")
                .containsEntry("uploadedAt", Date.from(START.plus(Duration.ofHours(1))));
        assertThat(piece.getList("judgements", Document.class).get(0).get("criteria"))
                .isEqualTo(List.of(
                        new Document("code", "1.1").append("met", true),
                        new Document("code", "1.2").append("met", true)));
        assertThat(allDocuments(database, PortfolioProjection.QUALIFICATIONS)
                        .get(0)
                        .getList("units", Document.class))
                .first()
                .isEqualTo(new Document("unitCode", "U1")
                        .append("title", "Inspection")
                        .append(
                                "criteria",
                                List.of(
                                        new Document("code", "1.1").append("text", "a"),
                                        new Document("code", "1.2").append("text", "b"))));
    }

    @Test
    void givenTheIqaSendsTheUnitBack_whenRead_thenNotSignedOffCriteriaUnmetAndNoSampleDue() {
        List<Recorded> history = new java.util.ArrayList<>(signedOffHistory());
        history.add(new Recorded(
                PORTFOLIO,
                7,
                START.plus(Duration.ofDays(2)),
                new UnitSentBack(
                        CANDIDATE,
                        CENTRE,
                        "U1",
                        "11111111",
                        "user-iqa",
                        "22222222",
                        "Photos unclear",
                        START.plus(Duration.ofDays(2))),
                Map.of(),
                history.size() + 1L));
        processor.deliver(history);

        PortfolioView portfolio = projection.handle(new FindPortfolio(CANDIDATE));
        assertThat(portfolio.unitsSignedOff()).isZero();
        assertThat(portfolio.criteriaMet()).isZero();
        assertThat(portfolio.units().get(0).sampleStatus()).isEqualTo("SENT_BACK");
        assertThat(projection.handle(new ListIqaQueue("user-iqa"))).isEmpty();
    }

    @Test
    void givenEveryEventDeliveredTwice_whenStored_thenAsIfDeliveredOnce() {
        processor.deliver(signedOffHistory());
        List<Document> once = allDocuments(database, PortfolioProjection.PORTFOLIOS);
        MongoDatabase twice = mongo.freshDatabase();
        Processor twiceProcessor = new Processor(new PortfolioProjection(twice, LATER));
        signedOffHistory().forEach(event -> {
            twiceProcessor.deliver(event);
            twiceProcessor.deliver(event);
        });
        assertThat(allDocuments(twice, PortfolioProjection.PORTFOLIOS))
                .isNotEmpty()
                .isEqualTo(once);
    }

    @Test
    void givenAReset_whenReplayed_thenRebuiltTheSame() {
        processor.deliver(signedOffHistory());
        List<Document> built = allDocuments(database, PortfolioProjection.PORTFOLIOS);
        processor.reset();
        assertThat(allDocuments(database, PortfolioProjection.PORTFOLIOS)).isEmpty();
        processor.deliver(signedOffHistory());
        assertThat(allDocuments(database, PortfolioProjection.PORTFOLIOS)).isEqualTo(built);
    }

    /**
     * ADR 0165: the units, judgements and sign-offs stay; every description, file name, hash and feedback reads
     * "(erased)".
     */
    @Test
    void givenPortfolioJudgedSignedOffAndSampled_whenCandidateErased_thenProgressStaysAndTheWordsAndFilesAreGone() {
        MongoDatabase erased = ErasureCheck.erasesAndReplaysAlike(
                mongo,
                database -> new Object[] {new PortfolioProjection(database, LATER)},
                PortfolioProjection.PORTFOLIOS);

        PortfolioView portfolio = new PortfolioProjection(erased, LATER).handle(new FindPortfolio(ErasureStory.ERASED));
        assertThat(portfolio.criteriaMet()).isEqualTo(1);
        assertThat(portfolio.units())
                .extracting(UnitView::unitCode, UnitView::signedOff, UnitView::sampleStatus, UnitView::sampleFeedback)
                .containsExactly(
                        tuple("U1", true, "AGREED", PersonalData.ERASED),
                        tuple("U2", false, "SENT_BACK", PersonalData.ERASED));
        assertThat(portfolio.evidence())
                .flatExtracting(evidence -> evidence.versions())
                .extracting(
                        EvidenceVersionView::description,
                        EvidenceVersionView::fileName,
                        EvidenceVersionView::sha256,
                        EvidenceVersionView::mediaType)
                .containsOnly(tuple(PersonalData.ERASED, PersonalData.ERASED, PersonalData.ERASED, "image/jpeg"));
        assertThat(portfolio.evidence())
                .flatExtracting(evidence -> evidence.judgements())
                .extracting(judgement -> judgement.feedback())
                .containsOnly(PersonalData.ERASED);
        assertThat(new PortfolioProjection(erased, LATER)
                        .handle(new FindPortfolio(ErasureStory.KEPT))
                        .evidence()
                        .get(0)
                        .versions()
                        .get(0)
                        .fileName())
                .isEqualTo("sheet-anne.pdf");
    }
}
