package org.awardinghub.command.hubrequest;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.awardinghub.command.InvalidCommand;
import org.awardinghub.command.Reason;
import org.awardinghub.command.RuleViolation;
import org.awardinghub.command.Text;
import org.awardinghub.command.UnknownRecord;
import org.awardinghub.command.centre.CentreDirectory;
import org.awardinghub.events.hubrequest.HubRequestClosed;
import org.awardinghub.events.hubrequest.HubRequestRaised;
import org.awardinghub.events.hubrequest.HubRequestReplied;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/** A request or feedback a centre raises with IMI: a thread of numbered replies until it is closed. */
@Aggregate
public class HubRequest {

    static final int SUBJECT_MAX_LENGTH = 200;
    static final int BODY_MAX_LENGTH = 5000;

    @AggregateIdentifier
    private String requestId;

    private String centreId;
    private boolean open;
    private int replies;

    /** For Axon, which rebuilds the request from its events. */
    protected HubRequest() {}

    @CommandHandler
    HubRequest(RaiseHubRequest command, CentreDirectory centres) {
        String id = Text.identifier("requestId", command.requestId());
        String centre = Text.identifier("centreId", command.centreId());
        if (command.kind() == null) {
            throw new InvalidCommand("kind", "a kind (REQUEST or FEEDBACK) is required");
        }
        String subject = Text.required("subject", command.subject(), SUBJECT_MAX_LENGTH);
        String body = Text.requiredLines("body", command.body(), BODY_MAX_LENGTH);
        centres.requireNotWithdrawn(centre, "a withdrawn centre cannot raise hub requests");
        apply(new HubRequestRaised(id, centre, command.kind(), subject, body, command.raisedByUserId()));
    }

    /** Answers the reply's number within the request: 1, 2, ... */
    @CommandHandler
    int handle(ReplyToHubRequest command) {
        requireAtCentre(command.centreId());
        requireOpen("replied to");
        String body = Text.requiredLines("body", command.body(), BODY_MAX_LENGTH);
        int replyNumber = replies + 1;
        apply(new HubRequestReplied(
                requestId, centreId, replyNumber, body, command.fromImi(), command.repliedByUserId()));
        return replyNumber;
    }

    @CommandHandler
    void handle(CloseHubRequest command) {
        requireAtCentre(command.centreId());
        requireOpen("closed");
        apply(new HubRequestClosed(requestId, centreId, Reason.of(command)));
    }

    @EventSourcingHandler
    void on(HubRequestRaised event) {
        requestId = event.requestId();
        centreId = event.centreId();
        open = true;
    }

    @EventSourcingHandler
    void on(HubRequestReplied event) {
        replies = event.replyNumber();
    }

    @EventSourcingHandler
    void on(HubRequestClosed event) {
        open = false;
    }

    /** Another centre's request is answered as unknown, so a centre learns nothing about the others'. */
    private void requireAtCentre(String claimedCentreId) {
        if (claimedCentreId != null && !claimedCentreId.equals(centreId)) {
            throw new UnknownRecord("No hub request " + requestId + " at centre " + claimedCentreId);
        }
    }

    private void requireOpen(String action) {
        if (!open) {
            throw new RuleViolation("Hub request is CLOSED; only an OPEN request can be " + action);
        }
    }
}
