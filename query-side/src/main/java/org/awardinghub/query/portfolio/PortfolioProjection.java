package org.awardinghub.query.portfolio;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Sorts.ascending;
import static org.awardinghub.query.ReadModelCollection.ID;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.awardinghub.events.candidate.CandidateErased;
import org.awardinghub.events.portfolio.AssessorAssigned;
import org.awardinghub.events.portfolio.EvidenceJudged;
import org.awardinghub.events.portfolio.EvidenceUploaded;
import org.awardinghub.events.portfolio.IqaAssigned;
import org.awardinghub.events.portfolio.UnitSampleAgreed;
import org.awardinghub.events.portfolio.UnitSentBack;
import org.awardinghub.events.portfolio.UnitSignedOff;
import org.awardinghub.events.qualification.QualificationPublished;
import org.awardinghub.query.DocumentMapper;
import org.awardinghub.query.Page;
import org.awardinghub.query.ReadModelCollection;
import org.awardinghub.query.portfolio.PortfolioQueries.AssessorWorkloads;
import org.awardinghub.query.portfolio.PortfolioQueries.FindPortfolio;
import org.awardinghub.query.portfolio.PortfolioQueries.ListAssessorQueue;
import org.awardinghub.query.portfolio.PortfolioQueries.ListCentreProgress;
import org.awardinghub.query.portfolio.PortfolioQueries.ListIqaQueue;
import org.awardinghub.query.portfolio.PortfolioQueries.PageAssessorQueue;
import org.awardinghub.query.portfolio.PortfolioQueries.PageCentreProgress;
import org.awardinghub.query.portfolio.PortfolioQueries.PageIqaQueue;
import org.awardinghub.query.portfolio.PortfolioViews.AssessorWorkload;
import org.awardinghub.query.portfolio.PortfolioViews.AwaitingJudgement;
import org.awardinghub.query.portfolio.PortfolioViews.CriterionJudged;
import org.awardinghub.query.portfolio.PortfolioViews.EvidenceVersionView;
import org.awardinghub.query.portfolio.PortfolioViews.JudgementView;
import org.awardinghub.query.portfolio.PortfolioViews.PortfolioProgress;
import org.awardinghub.query.portfolio.PortfolioViews.PortfolioView;
import org.awardinghub.query.portfolio.PortfolioViews.SampleDue;
import org.awardinghub.query.portfolio.PortfolioViews.UnitView;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * The ePortfolio read models, kept by one processor segment in global event order:
 * <ul>
 *   <li>{@value #QUALIFICATIONS} ({@code _id} = qualification code, a {@link PortfolioQualification}): the units
 *       each qualification assesses by portfolio, with their criteria, so that a portfolio lists its units from its
 *       first event on;</li>
 *   <li>{@value #PORTFOLIOS} ({@code _id} = candidate id, a {@link PortfolioDocument}): the candidate's assessor and
 *       IQA, their units (each criterion met or not, sign-off, sampling) and every piece of evidence with all its
 *       versions, hashes and judgements. Progress, queues and workloads are computed from it when asked.</li>
 * </ul>
 * Each document is written as a whole ({@link ReadModelCollection#replaceAfter}) guarded by the processor's token:
 * an event delivered again changes nothing, and a late one (committed after events with higher global positions)
 * is still applied. A replay starts from empty collections ({@link #reset}).
 */
@Component
@ProcessingGroup(PortfolioProjection.PROCESSING_GROUP)
class PortfolioProjection {

    /** One segment: a portfolio needs its qualification's units, published earlier in global order. */
    public static final String PROCESSING_GROUP = "portfolio";

    public static final String QUALIFICATIONS = "portfolio_qualifications";
    public static final String PORTFOLIOS = "portfolios";

    private static final String CENTRE_ID = "centreId";
    private static final String ASSESSOR_USER_ID = "assessorUserId";
    private static final String IQA_USER_ID = "iqaUserId";

    private static final DocumentMapper<PortfolioQualification> QUALIFICATION =
            DocumentMapper.of(PortfolioQualification.class);
    private static final DocumentMapper<PortfolioDocument> PORTFOLIO = DocumentMapper.of(PortfolioDocument.class);

    private final ReadModelCollection qualifications;
    private final ReadModelCollection portfolios;
    private final Clock clock;

    public PortfolioProjection(MongoDatabase database, Clock clock) {
        this.qualifications = new ReadModelCollection(database, QUALIFICATIONS);
        this.portfolios = new ReadModelCollection(database, PORTFOLIOS);
        this.clock = clock;
        portfolios.ensureIndex(Indexes.ascending(CENTRE_ID));
        portfolios.ensureIndex(Indexes.ascending(ASSESSOR_USER_ID));
        portfolios.ensureIndex(Indexes.ascending(IQA_USER_ID));
    }

    @EventHandler
    void on(QualificationPublished event, TrackingToken token) {
        List<PortfolioQualification.Unit> units = event.units().stream()
                .filter(QualificationPublished.Unit::portfolio)
                .map(unit -> new PortfolioQualification.Unit(
                        unit.code(),
                        unit.title(),
                        unit.criteriaOrEmpty().stream()
                                .map(criterion ->
                                        new PortfolioQualification.Criterion(criterion.code(), criterion.text()))
                                .toList()))
                .toList();
        if (!units.isEmpty()) {
            qualifications.replaceAfter(
                    event.code(),
                    token,
                    stored -> QUALIFICATION.toDocument(new PortfolioQualification(event.code(), units)));
        }
    }

    @EventHandler
    void on(AssessorAssigned event, TrackingToken token) {
        change(
                event.candidateId(),
                event.centreId(),
                event.qualificationCode(),
                token,
                portfolio -> portfolio.assessedBy(event.assessorUserId(), event.assessorPin()));
    }

    @EventHandler
    void on(IqaAssigned event, TrackingToken token) {
        change(
                event.candidateId(),
                event.centreId(),
                event.qualificationCode(),
                token,
                portfolio -> portfolio.assuredBy(event.iqaUserId(), event.iqaPin()));
    }

    @EventHandler
    void on(EvidenceUploaded event, TrackingToken token) {
        EvidenceVersionView version = new EvidenceVersionView(
                event.version(),
                event.criteria(),
                event.description(),
                event.fileName(),
                event.mediaType(),
                event.size(),
                event.sha256(),
                event.uploadedBy().name(),
                event.uploadedByPin(),
                event.uploadedAt());
        change(
                event.candidateId(),
                event.centreId(),
                event.qualificationCode(),
                token,
                portfolio -> portfolio.uploaded(event.evidenceId(), event.unitCode(), version));
    }

    @EventHandler
    void on(EvidenceJudged event, TrackingToken token) {
        JudgementView judgement = new JudgementView(
                event.version(),
                event.criteria().stream()
                        .map(c -> new CriterionJudged(c.code(), c.met()))
                        .toList(),
                event.feedback(),
                event.assessorPin(),
                event.judgedAt());
        change(
                event.candidateId(),
                event.centreId(),
                null,
                token,
                portfolio -> portfolio.judged(event.evidenceId(), event.unitCode(), judgement));
    }

    @EventHandler
    void on(UnitSignedOff event, TrackingToken token) {
        change(
                event.candidateId(),
                event.centreId(),
                event.qualificationCode(),
                token,
                portfolio -> portfolio.withUnit(
                        event.unitCode(),
                        unit -> unit.signedOff(event.signedOffAt(), event.assessorPin(), event.sampled())));
    }

    @EventHandler
    void on(UnitSampleAgreed event, TrackingToken token) {
        change(
                event.candidateId(),
                event.centreId(),
                null,
                token,
                portfolio -> portfolio.withUnit(event.unitCode(), unit -> unit.sampleAgreed(event.feedback())));
    }

    /** The unit is signed off no longer, and every criterion needs a fresh judgement. */
    @EventHandler
    void on(UnitSentBack event, TrackingToken token) {
        change(
                event.candidateId(),
                event.centreId(),
                null,
                token,
                portfolio -> portfolio.withUnit(event.unitCode(), unit -> unit.sentBack(event.feedback())));
    }

    /**
     * The candidate erased (ADR 0165): their portfolio keeps its units, judgements and sign-offs, with every
     * description, file name, SHA-256 and feedback "(erased)". Guarded by the token as every write here, so that a
     * replay, which reads the erased values from the events, writes the same document.
     */
    @EventHandler
    void on(CandidateErased event, TrackingToken token) {
        if (portfolios.find(event.candidateId()) != null) {
            portfolios.replaceAfter(
                    event.candidateId(), token, PORTFOLIO.changing(PortfolioDocument::withoutPersonalData));
        }
    }

    @ResetHandler
    void reset() {
        qualifications.deleteAll();
        portfolios.deleteAll();
    }

    @QueryHandler
    PortfolioView handle(FindPortfolio query) {
        PortfolioDocument portfolio = PORTFOLIO.fromDocument(portfolios.find(query.candidateId()));
        return portfolio == null ? null : portfolio.view();
    }

    @QueryHandler
    List<AwaitingJudgement> handle(ListAssessorQueue query) {
        return assessorQueue(query.assessorUserId());
    }

    /**
     * The queue's items are gathered from several portfolios and ordered by upload, so the page is cut from the
     * queue as gathered. Declared raw: Axon matches {@code ResponseTypes.instanceOf(Page.class)} only against a
     * plain class.
     */
    @QueryHandler
    @SuppressWarnings("rawtypes")
    Page handle(PageAssessorQueue query) {
        return Page.slice(assessorQueue(query.assessorUserId()), query.page(), query.size());
    }

    private List<AwaitingJudgement> assessorQueue(String assessorUserId) {
        Instant now = clock.instant();
        return portfolios.list(eq(ASSESSOR_USER_ID, assessorUserId), ascending(ID), PortfolioProjection::view).stream()
                .flatMap(portfolio -> awaiting(portfolio, now).stream())
                .sorted(Comparator.comparing(AwaitingJudgement::uploadedAt)
                        .thenComparing(AwaitingJudgement::candidateId)
                        .thenComparing(AwaitingJudgement::evidenceId))
                .toList();
    }

    @QueryHandler
    List<SampleDue> handle(ListIqaQueue query) {
        return iqaQueue(query.iqaUserId());
    }

    /** Cut from the queue as gathered, as {@link #handle(PageAssessorQueue)} is. */
    @QueryHandler
    @SuppressWarnings("rawtypes")
    Page handle(PageIqaQueue query) {
        return Page.slice(iqaQueue(query.iqaUserId()), query.page(), query.size());
    }

    private List<SampleDue> iqaQueue(String iqaUserId) {
        Instant now = clock.instant();
        return portfolios.list(eq(IQA_USER_ID, iqaUserId), ascending(ID), PortfolioProjection::view).stream()
                .flatMap(portfolio -> samplesDue(portfolio, now).stream())
                .sorted(Comparator.comparing(SampleDue::signedOffAt)
                        .thenComparing(SampleDue::candidateId)
                        .thenComparing(SampleDue::unitCode))
                .toList();
    }

    @QueryHandler
    List<PortfolioProgress> handle(ListCentreProgress query) {
        Instant now = clock.instant();
        return portfolios.list(eq(CENTRE_ID, query.centreId()), ascending(ID), document -> progress(document, now));
    }

    /** A page of the centre's portfolios, each with its progress. */
    @QueryHandler
    @SuppressWarnings("rawtypes")
    Page handle(PageCentreProgress query) {
        Instant now = clock.instant();
        return portfolios.page(
                eq(CENTRE_ID, query.centreId()),
                ascending(ID),
                query.page(),
                query.size(),
                document -> progress(document, now));
    }

    private static PortfolioProgress progress(Document document, Instant now) {
        PortfolioView p = view(document);
        return new PortfolioProgress(
                p.candidateId(),
                p.qualificationCode(),
                p.assessorUserId(),
                p.iqaUserId(),
                p.percentMet(),
                p.unitsSignedOff(),
                p.unitsTotal(),
                awaiting(p, now).size(),
                samplesDue(p, now).size());
    }

    @QueryHandler
    List<AssessorWorkload> handle(AssessorWorkloads query) {
        Instant now = clock.instant();
        Map<String, long[]> sums = new LinkedHashMap<>(); // awaiting, oldest days, samples due
        for (PortfolioView portfolio :
                portfolios.list(eq(CENTRE_ID, query.centreId()), ascending(ID), PortfolioProjection::view)) {
            List<AwaitingJudgement> awaiting = awaiting(portfolio, now);
            if (portfolio.assessorUserId() != null && !awaiting.isEmpty()) {
                long[] sum = sums.computeIfAbsent(portfolio.assessorUserId(), id -> new long[3]);
                sum[0] += awaiting.size();
                sum[1] = Math.max(
                        sum[1],
                        awaiting.stream()
                                .mapToLong(AwaitingJudgement::ageDays)
                                .max()
                                .orElse(0));
            }
            int due = samplesDue(portfolio, now).size();
            if (portfolio.iqaUserId() != null && due > 0) {
                sums.computeIfAbsent(portfolio.iqaUserId(), id -> new long[3])[2] += due;
            }
        }
        return sums.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e ->
                        new AssessorWorkload(e.getKey(), (int) e.getValue()[0], e.getValue()[1], (int) e.getValue()[2]))
                .toList();
    }

    /** Evidence whose latest version has no judgement yet, in a unit not signed off. */
    private static List<AwaitingJudgement> awaiting(PortfolioView portfolio, Instant now) {
        List<String> signedOff = portfolio.units().stream()
                .filter(UnitView::signedOff)
                .map(UnitView::unitCode)
                .toList();
        return portfolio.evidence().stream()
                .filter(piece -> piece.awaitingJudgement() && !signedOff.contains(piece.unitCode()))
                .map(piece -> {
                    EvidenceVersionView latest =
                            piece.versions().get(piece.versions().size() - 1);
                    return new AwaitingJudgement(
                            portfolio.candidateId(),
                            portfolio.centreId(),
                            piece.evidenceId(),
                            latest.version(),
                            piece.unitCode(),
                            latest.fileName(),
                            latest.uploadedAt(),
                            Duration.between(latest.uploadedAt(), now).toDays());
                })
                .toList();
    }

    private static List<SampleDue> samplesDue(PortfolioView portfolio, Instant now) {
        return portfolio.units().stream()
                .filter(unit -> unit.signedOff() && UnitView.DUE.equals(unit.sampleStatus()))
                .map(unit -> new SampleDue(
                        portfolio.candidateId(),
                        portfolio.centreId(),
                        unit.unitCode(),
                        unit.signedOffByPin(),
                        unit.signedOffAt(),
                        Duration.between(unit.signedOffAt(), now).toDays()))
                .toList();
    }

    /**
     * Applies an event to the candidate's portfolio, creating it (with its qualification's units) at its first
     * event; the centre follows the latest event, which names it as it is now.
     */
    private void change(
            String candidateId,
            String centreId,
            String qualificationCode,
            TrackingToken token,
            UnaryOperator<PortfolioDocument> change) {
        portfolios.replaceAfter(
                candidateId,
                token,
                PORTFOLIO.changing(stored -> change.apply(
                        (stored != null ? stored : newPortfolio(candidateId, qualificationCode)).at(centreId))));
    }

    private PortfolioDocument newPortfolio(String candidateId, String qualificationCode) {
        PortfolioQualification qualification =
                qualificationCode == null ? null : QUALIFICATION.fromDocument(qualifications.find(qualificationCode));
        return PortfolioDocument.opened(
                candidateId, qualificationCode, qualification == null ? List.of() : qualification.unassessed());
    }

    private static PortfolioView view(Document portfolio) {
        return PORTFOLIO.fromDocument(portfolio).view();
    }
}
