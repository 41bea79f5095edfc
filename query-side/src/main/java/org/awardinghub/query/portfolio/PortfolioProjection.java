package org.awardinghub.query.portfolio;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Sorts.ascending;
import static org.awardinghub.query.ReadModelCollection.ID;
import static org.awardinghub.query.ReadModelCollection.date;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.awardinghub.events.portfolio.AssessorAssigned;
import org.awardinghub.events.portfolio.EvidenceJudged;
import org.awardinghub.events.portfolio.EvidenceUploaded;
import org.awardinghub.events.portfolio.IqaAssigned;
import org.awardinghub.events.portfolio.UnitSampleAgreed;
import org.awardinghub.events.portfolio.UnitSentBack;
import org.awardinghub.events.portfolio.UnitSignedOff;
import org.awardinghub.events.qualification.QualificationPublished;
import org.awardinghub.query.ReadModelCollection;
import org.awardinghub.query.portfolio.PortfolioQueries.AssessorWorkloads;
import org.awardinghub.query.portfolio.PortfolioQueries.FindPortfolio;
import org.awardinghub.query.portfolio.PortfolioQueries.ListAssessorQueue;
import org.awardinghub.query.portfolio.PortfolioQueries.ListCentreProgress;
import org.awardinghub.query.portfolio.PortfolioQueries.ListIqaQueue;
import org.awardinghub.query.portfolio.PortfolioViews.AssessorWorkload;
import org.awardinghub.query.portfolio.PortfolioViews.AwaitingJudgement;
import org.awardinghub.query.portfolio.PortfolioViews.CriterionJudged;
import org.awardinghub.query.portfolio.PortfolioViews.CriterionView;
import org.awardinghub.query.portfolio.PortfolioViews.EvidenceVersionView;
import org.awardinghub.query.portfolio.PortfolioViews.EvidenceView;
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
 *   <li>{@value #QUALIFICATIONS} ({@code _id} = qualification code): the units each qualification assesses by
 *       portfolio, with their criteria, so that a portfolio lists its units from its first event on;</li>
 *   <li>{@value #PORTFOLIOS} ({@code _id} = candidate id): the candidate's assessor and IQA, their units (each
 *       criterion met or not, sign-off, sampling) and every piece of evidence with all its versions, hashes and
 *       judgements. Progress, queues and workloads are computed from it when asked.</li>
 * </ul>
 * Each document is written as a whole ({@link ReadModelCollection#replaceAfter}) guarded by the processor's token:
 * an event delivered again changes nothing, and a late one (committed after events with higher global positions)
 * is still applied. A replay starts from empty
 * collections ({@link #reset}).
 */
@Component
@ProcessingGroup(PortfolioProjection.PROCESSING_GROUP)
class PortfolioProjection {

    /** One segment: a portfolio needs its qualification's units, published earlier in global order. */
    public static final String PROCESSING_GROUP = "portfolio";

    public static final String QUALIFICATIONS = "portfolio_qualifications";
    public static final String PORTFOLIOS = "portfolios";

    static final String DUE = "DUE";

    private static final String CANDIDATE_ID = "candidateId";
    private static final String CENTRE_ID = "centreId";
    private static final String QUALIFICATION_CODE = "qualificationCode";
    private static final String ASSESSOR_USER_ID = "assessorUserId";
    private static final String ASSESSOR_PIN = "assessorPin";
    private static final String IQA_USER_ID = "iqaUserId";
    private static final String IQA_PIN = "iqaPin";
    private static final String UNITS = "units";
    private static final String UNIT_CODE = "unitCode";
    private static final String TITLE = "title";
    private static final String CRITERIA = "criteria";
    private static final String CODE = "code";
    private static final String TEXT = "text";
    private static final String MET = "met";
    private static final String SIGNED_OFF = "signedOff";
    private static final String SIGNED_OFF_AT = "signedOffAt";
    private static final String SIGNED_OFF_BY_PIN = "signedOffByPin";
    private static final String SAMPLED = "sampled";
    private static final String SAMPLE_STATUS = "sampleStatus";
    private static final String SAMPLE_FEEDBACK = "sampleFeedback";
    private static final String EVIDENCE = "evidence";
    private static final String EVIDENCE_ID = "evidenceId";
    private static final String VERSIONS = "versions";
    private static final String VERSION = "version";
    private static final String JUDGEMENTS = "judgements";

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
        List<Document> units = event.units().stream()
                .filter(QualificationPublished.Unit::portfolio)
                .map(unit -> new Document(UNIT_CODE, unit.code())
                        .append(TITLE, unit.title())
                        .append(
                                CRITERIA,
                                unit.criteriaOrEmpty().stream()
                                        .map(criterion ->
                                                new Document(CODE, criterion.code()).append(TEXT, criterion.text()))
                                        .toList()))
                .toList();
        if (!units.isEmpty()) {
            qualifications.replaceAfter(event.code(), token, stored -> new Document(UNITS, units));
        }
    }

    @EventHandler
    void on(AssessorAssigned event, TrackingToken token) {
        change(
                event.candidateId(),
                event.centreId(),
                event.qualificationCode(),
                token,
                portfolio -> portfolio
                        .append(ASSESSOR_USER_ID, event.assessorUserId())
                        .append(ASSESSOR_PIN, event.assessorPin()));
    }

    @EventHandler
    void on(IqaAssigned event, TrackingToken token) {
        change(
                event.candidateId(),
                event.centreId(),
                event.qualificationCode(),
                token,
                portfolio -> portfolio.append(IQA_USER_ID, event.iqaUserId()).append(IQA_PIN, event.iqaPin()));
    }

    @EventHandler
    void on(EvidenceUploaded event, TrackingToken token) {
        Document version = new Document(VERSION, event.version())
                .append(CRITERIA, event.criteria())
                .append("description", event.description())
                .append("fileName", event.fileName())
                .append("mediaType", event.mediaType())
                .append("size", event.size())
                .append("sha256", event.sha256())
                .append("uploadedBy", event.uploadedBy().name())
                .append("uploadedByPin", event.uploadedByPin())
                .append("uploadedAt", date(event.uploadedAt()));
        change(event.candidateId(), event.centreId(), event.qualificationCode(), token, portfolio -> {
            List<Document> evidence = new ArrayList<>(portfolio.getList(EVIDENCE, Document.class));
            Document piece = evidence.stream()
                    .filter(e -> event.evidenceId().equals(e.getString(EVIDENCE_ID)))
                    .findFirst()
                    .orElse(null);
            if (piece == null) {
                piece = new Document(EVIDENCE_ID, event.evidenceId())
                        .append(UNIT_CODE, event.unitCode())
                        .append(VERSIONS, List.of())
                        .append(JUDGEMENTS, List.of());
                evidence.add(piece);
            }
            List<Document> versions = new ArrayList<>(piece.getList(VERSIONS, Document.class));
            versions.add(version);
            piece.append(VERSIONS, versions);
            portfolio.append(EVIDENCE, evidence);
        });
    }

    @EventHandler
    void on(EvidenceJudged event, TrackingToken token) {
        Document judgement = new Document(VERSION, event.version())
                .append(
                        CRITERIA,
                        event.criteria().stream()
                                .map(c -> new Document(CODE, c.code()).append(MET, c.met()))
                                .toList())
                .append("feedback", event.feedback())
                .append(ASSESSOR_PIN, event.assessorPin())
                .append("judgedAt", date(event.judgedAt()));
        change(event.candidateId(), event.centreId(), null, token, portfolio -> {
            for (Document piece : portfolio.getList(EVIDENCE, Document.class)) {
                if (event.evidenceId().equals(piece.getString(EVIDENCE_ID))) {
                    List<Document> judgements = new ArrayList<>(piece.getList(JUDGEMENTS, Document.class));
                    judgements.add(judgement);
                    piece.append(JUDGEMENTS, judgements);
                }
            }
            withUnit(
                    portfolio,
                    event.unitCode(),
                    unit -> unit.getList(CRITERIA, Document.class)
                            .forEach(criterion -> event.criteria().stream()
                                    .filter(c -> c.code().equals(criterion.getString(CODE)))
                                    .forEach(c -> criterion.append(MET, c.met()))));
        });
    }

    @EventHandler
    void on(UnitSignedOff event, TrackingToken token) {
        change(
                event.candidateId(),
                event.centreId(),
                event.qualificationCode(),
                token,
                portfolio -> withUnit(
                        portfolio,
                        event.unitCode(),
                        unit -> unit.append(SIGNED_OFF, true)
                                .append(SIGNED_OFF_AT, date(event.signedOffAt()))
                                .append(SIGNED_OFF_BY_PIN, event.assessorPin())
                                .append(SAMPLED, event.sampled())
                                .append(SAMPLE_STATUS, event.sampled() ? DUE : null)
                                .append(SAMPLE_FEEDBACK, null)));
    }

    @EventHandler
    void on(UnitSampleAgreed event, TrackingToken token) {
        change(
                event.candidateId(),
                event.centreId(),
                null,
                token,
                portfolio -> withUnit(
                        portfolio,
                        event.unitCode(),
                        unit -> unit.append(SAMPLE_STATUS, "AGREED").append(SAMPLE_FEEDBACK, event.feedback())));
    }

    /** The unit is signed off no longer, and every criterion needs a fresh judgement. */
    @EventHandler
    void on(UnitSentBack event, TrackingToken token) {
        change(
                event.candidateId(),
                event.centreId(),
                null,
                token,
                portfolio -> withUnit(portfolio, event.unitCode(), unit -> {
                    unit.append(SIGNED_OFF, false)
                            .append(SAMPLE_STATUS, "SENT_BACK")
                            .append(SAMPLE_FEEDBACK, event.feedback());
                    unit.getList(CRITERIA, Document.class).forEach(criterion -> criterion.append(MET, false));
                }));
    }

    @ResetHandler
    void reset() {
        qualifications.deleteAll();
        portfolios.deleteAll();
    }

    @QueryHandler
    PortfolioView handle(FindPortfolio query) {
        Document portfolio = portfolios.find(query.candidateId());
        return portfolio == null ? null : toView(portfolio);
    }

    @QueryHandler
    List<AwaitingJudgement> handle(ListAssessorQueue query) {
        Instant now = clock.instant();
        return portfolios.list(eq(ASSESSOR_USER_ID, query.assessorUserId()), ascending(ID), this::toView).stream()
                .flatMap(portfolio -> awaiting(portfolio, now).stream())
                .sorted(Comparator.comparing(AwaitingJudgement::uploadedAt)
                        .thenComparing(AwaitingJudgement::candidateId)
                        .thenComparing(AwaitingJudgement::evidenceId))
                .toList();
    }

    @QueryHandler
    List<SampleDue> handle(ListIqaQueue query) {
        Instant now = clock.instant();
        return portfolios.list(eq(IQA_USER_ID, query.iqaUserId()), ascending(ID), this::toView).stream()
                .flatMap(portfolio -> samplesDue(portfolio, now).stream())
                .sorted(Comparator.comparing(SampleDue::signedOffAt)
                        .thenComparing(SampleDue::candidateId)
                        .thenComparing(SampleDue::unitCode))
                .toList();
    }

    @QueryHandler
    List<PortfolioProgress> handle(ListCentreProgress query) {
        Instant now = clock.instant();
        return portfolios.list(eq(CENTRE_ID, query.centreId()), ascending(ID), this::toView).stream()
                .map(p -> new PortfolioProgress(
                        p.candidateId(),
                        p.qualificationCode(),
                        p.assessorUserId(),
                        p.iqaUserId(),
                        p.percentMet(),
                        p.unitsSignedOff(),
                        p.unitsTotal(),
                        awaiting(p, now).size(),
                        samplesDue(p, now).size()))
                .toList();
    }

    @QueryHandler
    List<AssessorWorkload> handle(AssessorWorkloads query) {
        Instant now = clock.instant();
        Map<String, long[]> sums = new LinkedHashMap<>(); // awaiting, oldest days, samples due
        for (PortfolioView portfolio : portfolios.list(eq(CENTRE_ID, query.centreId()), ascending(ID), this::toView)) {
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
                .filter(unit -> unit.signedOff() && DUE.equals(unit.sampleStatus()))
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
            Consumer<Document> change) {
        portfolios.replaceAfter(candidateId, token, stored -> {
            Document portfolio = stored != null ? stored : newPortfolio(candidateId, qualificationCode);
            portfolio.append(CENTRE_ID, centreId);
            change.accept(portfolio);
            return portfolio;
        });
    }

    private Document newPortfolio(String candidateId, String qualificationCode) {
        Document qualification = qualificationCode == null ? null : qualifications.find(qualificationCode);
        List<Document> units = qualification == null
                ? List.of()
                : qualification.getList(UNITS, Document.class).stream()
                        .map(unit -> new Document(UNIT_CODE, unit.getString(UNIT_CODE))
                                .append(TITLE, unit.getString(TITLE))
                                .append(
                                        CRITERIA,
                                        unit.getList(CRITERIA, Document.class).stream()
                                                .map(c -> new Document(CODE, c.getString(CODE))
                                                        .append(TEXT, c.getString(TEXT))
                                                        .append(MET, false))
                                                .toList())
                                .append(SIGNED_OFF, false)
                                .append(SIGNED_OFF_AT, null)
                                .append(SIGNED_OFF_BY_PIN, null)
                                .append(SAMPLED, false)
                                .append(SAMPLE_STATUS, null)
                                .append(SAMPLE_FEEDBACK, null))
                        .toList();
        return new Document(CANDIDATE_ID, candidateId)
                .append(QUALIFICATION_CODE, qualificationCode)
                .append(ASSESSOR_USER_ID, null)
                .append(ASSESSOR_PIN, null)
                .append(IQA_USER_ID, null)
                .append(IQA_PIN, null)
                .append(UNITS, units)
                .append(EVIDENCE, List.of());
    }

    private static void withUnit(Document portfolio, String unitCode, Consumer<Document> change) {
        portfolio.getList(UNITS, Document.class).stream()
                .filter(unit -> unitCode.equals(unit.getString(UNIT_CODE)))
                .forEach(change);
    }

    private PortfolioView toView(Document portfolio) {
        List<UnitView> units = portfolio.getList(UNITS, Document.class).stream()
                .map(unit -> new UnitView(
                        unit.getString(UNIT_CODE),
                        unit.getString(TITLE),
                        unit.getList(CRITERIA, Document.class).stream()
                                .map(c -> new CriterionView(
                                        c.getString(CODE), c.getString(TEXT), c.getBoolean(MET, false)))
                                .toList(),
                        unit.getBoolean(SIGNED_OFF, false),
                        ReadModelCollection.instant(unit, SIGNED_OFF_AT),
                        unit.getString(SIGNED_OFF_BY_PIN),
                        unit.getBoolean(SAMPLED, false),
                        unit.getString(SAMPLE_STATUS),
                        unit.getString(SAMPLE_FEEDBACK)))
                .toList();
        List<EvidenceView> evidence = portfolio.getList(EVIDENCE, Document.class).stream()
                .map(PortfolioProjection::toEvidence)
                .toList();
        int total = units.stream().mapToInt(unit -> unit.criteria().size()).sum();
        int met = (int) units.stream()
                .flatMap(unit -> unit.criteria().stream())
                .filter(CriterionView::met)
                .count();
        int signedOff = (int) units.stream().filter(UnitView::signedOff).count();
        return new PortfolioView(
                portfolio.getString(ID),
                portfolio.getString(CENTRE_ID),
                portfolio.getString(QUALIFICATION_CODE),
                portfolio.getString(ASSESSOR_USER_ID),
                portfolio.getString(ASSESSOR_PIN),
                portfolio.getString(IQA_USER_ID),
                portfolio.getString(IQA_PIN),
                total,
                met,
                total == 0 ? 0 : met * 100 / total,
                units.size(),
                signedOff,
                units,
                evidence);
    }

    private static EvidenceView toEvidence(Document piece) {
        List<EvidenceVersionView> versions = piece.getList(VERSIONS, Document.class).stream()
                .map(v -> new EvidenceVersionView(
                        v.getInteger(VERSION),
                        v.getList(CRITERIA, String.class),
                        v.getString("description"),
                        v.getString("fileName"),
                        v.getString("mediaType"),
                        ((Number) v.get("size")).longValue(),
                        v.getString("sha256"),
                        v.getString("uploadedBy"),
                        v.getString("uploadedByPin"),
                        ReadModelCollection.instant(v, "uploadedAt")))
                .toList();
        List<JudgementView> judgements = piece.getList(JUDGEMENTS, Document.class).stream()
                .map(j -> new JudgementView(
                        j.getInteger(VERSION),
                        j.getList(CRITERIA, Document.class).stream()
                                .map(c -> new CriterionJudged(c.getString(CODE), c.getBoolean(MET, false)))
                                .toList(),
                        j.getString("feedback"),
                        j.getString(ASSESSOR_PIN),
                        ReadModelCollection.instant(j, "judgedAt")))
                .toList();
        int latest = versions.isEmpty() ? 0 : versions.get(versions.size() - 1).version();
        boolean awaiting = judgements.stream().noneMatch(j -> Objects.equals(j.version(), latest));
        return new EvidenceView(
                piece.getString(EVIDENCE_ID), piece.getString(UNIT_CODE), latest, awaiting, versions, judgements);
    }
}
