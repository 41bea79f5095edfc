package org.awardinghub.api.notification;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.awardinghub.command.user.UserAccount;
import org.awardinghub.command.user.UserDirectory;
import org.awardinghub.events.appeal.AppealLodged;
import org.awardinghub.events.appeal.ResultEnquiryRaised;
import org.awardinghub.events.arrangement.AccessArrangementRequested;
import org.awardinghub.events.candidate.CandidateNameAmended;
import org.awardinghub.events.candidate.CandidateRegistered;
import org.awardinghub.events.centre.CentreApplied;
import org.awardinghub.events.centre.CentreDetailsAmended;
import org.awardinghub.events.certification.CertificateClaimed;
import org.awardinghub.events.certification.CertificateReplaced;
import org.awardinghub.events.consideration.SpecialConsiderationApplied;
import org.awardinghub.events.hubrequest.HubRequestRaised;
import org.awardinghub.events.user.Role;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What a notice needs beyond its event, from the command side alone: users from the command side's user directory
 * (current, active ones), and a claim's claimant, a hub request's raiser and subject, an access arrangement's
 * requester, a special consideration's applicant, an enquiry's raiser and its appeal's appellant from the record's
 * own events in the event store. Never a read model: who is told about a centre's certificates is a security decision.
 */
@Component
class NotificationSources {

    private final UserDirectory users;
    private final EventStore events;
    private final String publicUrl;

    NotificationSources(UserDirectory users, EventStore events, @Value("${awarding.public-url}") String publicUrl) {
        this.users = users;
        this.events = events;
        this.publicUrl = publicUrl;
    }

    /** The centre's active users holding any of the roles. */
    List<UserAccount> staff(String centreId, Role... roles) {
        Set<Role> wanted = Set.copyOf(Arrays.asList(roles));
        return users.activeAtCentre(centreId).stream()
                .filter(user -> user.roles().stream().anyMatch(wanted::contains))
                .toList();
    }

    /** The user who made the claim, while active and still at the claim's centre. */
    List<UserAccount> claimant(String claimId) {
        return claim(claimId)
                .flatMap(claim -> activeAt(claim.claimedByUserId(), claim.centreId()))
                .map(List::of)
                .orElse(List.of());
    }

    /** The user who raised the hub request, while active and still at its centre. */
    List<UserAccount> raiser(String requestId) {
        return hubRequest(requestId)
                .flatMap(request -> activeAt(request.raisedByUserId(), request.centreId()))
                .map(List::of)
                .orElse(List.of());
    }

    /** The user who requested the access arrangement, while active and still at its centre. */
    List<UserAccount> requester(String arrangementId) {
        return first(arrangementId, AccessArrangementRequested.class)
                .flatMap(request -> activeAt(request.requestedByUserId(), request.centreId()))
                .map(List::of)
                .orElse(List.of());
    }

    /** The user who applied for the special consideration, while active and still at its centre. */
    List<UserAccount> applicant(String considerationId) {
        return first(considerationId, SpecialConsiderationApplied.class)
                .flatMap(application -> activeAt(application.appliedByUserId(), application.centreId()))
                .map(List::of)
                .orElse(List.of());
    }

    /** The user who raised the enquiry about a result, while active and still at its centre. */
    List<UserAccount> enquirer(String enquiryId) {
        return enquiry(enquiryId)
                .flatMap(enquiry -> activeAt(enquiry.raisedByUserId(), enquiry.centreId()))
                .map(List::of)
                .orElse(List.of());
    }

    /** The user who lodged the enquiry's appeal (its {@code AppealLodged}), while active and still at its centre. */
    List<UserAccount> appellant(String enquiryId) {
        var stream = events.readEvents(enquiryId, 0);
        while (stream.hasNext()) {
            if (stream.next().getPayload() instanceof AppealLodged lodged) {
                return activeAt(lodged.lodgedByUserId(), lodged.centreId())
                        .map(List::of)
                        .orElse(List.of());
            }
        }
        return List.of();
    }

    /** The assessment the enquiry is about, as its first event names it. */
    String enquiryAssessment(String enquiryId) {
        return enquiry(enquiryId).map(ResultEnquiryRaised::assessmentCode).orElse("the assessment");
    }

    /** The candidate's name as last amended, as the centre sees it on the candidate's page. */
    String candidateName(String candidateId) {
        String name = "the candidate";
        var stream = events.readEvents(candidateId, 0);
        while (stream.hasNext()) {
            Object payload = stream.next().getPayload();
            if (payload instanceof CandidateRegistered registered) {
                name = registered.firstName() + " " + registered.lastName();
            } else if (payload instanceof CandidateNameAmended amended) {
                name = amended.firstName() + " " + amended.lastName();
            }
        }
        return name;
    }

    /** The name the claim's certificate prints now: as claimed, or as on its latest replacement. */
    String holderName(String claimId) {
        String name = "the candidate";
        var stream = events.readEvents(claimId, 0);
        while (stream.hasNext()) {
            Object payload = stream.next().getPayload();
            if (payload instanceof CertificateClaimed claimed) {
                name = claimed.holderName();
            } else if (payload instanceof CertificateReplaced replaced) {
                name = replaced.holderName();
            }
        }
        return name;
    }

    String requestSubject(String requestId) {
        return hubRequest(requestId).map(HubRequestRaised::subject).orElse("your request");
    }

    /** The centre's name as last amended. */
    String centreName(String centreId) {
        String name = "your centre";
        var stream = events.readEvents(centreId, 0);
        while (stream.hasNext()) {
            Object payload = stream.next().getPayload();
            if (payload instanceof CentreApplied applied) {
                name = applied.name();
            } else if (payload instanceof CentreDetailsAmended amended) {
                name = amended.name();
            }
        }
        return name;
    }

    /** A page of the web UI, as the link in an email. */
    String link(String path) {
        return publicUrl + "/#" + path;
    }

    /** The lists' users, each once, in order. */
    @SafeVarargs
    final List<UserAccount> union(List<UserAccount>... lists) {
        Map<String, UserAccount> byId = new LinkedHashMap<>();
        for (List<UserAccount> list : lists) {
            list.forEach(user -> byId.putIfAbsent(user.userId(), user));
        }
        return new ArrayList<>(byId.values());
    }

    private Optional<UserAccount> activeAt(String userId, String centreId) {
        return users.findById(userId).filter(UserAccount::active).filter(user -> centreId.equals(user.centreId()));
    }

    private Optional<CertificateClaimed> claim(String claimId) {
        return first(claimId, CertificateClaimed.class);
    }

    private Optional<ResultEnquiryRaised> enquiry(String enquiryId) {
        return first(enquiryId, ResultEnquiryRaised.class);
    }

    private Optional<HubRequestRaised> hubRequest(String requestId) {
        return first(requestId, HubRequestRaised.class);
    }

    /** The record's first event, when it is of the type: the event that created it. */
    private <T> Optional<T> first(String aggregateId, Class<T> type) {
        var stream = events.readEvents(aggregateId, 0);
        if (!stream.hasNext()) {
            return Optional.empty();
        }
        DomainEventMessage<?> first = stream.next();
        return type.isInstance(first.getPayload()) ? Optional.of(type.cast(first.getPayload())) : Optional.empty();
    }
}
