package org.awardinghub.query.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.awardinghub.query.audit.AuditLog.LoggedLink;
import org.awardinghub.query.audit.Provenance.Edge;
import org.awardinghub.query.audit.Provenance.Kind;
import org.awardinghub.query.audit.Provenance.Link;
import org.awardinghub.query.audit.Provenance.Node;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/**
 * Answers {@link FindProvenance} from the audit log in four index reads, however long the log (ADR 0170):
 * <ol>
 *   <li>the claim's events ({@code audit_log_record}), which give the event that issued the number, its position
 *       (the certificate's moment: nothing later is in the answer), the candidate, centre and qualification, and the
 *       attempts the claim was made on ({@code achievedBy});</li>
 *   <li>the candidate's events up to that moment ({@code audit_log_candidate}): their own record (registration and
 *       every amendment), their attempts and their portfolio, all of which name the candidate;</li>
 *   <li>the last event before the claim that set the centre's Direct Claim Status ({@code audit_log_record}, read
 *       backwards, one row): the status in force when the claim was made;</li>
 *   <li>the chain's head.</li>
 * </ol>
 * The attempts in it are every attempt of the candidate at the claim's qualification up to the certificate: those the
 * claim names count toward it; the failed and voided ones are what made a re-sit allowed and are part of the
 * history the result rests on.
 */
@Component
class Provenances {

    private static final Set<String> ISSUES = Set.of("CertificateIssued", "CertificateReplaced");
    private static final Set<String> SETS_DIRECT_CLAIM_STATUS =
            Set.of("CentreApproved", "DirectClaimStatusGranted", "DirectClaimStatusRemoved");
    private static final Set<String> AMENDMENTS = Set.of(
            "CandidateNameAmended",
            "CandidateDateOfBirthAmended",
            "CandidateUlnAmended",
            "CandidateQualificationAmended",
            "CandidateTransferred");

    private final AuditLog log;

    Provenances(AuditLog log) {
        this.log = log;
    }

    @QueryHandler
    Provenance handle(FindProvenance query) {
        List<LoggedLink> claimEvents =
                log.links("aggregate_id = ? AND record_type = 'claim' ORDER BY sequence_number", query.claimId());
        Optional<LoggedLink> issue = claimEvents.stream()
                .filter(logged -> ISSUES.contains(logged.event().type())
                        && query.certificateNumber().equals(text(logged, "certificateNumber")))
                .findFirst();
        if (issue.isEmpty()) {
            return null;
        }
        long moment = issue.get().event().globalPosition();
        String candidateId = text(issue.get(), "candidateId");
        List<LoggedLink> candidateEvents =
                log.links("candidate_id = ? AND global_index <= ? ORDER BY global_index", candidateId, moment);
        Optional<LoggedLink> claimed = claimEvents.stream()
                .filter(logged -> logged.event().type().equals("CertificateClaimed"))
                .findFirst();
        Optional<LoggedLink> directClaimStatus = claimed.flatMap(claim -> log
                .links(
                        "aggregate_id = ? AND record_type = 'centre' AND global_index < ? AND event_type IN (?, ?, ?)"
                                + " ORDER BY sequence_number DESC FETCH FIRST 1 ROWS ONLY",
                        text(claim, "centreId"),
                        claim.event().globalPosition(),
                        "CentreApproved",
                        "DirectClaimStatusGranted",
                        "DirectClaimStatusRemoved")
                .stream()
                .findFirst());
        Optional<ChainHead> head = log.head();
        return new Graph(query, issue.get(), claimed, head)
                .build(
                        claimEvents.stream()
                                .filter(logged -> logged.event().globalPosition() <= moment)
                                .toList(),
                        directClaimStatus,
                        candidateEvents);
    }

    /** The graph of one certificate, node by node; each node keeps its links in global order. */
    private static final class Graph {

        private final FindProvenance query;
        private final LoggedLink issue;
        private final Optional<LoggedLink> claimed;
        private final Optional<ChainHead> head;
        private final Map<String, Node> nodes = new LinkedHashMap<>();
        private final Map<String, List<Link>> links = new LinkedHashMap<>();
        private final Set<Edge> edges = new LinkedHashSet<>();
        private final Set<CaseBundle.Record> records = new LinkedHashSet<>();

        Graph(FindProvenance query, LoggedLink issue, Optional<LoggedLink> claimed, Optional<ChainHead> head) {
            this.query = query;
            this.issue = issue;
            this.claimed = claimed;
            this.head = head;
        }

        Provenance build(
                List<LoggedLink> claimEvents, Optional<LoggedLink> directClaimStatus, List<LoggedLink> ofCandidate) {
            String qualificationCode = text(issue, "qualificationCode");
            String candidateId = text(issue, "candidateId");
            String certificate = node(
                    "certificate:" + query.certificateNumber(),
                    Kind.CERTIFICATE,
                    "Certificate " + query.certificateNumber() + " · " + qualificationCode + " · "
                            + Objects.toString(text(issue, "holderName"), "") + " · issued "
                            + text(issue, "issuedOn"));
            link(certificate, issue);
            String claim = node(
                    "claim:" + query.claimId(),
                    Kind.CLAIM,
                    "Claim by "
                            + claimed.map(c -> "PIN " + text(c, "claimedByPin")).orElse("the centre")
                            + claimed.map(c -> " at centre " + text(c, "centreId"))
                                    .orElse(""));
            edge(certificate, claim, "issued on");
            claimEvents.stream()
                    .filter(logged ->
                            logged.event().globalPosition() != issue.event().globalPosition())
                    .forEach(logged -> link(claim, logged));
            centreStatus(claim, directClaimStatus);
            String candidate = node(
                    "candidate:" + candidateId,
                    Kind.CANDIDATE,
                    "Candidate "
                            + claimed.map(c -> text(c, "registrationNumber")).orElse(candidateId));
            edge(claim, candidate, "for");
            Set<String> counted = claimed.map(
                            c -> Set.copyOf(strings(c.event().payload().get("achievedBy"))))
                    .orElse(Set.of());
            Map<String, List<LoggedLink>> attempts = new LinkedHashMap<>();
            List<LoggedLink> portfolio = new ArrayList<>();
            for (LoggedLink logged : ofCandidate) {
                String recordType = logged.event().recordType();
                if ("candidate".equals(recordType)
                        && candidateId.equals(logged.event().recordId())) {
                    candidateEvent(candidate, logged);
                } else if ("attempt".equals(recordType)) {
                    attempts.computeIfAbsent(logged.event().recordId(), id -> new ArrayList<>())
                            .add(logged);
                } else if ("portfolio".equals(recordType)) {
                    portfolio.add(logged);
                }
            }
            attempts.forEach((attemptId, events) -> {
                Optional<LoggedLink> opened = events.stream()
                        .filter(logged -> logged.event().type().equals("AttemptOpened"))
                        .findFirst();
                boolean countsToward = counted.contains(attemptId);
                if (countsToward
                        || opened.map(o -> qualificationCode.equals(text(o, "qualificationCode")))
                                .orElse(false)) {
                    attempt(countsToward ? claim : candidate, countsToward, attemptId, opened, events);
                }
            });
            if (!portfolio.isEmpty()) {
                portfolio(claim, portfolio);
            }
            return provenance(candidateId);
        }

        private void centreStatus(String claim, Optional<LoggedLink> directClaimStatus) {
            String centreId = claimed.map(c -> text(c, "centreId")).orElse(text(issue, "centreId"));
            boolean held = directClaimStatus
                    .map(logged -> switch (logged.event().type()) {
                        case "DirectClaimStatusGranted" -> true;
                        case "DirectClaimStatusRemoved" -> false;
                        default -> Boolean.TRUE.equals(logged.event().payload().get("directClaimStatus"));
                    })
                    .orElse(false);
            String status = node(
                    "centre-status:" + centreId,
                    Kind.CENTRE_STATUS,
                    "Centre " + centreId + (held ? " held" : " did not hold") + " Direct Claim Status at the claim");
            edge(claim, status, "claimed under");
            directClaimStatus.ifPresent(logged -> link(status, logged));
        }

        private void candidateEvent(String candidate, LoggedLink logged) {
            if (AMENDMENTS.contains(logged.event().type())) {
                String amendment = node(
                        "amendment:" + logged.event().globalPosition(),
                        Kind.AMENDMENT,
                        logged.event().type().replace("Candidate", "").replaceAll("([a-z])([A-Z])", "$1 $2") + " · "
                                + logged.event().at());
                edge(candidate, amendment, "amended by");
                link(amendment, logged);
            } else {
                link(candidate, logged);
            }
        }

        private void attempt(
                String from,
                boolean countsToward,
                String attemptId,
                Optional<LoggedLink> opened,
                List<LoggedLink> events) {
            String result = "not submitted";
            for (LoggedLink logged : events) {
                switch (logged.event().type()) {
                    case "AttemptSubmitted", "AttemptOutcomeChanged" ->
                        result = text(logged, "outcome") + " " + text(logged, "percent") + " %";
                    case "AttemptVoided" -> result = "VOIDED";
                    default -> {}
                }
            }
            String assessment = opened.map(o -> text(o, "assessmentCode")).orElse("");
            String attempt = node(
                    "attempt:" + attemptId,
                    Kind.ATTEMPT,
                    assessment + " attempt "
                            + opened.map(o -> text(o, "attemptNumber")).orElse("?") + " · " + result
                            + (countsToward ? " · counted" : ""));
            edge(from, attempt, countsToward ? "achieved by" : "sat");
            events.forEach(logged -> link(attempt, logged));
            opened.ifPresent(logged -> {
                String invigilator = node(
                        "invigilator:" + text(logged, "invigilatorPin"),
                        Kind.INVIGILATOR,
                        "Invigilator PIN " + text(logged, "invigilatorPin"));
                edge(attempt, invigilator, "opened by");
                link(invigilator, logged);
                String passMark = node(
                        "pass-mark:" + assessment + ":" + text(logged, "passPercent"),
                        Kind.PASS_MARK,
                        "Pass mark " + text(logged, "passPercent") + " % on " + assessment);
                edge(attempt, passMark, "marked against");
                link(passMark, logged);
            });
            events.stream()
                    .filter(logged -> logged.event().type().equals("AttemptStarted"))
                    .findFirst()
                    .ifPresent(started -> form(attempt, attemptId, started));
        }

        private void form(String attempt, String attemptId, LoggedLink started) {
            List<Map<String, Object>> questions = maps(started.event().payload().get("questions"));
            String form = node(
                    "form:" + attemptId,
                    Kind.FORM,
                    "Form of " + questions.size() + " questions · seed " + text(started, "seed"));
            edge(attempt, form, "sat on");
            link(form, started);
            for (Map<String, Object> question : questions) {
                String itemId = String.valueOf(question.get("itemId"));
                String version = version(question);
                String item =
                        node("item:" + itemId + "@" + version, Kind.ITEM, "Item " + itemId + " · version " + version);
                edge(form, item, "shows as " + question.get("questionId"));
                link(item, started);
            }
        }

        private void portfolio(String claim, List<LoggedLink> events) {
            String recordId = events.get(0).event().recordId();
            String portfolio = node("portfolio:" + recordId, Kind.PORTFOLIO, "Portfolio");
            edge(claim, portfolio, "achieved by");
            for (LoggedLink logged : events) {
                String unitCode = text(logged, "unitCode");
                String unit =
                        unitCode == null ? null : node("unit:" + unitCode, Kind.PORTFOLIO_UNIT, "Unit " + unitCode);
                if (unit != null) {
                    edge(portfolio, unit, "unit");
                }
                switch (logged.event().type()) {
                    case "AssessorAssigned" -> {
                        String assessor = assessor(text(logged, "assessorPin"));
                        edge(portfolio, assessor, "assessed by");
                        link(assessor, logged);
                    }
                    case "IqaAssigned" -> {
                        String iqa = iqa(text(logged, "iqaPin"));
                        edge(portfolio, iqa, "quality-assured by");
                        link(iqa, logged);
                    }
                    case "UnitSignedOff" -> {
                        String signOff = node(
                                "sign-off:" + logged.event().globalPosition(),
                                Kind.SIGN_OFF,
                                "Unit " + unitCode + " signed off"
                                        + (Boolean.TRUE.equals(
                                                        logged.event().payload().get("sampled"))
                                                ? " · drawn for the IQA's sample (" + text(logged, "samplePercent")
                                                        + " %)"
                                                : " · not drawn for the sample"));
                        edge(unit, signOff, "signed off");
                        link(signOff, logged);
                        edge(signOff, assessor(text(logged, "assessorPin")), "by");
                    }
                    case "UnitSampleAgreed", "UnitSentBack" -> {
                        String sample = node(
                                "iqa-sample:" + logged.event().globalPosition(),
                                Kind.IQA_SAMPLE,
                                "Unit " + unitCode + " sampled: "
                                        + (logged.event().type().equals("UnitSampleAgreed") ? "agreed" : "sent back"));
                        edge(unit, sample, "sampled");
                        link(sample, logged);
                        edge(sample, iqa(text(logged, "iqaPin")), "by");
                    }
                    default -> link(unit == null ? portfolio : unit, logged);
                }
            }
        }

        private String assessor(String pin) {
            return node("assessor:" + pin, Kind.ASSESSOR, "Assessor PIN " + pin);
        }

        private String iqa(String pin) {
            return node("iqa:" + pin, Kind.IQA, "IQA PIN " + pin);
        }

        private String node(String id, Kind kind, String label) {
            nodes.putIfAbsent(id, new Node(id, kind, label, List.of()));
            links.putIfAbsent(id, new ArrayList<>());
            return id;
        }

        private void edge(String from, String to, String relation) {
            edges.add(new Edge(from, to, relation));
        }

        private void link(String node, LoggedLink logged) {
            AuditEvent event = logged.event();
            boolean covered = logged.recomputes()
                    && head.map(h -> event.globalPosition() <= h.position()).orElse(false);
            links.get(node)
                    .add(new Link(
                            event.globalPosition(),
                            logged.eventId(),
                            event.type(),
                            event.recordType(),
                            event.recordId(),
                            event.at(),
                            event.actorPin(),
                            logged.chainHash(),
                            covered));
            records.add(new CaseBundle.Record(event.recordType(), event.recordId()));
        }

        private Provenance provenance(String candidateId) {
            List<Node> built = nodes.values().stream()
                    .map(node -> new Node(
                            node.id(),
                            node.kind(),
                            node.label(),
                            links.get(node.id()).stream()
                                    .sorted(Comparator.comparingLong(Link::globalPosition))
                                    .toList()))
                    .toList();
            Provenance answer = new Provenance(
                    query.certificateNumber(),
                    query.claimId(),
                    candidateId,
                    issue.event().globalPosition(),
                    built,
                    List.copyOf(edges),
                    List.copyOf(records),
                    null);
            List<Long> notCovered = answer.events().stream()
                    .filter(link -> !link.covered())
                    .map(Link::globalPosition)
                    .toList();
            return new Provenance(
                    answer.certificateNumber(),
                    answer.claimId(),
                    answer.candidateId(),
                    answer.issuedAtPosition(),
                    answer.nodes(),
                    answer.edges(),
                    answer.records(),
                    new Provenance.Chain(head.map(ChainHead::position).orElse(null), notCovered.isEmpty(), notCovered));
        }
    }

    /**
     * A short fingerprint of an item as the form showed it: its stem and its options' texts in the bank's order
     * (the form shuffles them), so that the same item shown on two forms has the same version and an item edited
     * between two publications does not.
     */
    static String version(Map<String, Object> question) {
        StringBuilder shown = new StringBuilder(String.valueOf(question.get("stem")));
        maps(question.get("options")).stream()
                .sorted(Comparator.comparingInt(option -> ((Number) option.get("itemOption")).intValue()))
                .forEach(option -> shown.append('\n').append(option.get("text")));
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256").digest(shown.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    private static String text(LoggedLink logged, String field) {
        Object value = logged.event().payload() == null
                ? null
                : logged.event().payload().get(field);
        return value == null ? null : value.toString();
    }

    private static List<String> strings(Object value) {
        return value instanceof List<?> list
                ? list.stream().map(String::valueOf).toList()
                : List.of();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> maps(Object value) {
        return value instanceof List<?> list
                ? list.stream()
                        .filter(Map.class::isInstance)
                        .map(element -> (Map<String, Object>) element)
                        .toList()
                : List.of();
    }
}
