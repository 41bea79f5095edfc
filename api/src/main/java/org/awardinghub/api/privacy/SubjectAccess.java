package org.awardinghub.api.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;
import org.awardinghub.api.Queries;
import org.awardinghub.api.problem.ApiProblem;
import org.awardinghub.command.candidate.CandidateDirectory;
import org.awardinghub.command.candidate.CandidateEntry;
import org.awardinghub.command.invigilation.IncidentDirectory;
import org.awardinghub.command.portfolio.Portfolio;
import org.awardinghub.command.user.UserAccount;
import org.awardinghub.command.user.UserDirectory;
import org.awardinghub.events.candidate.CandidateErased;
import org.awardinghub.events.candidate.CandidateNameAmended;
import org.awardinghub.events.candidate.CandidateRegistered;
import org.awardinghub.events.user.UserCreated;
import org.awardinghub.events.user.UserDetailsAmended;
import org.awardinghub.query.Page;
import org.awardinghub.query.ReadModelCollection;
import org.awardinghub.query.appeal.EnquiryView;
import org.awardinghub.query.appeal.ListEnquiries;
import org.awardinghub.query.arrangement.ArrangementView;
import org.awardinghub.query.arrangement.ListCandidateArrangements;
import org.awardinghub.query.assessment.AttemptSummary;
import org.awardinghub.query.assessment.AttemptView;
import org.awardinghub.query.assessment.FindAttempt;
import org.awardinghub.query.assessment.ListCandidateAttempts;
import org.awardinghub.query.audit.AuditEvent;
import org.awardinghub.query.audit.CandidateRecord;
import org.awardinghub.query.audit.FindCandidateRecords;
import org.awardinghub.query.audit.ListTimeline;
import org.awardinghub.query.candidate.CandidateHistoryEntry;
import org.awardinghub.query.candidate.CandidateView;
import org.awardinghub.query.candidate.FindCandidate;
import org.awardinghub.query.candidate.FindCandidateHistory;
import org.awardinghub.query.certification.CertificateView;
import org.awardinghub.query.certification.ClaimView;
import org.awardinghub.query.certification.FindClaim;
import org.awardinghub.query.certification.ListCandidateCertificates;
import org.awardinghub.query.consideration.ConsiderationView;
import org.awardinghub.query.consideration.ListConsiderations;
import org.awardinghub.query.invigilation.IncidentView;
import org.awardinghub.query.invigilation.ListAttemptIncidents;
import org.awardinghub.query.portfolio.PortfolioQueries.FindPortfolio;
import org.awardinghub.query.portfolio.PortfolioViews.PortfolioView;
import org.awardinghub.query.user.FindUser;
import org.awardinghub.query.user.UserView;
import org.springframework.stereotype.Component;

/**
 * Everything held about one candidate or one user, gathered for a subject access export (ADR 0167): their events
 * from the event store ({@link SubjectAccessEvents}), the read models about them through the query handlers that
 * serve the rest of the API, the files uploaded about them, and the statement the controller owes them. Nothing in
 * it is about anyone else ({@link SubjectAccessRedaction}).
 * <p>
 * The records a candidate's events are in are found three ways, so that none is missed while one source catches
 * up: the audit log's index of events by candidate, the read models that list the candidate's attempts, arrangements,
 * applications, enquiries and certificates, and the command side's lookups (their account, their attempts'
 * incidents). Each record's events are then read from the event store itself.
 */
@Component
class SubjectAccess {

    private final Queries queries;
    private final SubjectAccessEvents events;
    private final CandidateDirectory candidates;
    private final UserDirectory users;
    private final IncidentDirectory incidents;
    private final ObjectMapper json;
    private final Clock clock;

    SubjectAccess(
            Queries queries,
            SubjectAccessEvents events,
            CandidateDirectory candidates,
            UserDirectory users,
            IncidentDirectory incidents,
            ObjectMapper json,
            Clock clock) {
        this.queries = queries;
        this.events = events;
        this.candidates = candidates;
        this.users = users;
        this.incidents = incidents;
        this.json = json;
        this.clock = clock;
    }

    /** Everything held about the candidate; 404 for a candidate never registered. */
    SubjectAccessExport candidate(String candidateId, String exportedByPin, String reason) {
        CandidateEntry entry = candidates.find(candidateId).orElseThrow(() -> ApiProblem.notFound("No such candidate"));
        Optional<UserAccount> account = users.findByCandidate(candidateId);
        SubjectAccessRedaction.Own own = new SubjectAccessRedaction.Own(
                candidateId, account.map(a -> Set.of(a.userId())).orElse(Set.of()));
        Listed listed = listed(candidateId);
        Map<String, String> records = recordsOf(candidateId, listed, account);
        SubjectAccessEvents.Read read = events.read(List.copyOf(records.keySet()), own, entry.registrationNumber());

        String name = null;
        boolean erased = false;
        for (Object payload : read.payloads()) {
            if (payload instanceof CandidateRegistered registered && candidateId.equals(registered.candidateId())) {
                name = registered.firstName() + " " + registered.lastName();
            } else if (payload instanceof CandidateNameAmended amended) {
                name = amended.firstName() + " " + amended.lastName();
            } else if (payload instanceof CandidateErased) {
                erased = true;
            }
        }
        List<String> notes = new ArrayList<>(commonNotes());
        notes.add("Investigation case files that name the candidate are not part of this export: they are kept for"
                + " IMI's regulatory functions (Data Protection Act 2018, Schedule 2, paragraph 7); the events they"
                + " gather are listed above.");
        return new SubjectAccessExport(
                new SubjectAccessExport.Subject(
                        "candidate",
                        candidateId,
                        name,
                        entry.registrationNumber(),
                        account.map(UserAccount::pin).orElse(null),
                        erased),
                clock.instant(),
                exportedByPin,
                reason,
                SubjectAccessStatement.CANDIDATE,
                read.events(),
                List.of(),
                readModels(candidateId, listed, records, account, own),
                read.files(),
                List.copyOf(notes));
    }

    /** What the read models list of the candidate's records. */
    private record Listed(
            List<AttemptSummary> attempts,
            List<CertificateView> certificates,
            List<ArrangementView> arrangements,
            List<ConsiderationView> considerations,
            List<EnquiryView> enquiries) {}

    private Listed listed(String candidateId) {
        return new Listed(
                queries.many(new ListCandidateAttempts(candidateId), AttemptSummary.class),
                queries.many(new ListCandidateCertificates(candidateId), CertificateView.class),
                queries.page(ListCandidateArrangements.all(candidateId), ArrangementView.class)
                        .items(),
                all(page -> queries.page(
                        new ListConsiderations(null, candidateId, null, page, ReadModelCollection.MAX_PAGE_SIZE),
                        ConsiderationView.class)),
                all(page -> queries.page(
                        new ListEnquiries(null, candidateId, null, page, ReadModelCollection.MAX_PAGE_SIZE),
                        EnquiryView.class)));
    }

    /**
     * The records that hold the candidate's events, by aggregate id, with their aggregate's type: their own, those
     * the audit log has seen name them, those the read models list, their portfolio and account, and the incidents
     * recorded against their attempts.
     */
    private Map<String, String> recordsOf(String candidateId, Listed listed, Optional<UserAccount> account) {
        Map<String, String> records = new LinkedHashMap<>();
        records.put(candidateId, "Candidate");
        queries.many(new FindCandidateRecords(candidateId), CandidateRecord.class)
                .forEach(record -> records.putIfAbsent(record.aggregateId(), record.aggregateType()));
        listed.attempts().forEach(attempt -> records.putIfAbsent(attempt.attemptId(), "Attempt"));
        listed.certificates().forEach(certificate -> records.putIfAbsent(certificate.claimId(), "Claim"));
        listed.arrangements()
                .forEach(arrangement -> records.putIfAbsent(arrangement.arrangementId(), "AccessArrangement"));
        listed.considerations()
                .forEach(consideration -> records.putIfAbsent(consideration.considerationId(), "SpecialConsideration"));
        listed.enquiries().forEach(enquiry -> records.putIfAbsent(enquiry.enquiryId(), "ResultEnquiry"));
        records.putIfAbsent(Portfolio.idOf(candidateId), "Portfolio");
        account.ifPresent(a -> records.putIfAbsent(a.userId(), "User"));
        ofType(records, "Attempt")
                .forEach(attemptId ->
                        incidents.incidentsOf(attemptId).forEach(id -> records.putIfAbsent(id, "Incident")));
        return records;
    }

    private static List<String> ofType(Map<String, String> records, String aggregateType) {
        return records.entrySet().stream()
                .filter(record -> aggregateType.equals(record.getValue()))
                .map(Map.Entry::getKey)
                .toList();
    }

    /** The read models about the candidate, as the rest of the API answers them, without what is not theirs. */
    private List<SubjectAccessExport.ReadModel> readModels(
            String candidateId,
            Listed listed,
            Map<String, String> records,
            Optional<UserAccount> account,
            SubjectAccessRedaction.Own own) {
        List<String> attemptIds = ofType(records, "Attempt");
        List<SubjectAccessExport.ReadModel> models = new ArrayList<>();
        queries.one(new FindCandidate(candidateId), CandidateView.class)
                .ifPresent(view -> models.add(
                        model("candidate", "The candidate's record as the registration portal shows it", view, own)));
        models.add(model(
                "history",
                "Every change to the candidate's record, with who made it (by PIN) and why",
                queries.many(new FindCandidateHistory(candidateId), CandidateHistoryEntry.class),
                own));
        models.add(model(
                "attempts",
                "Every assessment attempt: when it ran, its result, the mark of each question, pauses and the access"
                        + " arrangements applied",
                attemptIds.stream()
                        .map(id -> queries.one(new FindAttempt(id), AttemptView.class))
                        .flatMap(Optional::stream)
                        .toList(),
                own));
        Map<String, IncidentView> incidentViews = new LinkedHashMap<>();
        attemptIds.forEach(id -> queries.many(new ListAttemptIncidents(id), IncidentView.class)
                .forEach(incident -> incidentViews.putIfAbsent(incident.incidentId(), incident)));
        models.add(model(
                "incidents",
                "Incidents recorded in the examination room against the candidate's attempts (other candidates the"
                        + " same incident concerns are left out, and so is its description)",
                List.copyOf(incidentViews.values()),
                own));
        models.add(
                model("certificates", "Every certificate number the candidate has held", listed.certificates(), own));
        models.add(model(
                "claims",
                "Certificate claims made for the candidate, and IMI's decisions",
                ofType(records, "Claim").stream()
                        .map(id -> queries.one(new FindClaim(id), ClaimView.class))
                        .flatMap(Optional::stream)
                        .toList(),
                own));
        models.add(model(
                "accessArrangements",
                "Access arrangements asked for, with the reasons and decisions",
                listed.arrangements(),
                own));
        models.add(model(
                "specialConsiderations",
                "Applications for special consideration, with the circumstances and decisions",
                listed.considerations(),
                own));
        models.add(model(
                "resultEnquiries",
                "Enquiries about results and appeals, with their outcomes",
                listed.enquiries(),
                own));
        queries.one(new FindPortfolio(candidateId), PortfolioView.class)
                .ifPresent(portfolio -> models.add(model(
                        "portfolio", "The ePortfolio: units, criteria met, evidence and judgements", portfolio, own)));
        account.flatMap(a -> queries.one(new FindUser(a.userId()), UserView.class))
                .ifPresent(view -> models.add(model("account", "The candidate's own ePortfolio account", view, own)));
        return List.copyOf(models);
    }

    /** Everything held about the user (a member of staff or a candidate's own account); 404 for no such user. */
    SubjectAccessExport user(String userId, String exportedByPin, String reason) {
        UserAccount account = users.findById(userId).orElseThrow(() -> ApiProblem.notFound("No such user"));
        SubjectAccessRedaction.Own own = new SubjectAccessRedaction.Own(null, Set.of(userId));
        SubjectAccessEvents.Read read = events.read(List.of(userId), own, null);
        String name = null;
        for (Object payload : read.payloads()) {
            if (payload instanceof UserCreated created) {
                name = created.name();
            } else if (payload instanceof UserDetailsAmended amended) {
                name = amended.name();
            }
        }
        List<SubjectAccessExport.ReadModel> models = new ArrayList<>();
        queries.one(new FindUser(userId), UserView.class)
                .ifPresent(view -> models.add(model("user", "The account as the hub shows it", view, own)));
        List<String> notes = new ArrayList<>(commonNotes());
        notes.add("What was recorded under the user's PIN on another person's record is listed by its time and kind"
                + " only: the record itself is that person's.");
        if (account.candidateId() != null) {
            notes.add("This is a candidate's own account: the candidate's record is exported by GET /api/candidates/"
                    + account.candidateId() + "/subject-access.");
        }
        return new SubjectAccessExport(
                new SubjectAccessExport.Subject("user", userId, name, null, account.pin(), false),
                clock.instant(),
                exportedByPin,
                reason,
                SubjectAccessStatement.USER,
                read.events(),
                activity(account),
                List.copyOf(models),
                read.files(),
                List.copyOf(notes));
    }

    /**
     * What was recorded under the user's PIN beyond their own account's record, oldest first: on a record about
     * another person (a candidate, another user) only the kind of record is given.
     */
    private List<SubjectAccessExport.Activity> activity(UserAccount account) {
        List<AuditEvent> logged = all(page -> queries.page(
                new ListTimeline(account.pin(), null, null, null, page, ReadModelCollection.MAX_PAGE_SIZE),
                AuditEvent.class));
        List<SubjectAccessExport.Activity> activity = new ArrayList<>();
        for (AuditEvent event : logged) {
            if ("user".equals(event.recordType()) && account.userId().equals(event.recordId())) {
                continue; // the account's own events are listed in full above
            }
            boolean anotherPerson = anotherPerson(event, account);
            String what = SubjectAccessSentences.words(event.type());
            activity.add(new SubjectAccessExport.Activity(
                    event.at(),
                    event.type(),
                    anotherPerson ? what + ", on another person's record" : what,
                    event.recordType(),
                    anotherPerson ? null : event.recordId()));
        }
        return List.copyOf(activity);
    }

    /** Whether the event is about a person other than the user: a candidate (not their own) or another user. */
    private static boolean anotherPerson(AuditEvent event, UserAccount account) {
        Map<String, Object> payload = event.payload() == null ? Map.of() : event.payload();
        Object candidateId = payload.get("candidateId");
        if (candidateId != null && !candidateId.equals(account.candidateId())) {
            return true;
        }
        if (payload.get("candidateIds") instanceof List<?> many
                && many.stream().anyMatch(id -> !id.equals(account.candidateId()))) {
            return true;
        }
        Object userId = payload.get("userId");
        if (userId != null && !userId.equals(account.userId())) {
            return true;
        }
        Object subjectId = payload.get("subjectId"); // an export: of whom
        if (subjectId != null && !subjectId.equals(account.userId()) && !subjectId.equals(account.candidateId())) {
            return true;
        }
        return ("user".equals(event.recordType()) && !account.userId().equals(event.recordId()))
                || ("candidate".equals(event.recordType()) && !event.recordId().equals(account.candidateId()));
    }

    private static List<String> commonNotes() {
        return List.of(
                "Staff appear by their PIN only: their names, email addresses and user ids are their own data, not"
                        + " the subject's.",
                "The wording of assessment questions and options is the awarding organisation's confidential item"
                        + " bank and is left out; which questions were drawn, the options chosen and the marks are"
                        + " included.",
                "Files are listed with their SHA-256 and the endpoint that downloads each one; IMI hands them over"
                        + " with this export, and the SHA-256 shows that each is the file recorded.");
    }

    private SubjectAccessExport.ReadModel model(
            String name, String description, Object content, SubjectAccessRedaction.Own own) {
        List<?> entries = content instanceof List<?> list ? list : List.of(content);
        List<Object> items = new ArrayList<>();
        for (Object entry : entries) {
            JsonNode tree = SubjectAccessRedaction.redacted(json.valueToTree(entry), own);
            items.add(json.convertValue(tree, Object.class));
        }
        return new SubjectAccessExport.ReadModel(name, description, List.copyOf(items));
    }

    /** Every item of a paged list, page by page. */
    private static <T> List<T> all(IntFunction<Page<T>> pageOf) {
        List<T> items = new ArrayList<>();
        for (int page = 0; ; page++) {
            Page<T> next = pageOf.apply(page);
            items.addAll(next.items());
            if (next.items().isEmpty() || items.size() >= next.total()) {
                return items;
            }
        }
    }
}
