package org.awardinghub.api.privacy;

import static org.awardinghub.events.user.Role.IMI_ADMIN;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import org.awardinghub.api.problem.ApiProblem;
import org.awardinghub.api.security.Access;
import org.awardinghub.api.security.ActingUser;
import org.awardinghub.api.security.Allow;
import org.awardinghub.command.Reason;
import org.awardinghub.command.Text;
import org.awardinghub.command.privacy.RecordSubjectAccessExport;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Subject access (UK GDPR Article 15): IMI exports everything held about one candidate or one user, as JSON or, with
 * {@code Accept: application/pdf}, as a PDF of the same content, and the export is recorded in the audit trail
 * ({@code SubjectAccessExported}) before it is handed over. IMI_ADMIN only (ADR 0167).
 */
@RestController
class SubjectAccessController {

    private final Access access;
    private final SubjectAccess subjectAccess;
    private final SubjectAccessPdf pdf;
    private final CommandGateway commands;

    SubjectAccessController(Access access, SubjectAccess subjectAccess, SubjectAccessPdf pdf, CommandGateway commands) {
        this.access = access;
        this.subjectAccess = subjectAccess;
        this.pdf = pdf;
        this.commands = commands;
    }

    /**
     * Everything held about a candidate. Their events in plain English, the read models about them, the files
     * uploaded about them and the controller's statement under Article 15; {@code reason} (optional, e.g. the
     * request's reference) is recorded with the export.
     */
    @GetMapping(
            value = "/api/candidates/{candidateId}/subject-access",
            produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PDF_VALUE})
    @Allow(IMI_ADMIN)
    @ApiResponse(
            responseCode = "200",
            description = "The export as JSON, or as a PDF when the request accepts application/pdf",
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON_VALUE,
                        schema = @Schema(implementation = SubjectAccessExport.class)),
                @Content(
                        mediaType = MediaType.APPLICATION_PDF_VALUE,
                        schema = @Schema(type = "string", format = "binary"))
            })
    public ResponseEntity<?> candidate(
            @PathVariable String candidateId,
            @RequestParam(required = false) String reason,
            HttpServletRequest request) {
        String why = reason(reason);
        boolean asPdf = pdfWanted(request.getHeader(HttpHeaders.ACCEPT));
        ActingUser me = access.current();
        return exported(subjectAccess.candidate(candidateId, me.pin(), why), asPdf, me);
    }

    /**
     * Everything held about a user. A member of staff or a candidate's own account: their account's events and read
     * model, and what was recorded under their PIN (on another person's record, only its kind and time);
     * {@code reason} (optional) is recorded with the export.
     */
    @GetMapping(
            value = "/api/users/{userId}/subject-access",
            produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PDF_VALUE})
    @Allow(IMI_ADMIN)
    @ApiResponse(
            responseCode = "200",
            description = "The export as JSON, or as a PDF when the request accepts application/pdf",
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON_VALUE,
                        schema = @Schema(implementation = SubjectAccessExport.class)),
                @Content(
                        mediaType = MediaType.APPLICATION_PDF_VALUE,
                        schema = @Schema(type = "string", format = "binary"))
            })
    public ResponseEntity<?> user(
            @PathVariable String userId, @RequestParam(required = false) String reason, HttpServletRequest request) {
        String why = reason(reason);
        boolean asPdf = pdfWanted(request.getHeader(HttpHeaders.ACCEPT));
        ActingUser me = access.current();
        return exported(subjectAccess.user(userId, me.pin(), why), asPdf, me);
    }

    /**
     * The export recorded, then answered: an export that could not be recorded is not handed over. Never stored by a
     * cache on the way.
     */
    private ResponseEntity<?> exported(SubjectAccessExport export, boolean asPdf, ActingUser me) {
        byte[] document = asPdf ? pdf.render(export) : null;
        SubjectAccessExport.Subject subject = export.subject();
        commands.sendAndWait(new RecordSubjectAccessExport(
                subject.type(), subject.id(), asPdf ? "pdf" : "json", export.reason(), me.userId(), me.pin()));
        String fileName = "subject-access-" + subject.type() + "-" + subject.id() + (asPdf ? ".pdf" : ".json");
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"")
                .cacheControl(CacheControl.noStore());
        return asPdf
                ? answer.contentType(MediaType.APPLICATION_PDF).body(document)
                : answer.contentType(MediaType.APPLICATION_JSON).body(export);
    }

    /** The reason given, trimmed; null when none; 400 when too long or not on one line. */
    private static String reason(String reason) {
        if (reason == null || reason.isBlank()) {
            return null;
        }
        String stripped = reason.strip();
        if (stripped.length() > Reason.MAX_LENGTH) {
            throw ApiProblem.badRequest("reason", "must be at most " + Reason.MAX_LENGTH + " characters");
        }
        String refusal = Text.refusal(stripped, false);
        if (refusal != null) {
            throw ApiProblem.badRequest("reason", refusal);
        }
        return stripped;
    }

    /**
     * Whether the request prefers a PDF: {@code application/pdf} named with a higher quality than
     * {@code application/json} (or as high, and first). Anything else, a wildcard included, answers JSON.
     */
    static boolean pdfWanted(String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        List<MediaType> types;
        try {
            types = MediaType.parseMediaTypes(accept);
        } catch (InvalidMediaTypeException e) {
            return false;
        }
        double pdf = -1;
        double json = -1;
        int pdfAt = Integer.MAX_VALUE;
        int jsonAt = Integer.MAX_VALUE;
        for (int i = 0; i < types.size(); i++) {
            MediaType type = types.get(i);
            String name = (type.getType() + "/" + type.getSubtype()).toLowerCase(Locale.ROOT);
            if (name.equals(MediaType.APPLICATION_PDF_VALUE) && type.getQualityValue() > pdf) {
                pdf = type.getQualityValue();
                pdfAt = Math.min(pdfAt, i);
            } else if (name.equals(MediaType.APPLICATION_JSON_VALUE) && type.getQualityValue() > json) {
                json = type.getQualityValue();
                jsonAt = Math.min(jsonAt, i);
            }
        }
        return pdf > 0 && (pdf > json || (pdf == json && pdfAt < jsonAt));
    }
}
