package org.awardinghub.api.centre;

import static org.awardinghub.events.user.Role.AUDITOR;
import static org.awardinghub.events.user.Role.IMI_ADMIN;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.awardinghub.api.Paging;
import org.awardinghub.api.Queries;
import org.awardinghub.api.Reason;
import org.awardinghub.api.problem.ApiProblem;
import org.awardinghub.api.security.Access;
import org.awardinghub.api.security.ActingUser;
import org.awardinghub.api.security.Allow;
import org.awardinghub.api.text.MultiLine;
import org.awardinghub.api.text.SingleLine;
import org.awardinghub.command.centre.AmendCentreDetails;
import org.awardinghub.command.centre.ApproveCentre;
import org.awardinghub.command.centre.ApproveCentreQualification;
import org.awardinghub.command.centre.CreateCentre;
import org.awardinghub.command.centre.GrantDirectClaimStatus;
import org.awardinghub.command.centre.ImposeSanction;
import org.awardinghub.command.centre.LiftSanction;
import org.awardinghub.command.centre.ReinstateCentre;
import org.awardinghub.command.centre.RemoveCentreQualification;
import org.awardinghub.command.centre.RemoveDirectClaimStatus;
import org.awardinghub.command.centre.SuspendCentre;
import org.awardinghub.command.centre.WithdrawCentre;
import org.awardinghub.events.centre.CentreStatus;
import org.awardinghub.events.centre.Sanction;
import org.awardinghub.query.Page;
import org.awardinghub.query.centre.CentreView;
import org.awardinghub.query.centre.FindCentre;
import org.awardinghub.query.centre.ListCentres;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The Centres Hub: IMI approves, sanctions and manages centres; a centre sees its own profile. */
@RestController
class CentreController {

    public record CentreApplication(
            @NotBlank @Size(max = 200) @SingleLine String name,
            @NotBlank @Size(max = 500) @MultiLine String address,
            @NotBlank @Size(max = 254) @SingleLine String contactEmail) {}

    public record CreatedCentre(String centreId, CentreStatus status) {}

    public record Approval(
            @NotEmpty List<@NotBlank @SingleLine String> qualificationCodes,
            @NotNull Boolean directClaimStatus) {}

    public record Approved(String centreId, String centreNumber, CentreStatus status) {}

    public record StatusChange(String centreId, CentreStatus status) {}

    public record DirectClaimStatusChange(
            @NotNull Boolean granted,
            @NotBlank @Size(max = 1000) @MultiLine String reason) {}

    public record QualificationApproval(
            @NotBlank @SingleLine String qualificationCode,
            @NotBlank @Size(max = 1000) @MultiLine String reason) {}

    public record SanctionChange(
            @NotNull Sanction sanction,
            @NotBlank @Size(max = 1000) @MultiLine String reason) {}

    public record DetailsAmendment(
            @NotBlank @Size(max = 200) @SingleLine String name,
            @NotBlank @Size(max = 500) @MultiLine String address,
            @NotBlank @Size(max = 254) @SingleLine String contactEmail,
            @NotBlank @Size(max = 1000) @MultiLine String reason) {}

    private final Access access;
    private final CommandGateway commands;
    private final Queries queries;

    public CentreController(Access access, CommandGateway commands, Queries queries) {
        this.access = access;
        this.commands = commands;
        this.queries = queries;
    }

    /** Records a centre's application to become an approved centre. */
    @PostMapping("/api/centres")
    @Allow(IMI_ADMIN)
    @ResponseStatus(HttpStatus.CREATED)
    public ResponseEntity<CreatedCentre> create(@Valid @RequestBody CentreApplication request) {
        String centreId = java.util.UUID.randomUUID().toString();
        commands.sendAndWait(new CreateCentre(centreId, request.name(), request.address(), request.contactEmail()));
        return ResponseEntity.created(URI.create("/api/centres/" + centreId))
                .body(new CreatedCentre(centreId, CentreStatus.APPLIED));
    }

    /** Approves an applied centre for its qualifications and gives it its centre number. */
    @PostMapping("/api/centres/{centreId}/approve")
    @Allow(IMI_ADMIN)
    public Approved approve(@PathVariable String centreId, @Valid @RequestBody Approval request) {
        String centreNumber = commands.sendAndWait(
                new ApproveCentre(centreId, request.qualificationCodes(), request.directClaimStatus()));
        return new Approved(centreId, centreNumber, CentreStatus.APPROVED);
    }

    /** Suspends an approved centre, with the reason. */
    @PostMapping("/api/centres/{centreId}/suspend")
    @Allow(IMI_ADMIN)
    public StatusChange suspend(@PathVariable String centreId, @Valid @RequestBody Reason request) {
        commands.sendAndWait(new SuspendCentre(centreId, request.reason()));
        return new StatusChange(centreId, CentreStatus.SUSPENDED);
    }

    /** Reinstates a suspended centre, with the reason. */
    @PostMapping("/api/centres/{centreId}/reinstate")
    @Allow(IMI_ADMIN)
    public StatusChange reinstate(@PathVariable String centreId, @Valid @RequestBody Reason request) {
        commands.sendAndWait(new ReinstateCentre(centreId, request.reason()));
        return new StatusChange(centreId, CentreStatus.APPROVED);
    }

    /** Withdraws a centre's approval for good, with the reason. */
    @PostMapping("/api/centres/{centreId}/withdraw")
    @Allow(IMI_ADMIN)
    public StatusChange withdraw(@PathVariable String centreId, @Valid @RequestBody Reason request) {
        commands.sendAndWait(new WithdrawCentre(centreId, request.reason()));
        return new StatusChange(centreId, CentreStatus.WITHDRAWN);
    }

    /**
     * Grants or removes a centre's Direct Claim Status, with the reason. With it, the centre's certificate claims are
     * issued without IMI's approval.
     */
    @PutMapping("/api/centres/{centreId}/direct-claim-status")
    @Allow(IMI_ADMIN)
    public void directClaimStatus(@PathVariable String centreId, @Valid @RequestBody DirectClaimStatusChange request) {
        commands.sendAndWait(
                request.granted()
                        ? new GrantDirectClaimStatus(centreId, request.reason())
                        : new RemoveDirectClaimStatus(centreId, request.reason()));
    }

    /** Approves a centre for one more qualification, with the reason. */
    @PostMapping("/api/centres/{centreId}/qualifications")
    @Allow(IMI_ADMIN)
    public void approveQualification(@PathVariable String centreId, @Valid @RequestBody QualificationApproval request) {
        commands.sendAndWait(new ApproveCentreQualification(
                centreId, request.qualificationCode().strip(), request.reason()));
    }

    /** Removes a qualification from those a centre is approved for, with the reason. */
    @PostMapping("/api/centres/{centreId}/qualifications/{code}/remove")
    @Allow(IMI_ADMIN)
    public void removeQualification(
            @PathVariable String centreId, @PathVariable String code, @Valid @RequestBody Reason request) {
        commands.sendAndWait(new RemoveCentreQualification(centreId, code, request.reason()));
    }

    /** Imposes a sanction on a centre (registrations or certification), with the reason. */
    @PostMapping("/api/centres/{centreId}/sanctions")
    @Allow(IMI_ADMIN)
    public void imposeSanction(@PathVariable String centreId, @Valid @RequestBody SanctionChange request) {
        commands.sendAndWait(new ImposeSanction(centreId, request.sanction(), request.reason()));
    }

    /** Lifts a sanction from a centre, with the reason. */
    @PostMapping("/api/centres/{centreId}/sanctions/{sanction}/lift")
    @Allow(IMI_ADMIN)
    public void liftSanction(
            @PathVariable String centreId, @PathVariable Sanction sanction, @Valid @RequestBody Reason request) {
        commands.sendAndWait(new LiftSanction(centreId, sanction, request.reason()));
    }

    /** Amends a centre's name, address and contact email, with the reason. */
    @PutMapping("/api/centres/{centreId}/details")
    @Allow(IMI_ADMIN)
    public void amendDetails(@PathVariable String centreId, @Valid @RequestBody DetailsAmendment request) {
        commands.sendAndWait(new AmendCentreDetails(
                centreId, request.name(), request.address(), request.contactEmail(), request.reason()));
    }

    /** A page of centres. IMI staff see every centre; a centre user sees a page holding only their own. */
    @GetMapping("/api/centres")
    @Allow(anyone = true)
    public Page<CentreView> centres(
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        Paging paging = Paging.of(page, size);
        ActingUser me = access.current();
        if (me.isImiStaff()) {
            return queries.page(new ListCentres(paging.page(), paging.size()), CentreView.class);
        }
        var own = queries.one(new FindCentre(me.centreId()), CentreView.class);
        return new Page<>(
                paging.page() == 0 ? own.stream().toList() : List.of(),
                paging.page(),
                paging.size(),
                own.isPresent() ? 1 : 0);
    }

    /** One centre's profile: its status, number, qualifications and sanctions. */
    @GetMapping("/api/centres/{centreId}")
    @Allow(
            value = {IMI_ADMIN, AUDITOR},
            anyOfCentre = true)
    public CentreView centre(@PathVariable String centreId) {
        return queries.one(new FindCentre(centreId), CentreView.class)
                .orElseThrow(() -> ApiProblem.notFound("No such centre"));
    }
}
