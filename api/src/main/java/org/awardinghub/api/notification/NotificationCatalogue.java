package org.awardinghub.api.notification;

import static org.awardinghub.command.notification.NotificationKind.ACCESS_ARRANGEMENT_APPROVED;
import static org.awardinghub.command.notification.NotificationKind.ACCESS_ARRANGEMENT_REJECTED;
import static org.awardinghub.command.notification.NotificationKind.ACCESS_ARRANGEMENT_WITHDRAWN;
import static org.awardinghub.command.notification.NotificationKind.APPEAL_DECIDED;
import static org.awardinghub.command.notification.NotificationKind.CENTRE_SANCTIONED;
import static org.awardinghub.command.notification.NotificationKind.CENTRE_SANCTION_LIFTED;
import static org.awardinghub.command.notification.NotificationKind.CERTIFICATE_ISSUED;
import static org.awardinghub.command.notification.NotificationKind.CERTIFICATE_REPLACED;
import static org.awardinghub.command.notification.NotificationKind.CERTIFICATE_REVOKED;
import static org.awardinghub.command.notification.NotificationKind.CLAIM_APPROVED;
import static org.awardinghub.command.notification.NotificationKind.CLAIM_REJECTED;
import static org.awardinghub.command.notification.NotificationKind.HUB_REQUEST_ANSWERED;
import static org.awardinghub.command.notification.NotificationKind.HUB_REQUEST_CLOSED;
import static org.awardinghub.command.notification.NotificationKind.RESULT_CHANGED_ON_RE_CHECK;
import static org.awardinghub.command.notification.NotificationKind.SPECIAL_CONSIDERATION_DECIDED;
import static org.awardinghub.events.user.Role.CENTRE_ADMIN;
import static org.awardinghub.events.user.Role.CENTRE_COORDINATOR;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import org.awardinghub.command.notification.NotificationKind;
import org.awardinghub.events.appeal.AppealDecided;
import org.awardinghub.events.appeal.ClericalReCheckCompleted;
import org.awardinghub.events.appeal.ReCheckOutcome;
import org.awardinghub.events.arrangement.AccessArrangementApproved;
import org.awardinghub.events.arrangement.AccessArrangementRejected;
import org.awardinghub.events.arrangement.AccessArrangementWithdrawn;
import org.awardinghub.events.arrangement.ArrangementKind;
import org.awardinghub.events.centre.CentreSanctionImposed;
import org.awardinghub.events.centre.CentreSanctionLifted;
import org.awardinghub.events.certification.CertificateIssued;
import org.awardinghub.events.certification.CertificateReplaced;
import org.awardinghub.events.certification.CertificateRevoked;
import org.awardinghub.events.certification.ClaimRejected;
import org.awardinghub.events.consideration.SpecialConsiderationDecided;
import org.awardinghub.events.hubrequest.HubRequestClosed;
import org.awardinghub.events.hubrequest.HubRequestReplied;

/**
 * Every notification the application sends: the event, its kind, who waits for it and what its template says.
 * Adding one is an entry here, a constant in {@code NotificationKind} and a template under
 * {@code resources/notifications/} (ADR 0157). At most one entry matches an event.
 */
final class NotificationCatalogue {

    static final List<Notice<?>> NOTICES = List.of(
            Notice.on(
                    CertificateIssued.class,
                    CertificateIssued::approvedByImi,
                    CLAIM_APPROVED,
                    (e, find) -> find.union(find.claimant(e.claimId()), find.staff(e.centreId(), CENTRE_COORDINATOR)),
                    (e, find) -> Map.of(
                            "certificateNumber", e.certificateNumber(),
                            "holderName", e.holderName(),
                            "qualificationCode", e.qualificationCode(),
                            "link", find.link("/certificates/claims/" + e.claimId()))),
            Notice.on(
                    CertificateIssued.class,
                    e -> !e.approvedByImi(),
                    CERTIFICATE_ISSUED,
                    (e, find) -> find.union(find.claimant(e.claimId()), find.staff(e.centreId(), CENTRE_COORDINATOR)),
                    (e, find) -> Map.of(
                            "certificateNumber", e.certificateNumber(),
                            "holderName", e.holderName(),
                            "qualificationCode", e.qualificationCode(),
                            "link", find.link("/certificates/claims/" + e.claimId()))),
            Notice.on(
                    ClaimRejected.class,
                    CLAIM_REJECTED,
                    (e, find) -> find.union(find.claimant(e.claimId()), find.staff(e.centreId(), CENTRE_COORDINATOR)),
                    (e, find) -> Map.of(
                            "holderName", find.holderName(e.claimId()),
                            "qualificationCode", e.qualificationCode(),
                            "reason", e.reason(),
                            "link", find.link("/certificates/claims/" + e.claimId()))),
            Notice.on(
                    CertificateReplaced.class,
                    CERTIFICATE_REPLACED,
                    (e, find) -> find.union(find.claimant(e.claimId()), find.staff(e.centreId(), CENTRE_COORDINATOR)),
                    (e, find) -> Map.of(
                            "replacedNumber", e.replacedNumber(),
                            "certificateNumber", e.certificateNumber(),
                            "holderName", e.holderName(),
                            "qualificationCode", e.qualificationCode(),
                            "reason", e.reason(),
                            "link", find.link("/certificates/claims/" + e.claimId()))),
            Notice.on(
                    CertificateRevoked.class,
                    CERTIFICATE_REVOKED,
                    (e, find) -> find.union(find.claimant(e.claimId()), find.staff(e.centreId(), CENTRE_COORDINATOR)),
                    (e, find) -> Map.of(
                            "certificateNumber", e.certificateNumber(),
                            "holderName", find.holderName(e.claimId()),
                            "qualificationCode", e.qualificationCode(),
                            "revokedOn", e.revokedOn().toString(),
                            "reason", e.reason(),
                            "link", find.link("/certificates/claims/" + e.claimId()))),
            Notice.on(
                    HubRequestReplied.class,
                    HubRequestReplied::fromImi,
                    HUB_REQUEST_ANSWERED,
                    (e, find) -> find.raiser(e.requestId()),
                    (e, find) -> Map.of(
                            "requestSubject", find.requestSubject(e.requestId()), "link", find.link("/my-centre"))),
            Notice.on(
                    HubRequestClosed.class,
                    HUB_REQUEST_CLOSED,
                    (e, find) -> find.raiser(e.requestId()),
                    (e, find) -> Map.of(
                            "requestSubject", find.requestSubject(e.requestId()),
                            "reason", e.reason(),
                            "link", find.link("/my-centre"))),
            Notice.on(
                    CentreSanctionImposed.class,
                    CENTRE_SANCTIONED,
                    (e, find) -> find.staff(e.centreId(), CENTRE_COORDINATOR, CENTRE_ADMIN),
                    (e, find) -> Map.of(
                            "centreName", find.centreName(e.centreId()),
                            "sanction", SanctionWords.of(e.sanction()),
                            "reason", e.reason(),
                            "link", find.link("/my-centre"))),
            Notice.on(
                    CentreSanctionLifted.class,
                    CENTRE_SANCTION_LIFTED,
                    (e, find) -> find.staff(e.centreId(), CENTRE_COORDINATOR, CENTRE_ADMIN),
                    (e, find) -> Map.of(
                            "centreName", find.centreName(e.centreId()),
                            "sanction", SanctionWords.of(e.sanction()),
                            "reason", e.reason(),
                            "link", find.link("/my-centre"))),
            Notice.on(
                    AccessArrangementApproved.class,
                    e -> !e.automatically(),
                    ACCESS_ARRANGEMENT_APPROVED,
                    (e, find) ->
                            find.union(find.requester(e.arrangementId()), find.staff(e.centreId(), CENTRE_COORDINATOR)),
                    (e, find) -> Map.of(
                            "candidateName", find.candidateName(e.candidateId()),
                            "arrangement", PostResultsWords.arrangement(e),
                            "reason", e.reason(),
                            "link", find.link("/candidates/" + e.candidateId()))),
            arrangementEnded(
                    AccessArrangementRejected.class,
                    any -> true,
                    ACCESS_ARRANGEMENT_REJECTED,
                    e -> new EndedArrangement(e.arrangementId(), e.candidateId(), e.centreId(), e.kind(), e.reason())),
            arrangementEnded(
                    AccessArrangementWithdrawn.class,
                    AccessArrangementWithdrawn::byImi,
                    ACCESS_ARRANGEMENT_WITHDRAWN,
                    e -> new EndedArrangement(e.arrangementId(), e.candidateId(), e.centreId(), e.kind(), e.reason())),
            Notice.on(
                    SpecialConsiderationDecided.class,
                    SPECIAL_CONSIDERATION_DECIDED,
                    (e, find) -> find.union(
                            find.applicant(e.considerationId()), find.staff(e.centreId(), CENTRE_COORDINATOR)),
                    (e, find) -> Map.of(
                            "candidateName", find.candidateName(e.candidateId()),
                            "assessmentCode", e.assessmentCode(),
                            "decision", PostResultsWords.considerationDecision(e.decision()),
                            "effect", PostResultsWords.considerationEffect(e.decision()),
                            "reason", e.reason(),
                            "link", find.link("/candidates/" + e.candidateId()))),
            Notice.on(
                    ClericalReCheckCompleted.class,
                    e -> e.result() == ReCheckOutcome.CHANGED,
                    RESULT_CHANGED_ON_RE_CHECK,
                    (e, find) -> find.union(find.enquirer(e.enquiryId()), find.staff(e.centreId(), CENTRE_COORDINATOR)),
                    (e, find) -> Map.of(
                            "candidateName", find.candidateName(e.candidateId()),
                            "assessmentCode", find.enquiryAssessment(e.enquiryId()),
                            "result", PostResultsWords.reCheckResult(e),
                            "link", find.link("/candidates/" + e.candidateId()))),
            Notice.on(
                    AppealDecided.class,
                    APPEAL_DECIDED,
                    (e, find) ->
                            find.union(find.appellant(e.enquiryId()), find.staff(e.centreId(), CENTRE_COORDINATOR)),
                    (e, find) -> Map.of(
                            "candidateName", find.candidateName(e.candidateId()),
                            "assessmentCode", find.enquiryAssessment(e.enquiryId()),
                            "decision", PostResultsWords.appealDecision(e.decision()),
                            "result", PostResultsWords.appealResult(e),
                            "reason", e.reason(),
                            "link", find.link("/candidates/" + e.candidateId()))));

    private NotificationCatalogue() {}

    /** What an email about an arrangement IMI ended (rejected or withdrawn) says, whichever event ended it. */
    private record EndedArrangement(
            String arrangementId, String candidateId, String centreId, ArrangementKind kind, String reason) {}

    /** The centre's requester and coordinators are told which arrangement IMI ended, and why. */
    private static <E> Notice<E> arrangementEnded(
            Class<E> event, Predicate<E> when, NotificationKind kind, Function<E, EndedArrangement> ended) {
        return Notice.on(
                event,
                when,
                kind,
                (e, find) -> find.union(
                        find.requester(ended.apply(e).arrangementId()),
                        find.staff(ended.apply(e).centreId(), CENTRE_COORDINATOR)),
                (e, find) -> Map.of(
                        "candidateName", find.candidateName(ended.apply(e).candidateId()),
                        "arrangement",
                                PostResultsWords.arrangement(ended.apply(e).kind()),
                        "reason", ended.apply(e).reason(),
                        "link", find.link("/candidates/" + ended.apply(e).candidateId())));
    }

    /** The notice the event sends, if any. */
    static Optional<Notice<?>> noticeFor(Object payload) {
        return NOTICES.stream().filter(notice -> notice.matches(payload)).findFirst();
    }
}
