package org.awardinghub.api.qualification;

import static org.awardinghub.events.user.Role.IMI_ADMIN;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.function.Function;
import org.awardinghub.api.PagedArray;
import org.awardinghub.api.Queries;
import org.awardinghub.api.problem.ApiProblem;
import org.awardinghub.api.security.Allow;
import org.awardinghub.api.text.MultiLine;
import org.awardinghub.command.qualification.ChangePassMark;
import org.awardinghub.query.qualification.FindQualification;
import org.awardinghub.query.qualification.ListQualifications;
import org.awardinghub.query.qualification.PageQualifications;
import org.awardinghub.query.qualification.QualificationView;
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

/** The qualification catalogue: read by every signed-in user, published and changed by IMI admins. */
@RestController
class QualificationController {

    public record Published(String code) {}

    public record PassMarkChange(
            @NotNull @Min(1) @Max(100) Integer passPercent,
            @NotBlank @Size(max = 1000) @MultiLine String reason) {}

    private final CommandGateway commands;
    private final Queries queries;

    public QualificationController(CommandGateway commands, Queries queries) {
        this.commands = commands;
        this.queries = queries;
    }

    /** Every qualification in the catalogue, with its units and assessments. */
    @GetMapping("/api/qualifications")
    @Allow(anyone = true)
    public ResponseEntity<List<QualificationView>> qualifications(
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return PagedArray.answer(
                page,
                size,
                paging -> queries.page(new PageQualifications(paging.page(), paging.size()), QualificationView.class),
                () -> queries.many(new ListQualifications(), QualificationView.class),
                Function.identity());
    }

    /** One qualification with its units and assessments. */
    @GetMapping("/api/qualifications/{code}")
    @Allow(anyone = true)
    public QualificationView qualification(@PathVariable String code) {
        return queries.one(new FindQualification(code), QualificationView.class)
                .orElseThrow(() -> ApiProblem.notFound("No qualification " + code));
    }

    /** Publishes a qualification to the catalogue, with its units, assessments and item banks. */
    @PostMapping("/api/qualifications")
    @Allow(IMI_ADMIN)
    @ResponseStatus(HttpStatus.CREATED)
    public ResponseEntity<Published> publish(@Valid @RequestBody QualificationDefinition request) {
        commands.sendAndWait(request.toCommand());
        String code = request.code().strip();
        return ResponseEntity.created(URI.create("/api/qualifications/" + code)).body(new Published(code));
    }

    /**
     * Changes an assessment's pass mark, with the reason. A changed pass mark is evidence: it is an event with the old
     * and new marks and the reason.
     */
    @PutMapping("/api/qualifications/{code}/assessments/{assessmentCode}/pass-mark")
    @Allow(IMI_ADMIN)
    public void changePassMark(
            @PathVariable String code,
            @PathVariable String assessmentCode,
            @Valid @RequestBody PassMarkChange request) {
        commands.sendAndWait(new ChangePassMark(code, assessmentCode, request.passPercent(), request.reason()));
    }
}
