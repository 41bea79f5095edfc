package org.awardinghub.api.hubrequest;

import static org.awardinghub.events.user.Role.AUDITOR;
import static org.awardinghub.events.user.Role.IMI_ADMIN;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.UUID;
import org.awardinghub.api.Paging;
import org.awardinghub.api.Queries;
import org.awardinghub.api.Reason;
import org.awardinghub.api.problem.ApiProblem;
import org.awardinghub.api.security.Access;
import org.awardinghub.api.security.ActingUser;
import org.awardinghub.api.security.Allow;
import org.awardinghub.api.text.MultiLine;
import org.awardinghub.api.text.SingleLine;
import org.awardinghub.command.hubrequest.CloseHubRequest;
import org.awardinghub.command.hubrequest.RaiseHubRequest;
import org.awardinghub.command.hubrequest.ReplyToHubRequest;
import org.awardinghub.events.hubrequest.HubRequestKind;
import org.awardinghub.query.Page;
import org.awardinghub.query.hubrequest.FindHubRequest;
import org.awardinghub.query.hubrequest.HubRequestView;
import org.awardinghub.query.hubrequest.ListAllHubRequests;
import org.awardinghub.query.hubrequest.ListHubRequests;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Requests and feedback between a centre and IMI: raised, replied to by either side, closed. */
@RestController
class HubRequestController {

    public record NewRequest(
            @NotNull HubRequestKind kind,
            @NotBlank @Size(max = 200) @SingleLine String subject,
            @NotBlank @Size(max = 5000) @MultiLine String body) {}

    public record RaisedRequest(String requestId, String status) {}

    public record NewReply(
            @NotBlank @Size(max = 5000) @MultiLine String body) {}

    public record PostedReply(String requestId, int replyNumber) {}

    private final Access access;
    private final CommandGateway commands;
    private final Queries queries;

    public HubRequestController(Access access, CommandGateway commands, Queries queries) {
        this.access = access;
        this.commands = commands;
        this.queries = queries;
    }

    /** Raises a request from a centre to IMI, or from IMI to a centre. */
    @PostMapping("/api/centres/{centreId}/requests")
    @Allow(value = IMI_ADMIN, anyOfCentre = true)
    @ResponseStatus(HttpStatus.CREATED)
    public ResponseEntity<RaisedRequest> raise(@PathVariable String centreId, @Valid @RequestBody NewRequest request) {
        ActingUser me = access.current();
        String requestId = UUID.randomUUID().toString();
        commands.sendAndWait(new RaiseHubRequest(
                requestId, centreId, request.kind(), request.subject(), request.body(), me.userId()));
        return ResponseEntity.created(URI.create("/api/centres/" + centreId + "/requests/" + requestId))
                .body(new RaisedRequest(requestId, HubRequestView.OPEN));
    }

    /** A page of a centre's requests to and from IMI, newest first. */
    @GetMapping("/api/centres/{centreId}/requests")
    @Allow(
            value = {IMI_ADMIN, AUDITOR},
            anyOfCentre = true)
    public Page<HubRequestView> requests(
            @PathVariable String centreId,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        Paging paging = Paging.of(page, size);
        return queries.page(new ListHubRequests(centreId, paging.page(), paging.size()), HubRequestView.class);
    }

    /** IMI's inbox of requests across centres, newest first. {@code ?status=OPEN} lists those still waiting. */
    @GetMapping("/api/requests")
    @Allow({IMI_ADMIN, AUDITOR})
    public Page<HubRequestView> allRequests(
            @RequestParam(required = false) String status,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        if (status != null && !status.equals(HubRequestView.OPEN) && !status.equals(HubRequestView.CLOSED)) {
            throw ApiProblem.badRequest("status", "must be OPEN or CLOSED");
        }
        Paging paging = Paging.of(page, size);
        return queries.page(new ListAllHubRequests(status, paging.page(), paging.size()), HubRequestView.class);
    }

    /** One request with its replies. */
    @GetMapping("/api/centres/{centreId}/requests/{requestId}")
    @Allow(
            value = {IMI_ADMIN, AUDITOR},
            anyOfCentre = true)
    public HubRequestView request(@PathVariable String centreId, @PathVariable String requestId) {
        return queries.one(new FindHubRequest(requestId), HubRequestView.class)
                .filter(r -> r.centreId().equals(centreId))
                .orElseThrow(() -> ApiProblem.notFound("No such request at this centre"));
    }

    /** Adds a reply to an open request. */
    @PostMapping("/api/centres/{centreId}/requests/{requestId}/replies")
    @Allow(value = IMI_ADMIN, anyOfCentre = true)
    @ResponseStatus(HttpStatus.CREATED)
    public ResponseEntity<PostedReply> reply(
            @PathVariable String centreId, @PathVariable String requestId, @Valid @RequestBody NewReply request) {
        ActingUser me = access.current();
        int number = commands.sendAndWait(
                new ReplyToHubRequest(requestId, centreId, request.body(), me.isImiStaff(), me.userId()));
        // Replies live inside their request: the new reply is found at the request's address.
        return ResponseEntity.created(URI.create("/api/centres/" + centreId + "/requests/" + requestId))
                .body(new PostedReply(requestId, number));
    }

    /** Closes a request, with the reason. */
    @PostMapping("/api/centres/{centreId}/requests/{requestId}/close")
    @Allow(value = IMI_ADMIN, anyOfCentre = true)
    public RaisedRequest close(
            @PathVariable String centreId, @PathVariable String requestId, @Valid @RequestBody Reason request) {
        commands.sendAndWait(new CloseHubRequest(requestId, centreId, request.reason()));
        return new RaisedRequest(requestId, HubRequestView.CLOSED);
    }
}
