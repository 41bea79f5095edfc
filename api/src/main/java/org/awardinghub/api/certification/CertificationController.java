package org.awardinghub.api.certification;

import static org.awardinghub.events.user.Role.AUDITOR;
import static org.awardinghub.events.user.Role.CENTRE_ADMIN;
import static org.awardinghub.events.user.Role.CENTRE_COORDINATOR;
import static org.awardinghub.events.user.Role.IMI_ADMIN;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;
import org.awardinghub.api.DateRange;
import org.awardinghub.api.Paging;
import org.awardinghub.api.Reason;
import org.awardinghub.api.certification.Certificates.Claim;
import org.awardinghub.api.certification.Certificates.Verification;
import org.awardinghub.api.metadata.RequestCorrelation;
import org.awardinghub.api.problem.ApiProblem;
import org.awardinghub.api.security.Access;
import org.awardinghub.api.security.ActingUser;
import org.awardinghub.api.security.Allow;
import org.awardinghub.api.security.Public;
import org.awardinghub.command.certification.ApproveClaim;
import org.awardinghub.command.certification.CertificateDirectory;
import org.awardinghub.command.certification.CertificateEntry;
import org.awardinghub.command.certification.ClaimCertificate;
import org.awardinghub.command.certification.ClaimMade;
import org.awardinghub.command.certification.RejectClaim;
import org.awardinghub.command.certification.ReplaceCertificate;
import org.awardinghub.command.certification.RevokeCertificate;
import org.awardinghub.events.certification.CertificateStatus;
import org.awardinghub.events.certification.ClaimStatus;
import org.awardinghub.query.Page;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Certification: a centre claims, IMI approves or rejects (a Direct Claim Status centre's claim is issued at once),
 * anyone verifies a certificate with its number and code, the centre and IMI print it, IMI replaces and revokes.
 * The verification code is a credential: it lives on the command side, never in an event or read model, and is
 * shown only to the centre and IMI staff. What a claim, a verification and a printed certificate show is decided in
 * {@link Certificates}.
 */
@RestController
class CertificationController {

    public record Claimed(String claimId, ClaimStatus status, String certificateNumber) {}

    public record Decided(String claimId, ClaimStatus status, String certificateNumber) {}

    public record CertificateChange(String certificateNumber, CertificateStatus status, String replacedBy) {}

    private final Access access;
    private final CommandGateway commands;
    private final CertificateDirectory register;
    private final VerifyRateLimit rateLimit;
    private final Certificates certificates;

    public CertificationController(
            Access access,
            CommandGateway commands,
            CertificateDirectory register,
            VerifyRateLimit rateLimit,
            Certificates certificates) {
        this.access = access;
        this.commands = commands;
        this.register = register;
        this.rateLimit = rateLimit;
        this.certificates = certificates;
    }

    /**
     * Claims a certificate for a candidate who has met every requirement. With Direct Claim Status it is issued at
     * once; otherwise it awaits IMI's approval.
     */
    @PostMapping("/api/candidates/{candidateId}/certificate-claims")
    @Allow(
            ofCentre = {CENTRE_ADMIN, CENTRE_COORDINATOR},
            centreOf = Access.CANDIDATE_ID)
    @ResponseStatus(HttpStatus.CREATED)
    public ResponseEntity<Claimed> claim(@PathVariable String candidateId) {
        String claimId = UUID.randomUUID().toString();
        ClaimMade made = commands.sendAndWait(
                new ClaimCertificate(claimId, candidateId, access.current().userId()));
        return ResponseEntity.created(URI.create("/api/certificate-claims/" + claimId))
                .body(new Claimed(claimId, made.status(), made.certificateNumber()));
    }

    /** Approves a certificate claim: the certificate is issued and numbered. */
    @PostMapping("/api/certificate-claims/{claimId}/approve")
    @Allow(IMI_ADMIN)
    public Decided approve(@PathVariable String claimId) {
        String number = commands.sendAndWait(new ApproveClaim(claimId));
        return new Decided(claimId, ClaimStatus.ISSUED, number);
    }

    /** Rejects a certificate claim, with the reason. */
    @PostMapping("/api/certificate-claims/{claimId}/reject")
    @Allow(IMI_ADMIN)
    public Decided reject(@PathVariable String claimId, @Valid @RequestBody Reason request) {
        commands.sendAndWait(new RejectClaim(claimId, request.reason()));
        return new Decided(claimId, ClaimStatus.REJECTED, null);
    }

    /**
     * A page of certificate claims, by status and centre. IMI staff see every centre's claims (or one centre's); a
     * centre user sees their own centre's.
     */
    @GetMapping("/api/certificate-claims")
    @Allow(anyone = true)
    public Page<Claim> claims(
            @RequestParam(required = false) ClaimStatus status,
            @RequestParam(required = false) String centreId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate claimedFrom,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate claimedTo,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        Paging paging = Paging.of(page, size);
        DateRange claimed = DateRange.of("claimedFrom", claimedFrom, "claimedTo", claimedTo);
        ActingUser user = access.current();
        String centre = user.isImiStaff() ? blankToNull(centreId) : user.centreId();
        if (!user.isImiStaff()
                && centreId != null
                && !centreId.isBlank()
                && !centreId.strip().equals(centre)) {
            throw ApiProblem.notFound("No such centre");
        }
        return certificates.claims(centre, status, claimed, paging);
    }

    /** One certificate claim, with its status and certificate number once issued. */
    @GetMapping("/api/certificate-claims/{claimId}")
    @Allow(
            value = {IMI_ADMIN, AUDITOR},
            anyOfCentre = true,
            centreOf = Access.CLAIM_ID)
    public Claim claimById(@PathVariable String claimId) {
        return certificates.claim(claimId);
    }

    /**
     * Verifies a certificate by its number and the code printed on it. For anyone, such as an employer. Without the
     * right code it answers only {@code valid: false}.
     */
    @GetMapping("/api/certificates/{certificateNumber}/verify")
    @Public
    @ApiResponse(
            responseCode = "200",
            description = "The certificate, or that it is unknown",
            useReturnTypeSchema = true)
    @ApiResponse(responseCode = "429", description = "Too many verifications from this address this minute")
    public ResponseEntity<Verification> verify(
            @PathVariable String certificateNumber, @RequestParam(required = false) String code) {
        if (!rateLimit.allow(RequestCorrelation.clientAddress().orElse(null))) {
            throw ApiProblem.tooManyAttempts("Too many verifications from this address; try again in a minute");
        }
        Verification answer = certificates.verify(certificateNumber, code);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(answer);
    }

    /** Replaces a certificate with a new one under a new number, with the reason. */
    @PostMapping("/api/certificates/{certificateNumber}/replace")
    @Allow(IMI_ADMIN)
    public CertificateChange replace(@PathVariable String certificateNumber, @Valid @RequestBody Reason request) {
        CertificateEntry certificate = known(certificateNumber);
        String replacement = commands.sendAndWait(
                new ReplaceCertificate(certificate.claimId(), certificate.certificateNumber(), request.reason()));
        return new CertificateChange(certificate.certificateNumber(), CertificateStatus.REPLACED, replacement);
    }

    /** Revokes a certificate, with the reason: verification then says it is revoked. */
    @PostMapping("/api/certificates/{certificateNumber}/revoke")
    @Allow(IMI_ADMIN)
    public CertificateChange revoke(@PathVariable String certificateNumber, @Valid @RequestBody Reason request) {
        CertificateEntry certificate = known(certificateNumber);
        commands.sendAndWait(
                new RevokeCertificate(certificate.claimId(), certificate.certificateNumber(), request.reason()));
        return new CertificateChange(certificate.certificateNumber(), CertificateStatus.REVOKED, null);
    }

    /**
     * The certificate as a printable PDF. The printable certificate, for the holder's centre and IMI staff; only a
     * VALID certificate prints, and not once its holder's personal data is erased (409).
     */
    @GetMapping("/api/certificates/{certificateNumber}.pdf")
    @Allow(
            value = {IMI_ADMIN, AUDITOR},
            anyOfCentre = true,
            centreOf = Access.CERTIFICATE_NUMBER)
    @ApiResponse(
            responseCode = "200",
            description = "The certificate as a PDF",
            content = @Content(mediaType = "application/pdf", schema = @Schema(type = "string", format = "binary")))
    public ResponseEntity<byte[]> printable(@PathVariable String certificateNumber) {
        byte[] document = certificates.printable(certificateNumber);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        "inline; filename=\"certificate-" + certificateNumber + ".pdf\"")
                .cacheControl(CacheControl.noStore())
                .body(document);
    }

    private CertificateEntry known(String certificateNumber) {
        return register.certificate(
                        certificateNumber == null
                                ? ""
                                : certificateNumber.strip().toUpperCase(Locale.ROOT))
                .orElseThrow(() -> ApiProblem.notFound("No such certificate"));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
