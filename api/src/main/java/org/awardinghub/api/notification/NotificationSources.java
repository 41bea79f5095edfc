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
import org.awardinghub.events.centre.CentreApplied;
import org.awardinghub.events.centre.CentreDetailsAmended;
import org.awardinghub.events.certification.CertificateClaimed;
import org.awardinghub.events.certification.CertificateReplaced;
import org.awardinghub.events.hubrequest.HubRequestRaised;
import org.awardinghub.events.user.Role;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What a notice needs beyond its event, from the command side alone: users from the command side's user directory
 * (current, active ones), and a claim's claimant or a hub request's raiser and subject from the record's own first
 * event in the event store. Never a read model: who is told about a centre's certificates is a security decision.
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
