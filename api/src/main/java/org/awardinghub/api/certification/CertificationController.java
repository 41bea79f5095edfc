package org.awardinghub.api.certification;

import static org.awardinghub.events.user.Role.AUDITOR;
import static org.awardinghub.events.user.Role.CENTRE_ADMIN;
import static org.awardinghub.events.user.Role.CENTRE_COORDINATOR;
import static org.awardinghub.events.user.Role.IMI_ADMIN;

import jakarta.validation.Valid;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;
import org.awardinghub.api.Paging;
import org.awardinghub.api.Queries;
import org.awardinghub.api.Reason;
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
import org.awardinghub.command.certification.VerificationCodes;
import org.awardinghub.events.certification.CertificateStatus;
import org.awardinghub.events.certification.ClaimStatus;
import org.awardinghub.query.Page;
import org.awardinghub.query.certification.CertificateView;
import org.awardinghub.query.certification.ClaimView;
import org.awardinghub.query.certification.FindCertificate;
import org.awardinghub.query.certification.FindClaim;
import org.awardinghub.query.certification.ListClaims;
import org.awardinghub.query.qualification.FindQualification;
import org.awardinghub.query.qualification.QualificationView;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Certification: a centre claims, IMI approves or rejects (a Direct Claim Status centre's claim is issued at once),
 * anyone verifies a certificate with its number and code, the centre and IMI print it, IMI replaces and revokes.
 * The verification code is a credential: it lives on the command side, never in an event or read model, and is
 * shown only to the centre and IMI staff.
 */
@RestController
class CertificationController {

    public record Claimed(String claimId, ClaimStatus status, String certificateNumber) {}

    /** A claim as the API shows it: {@code daysWaiting} counts whole days from the claim to its decision or now. */
    public record Claim(
            String claimId,
            String candidateId,
            String registrationNumber,
            String holderName,
            String centreId,
            String qualificationCode,
            ClaimStatus status,
            boolean directClaimStatus,
            Instant claimedAt,
            String claimedByPin,
            Instant decidedAt,
            long daysWaiting,
            String reason,
            String certificateNumber,
            String verificationCode,
            LocalDate issuedOn) {}

    public record Decided(String claimId, ClaimStatus status, String certificateNumber) {}

    /** What public verification says; for anything but a matching number and code only {@code valid: false}. */
    public record Verification(
            boolean valid,
            String certificateNumber,
            CertificateStatus status,
            String qualificationCode,
            String qualificationTitle,
            String candidateName,
            LocalDate issuedOn,
            LocalDate revokedOn) {

        static Verification notValid() {
            return new Verification(false, null, null, null, null, null, null, null);
        }
    }

    public record CertificateChange(String certificateNumber, CertificateStatus status, String replacedBy) {}

    private final Access access;
    private final CommandGateway commands;
    private final Queries queries;
    private final CertificateDirectory register;
    private final VerificationCodes codes;
    private final VerifyRateLimit rateLimit;
    private final CertificatePdf pdf;
    private final Clock clock;
    private final String publicUrl;

    public CertificationController(
            Access access,
            CommandGateway commands,
            Queries queries,
            CertificateDirectory register,
            VerificationCodes codes,
            VerifyRateLimit rateLimit,
            CertificatePdf pdf,
            Clock clock,
            @Value("${awarding.public-url}") String publicUrl) {
        this.access = access;
        this.commands = commands;
        this.queries = queries;
        this.register = register;
        this.codes = codes;
        this.rateLimit = rateLimit;
        this.pdf = pdf;
        this.clock = clock;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    @PostMapping("/api/candidates/{candidateId}/certificate-claims")
    @Allow(
            ofCentre = {CENTRE_ADMIN, CENTRE_COORDINATOR},
            centreOf = Access.CANDIDATE_ID)
    public ResponseEntity<Claimed> claim(@PathVariable String candidateId) {
        String claimId = UUID.randomUUID().toString();
        ClaimMade made = commands.sendAndWait(
                new ClaimCertificate(claimId, candidateId, access.current().userId()));
        return ResponseEntity.created(URI.create("/api/certificate-claims/" + claimId))
                .body(new Claimed(claimId, made.status(), made.certificateNumber()));
    }

    @PostMapping("/api/certificate-claims/{claimId}/approve")
    @Allow(IMI_ADMIN)
    public Decided approve(@PathVariable String claimId) {
        String number = commands.sendAndWait(new ApproveClaim(claimId));
        return new Decided(claimId, ClaimStatus.ISSUED, number);
    }

    @PostMapping("/api/certificate-claims/{claimId}/reject")
    @Allow(IMI_ADMIN)
    public Decided reject(@PathVariable String claimId, @Valid @RequestBody Reason request) {
        commands.sendAndWait(new RejectClaim(claimId, request.reason()));
        return new Decided(claimId, ClaimStatus.REJECTED, null);
    }

    /** IMI staff see every centre's claims (or one centre's); a centre user sees their own centre's. */
    @GetMapping("/api/certificate-claims")
    @Allow(anyone = true)
    public Page<Claim> claims(
            @RequestParam(required = false) ClaimStatus status,
            @RequestParam(required = false) String centreId,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        ActingUser user = access.current();
        String centre = user.isImiStaff() ? blankToNull(centreId) : user.centreId();
        if (!user.isImiStaff()
                && centreId != null
                && !centreId.isBlank()
                && !centreId.strip().equals(centre)) {
            throw ApiProblem.notFound("No such centre");
        }
        Paging paging = Paging.of(page, size);
        Page<ClaimView> found =
                queries.page(new ListClaims(centre, status, paging.page(), paging.size()), ClaimView.class);
        return new Page<>(
                found.items().stream().map(view -> shown(view, false)).toList(),
                found.page(),
                found.size(),
                found.total());
    }

    @GetMapping("/api/certificate-claims/{claimId}")
    @Allow(
            value = {IMI_ADMIN, AUDITOR},
            anyOfCentre = true,
            centreOf = Access.CLAIM_ID)
    public Claim claimById(@PathVariable String claimId) {
        ClaimView view = queries.one(new FindClaim(claimId), ClaimView.class)
                .orElseThrow(() -> ApiProblem.notFound("No such claim"));
        return shown(view, true);
    }

    @GetMapping("/api/certificates/{certificateNumber}/verify")
    @Public
    public ResponseEntity<Verification> verify(
            @PathVariable String certificateNumber, @RequestParam(required = false) String code) {
        if (!rateLimit.allow(RequestCorrelation.clientAddress().orElse(null))) {
            throw ApiProblem.tooManyAttempts("Too many verifications from this address; try again in a minute");
        }
        Verification answer = verification(certificateNumber, code);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(answer);
    }

    @PostMapping("/api/certificates/{certificateNumber}/replace")
    @Allow(IMI_ADMIN)
    public CertificateChange replace(@PathVariable String certificateNumber, @Valid @RequestBody Reason request) {
        CertificateEntry certificate = known(certificateNumber);
        String replacement = commands.sendAndWait(
                new ReplaceCertificate(certificate.claimId(), certificate.certificateNumber(), request.reason()));
        return new CertificateChange(certificate.certificateNumber(), CertificateStatus.REPLACED, replacement);
    }

    @PostMapping("/api/certificates/{certificateNumber}/revoke")
    @Allow(IMI_ADMIN)
    public CertificateChange revoke(@PathVariable String certificateNumber, @Valid @RequestBody Reason request) {
        CertificateEntry certificate = known(certificateNumber);
        commands.sendAndWait(
                new RevokeCertificate(certificate.claimId(), certificate.certificateNumber(), request.reason()));
        return new CertificateChange(certificate.certificateNumber(), CertificateStatus.REVOKED, null);
    }

    /** The printable certificate, for the holder's centre and IMI staff; only a VALID certificate prints. */
    @GetMapping("/api/certificates/{certificateNumber}.pdf")
    @Allow(
            value = {IMI_ADMIN, AUDITOR},
            anyOfCentre = true,
            centreOf = Access.CERTIFICATE_NUMBER)
    public ResponseEntity<byte[]> printable(@PathVariable String certificateNumber) {
        CertificateView certificate = queries.one(new FindCertificate(certificateNumber), CertificateView.class)
                .orElseThrow(() -> ApiProblem.notFound("No such certificate (a new one may take a moment)"));
        if (certificate.status() != CertificateStatus.VALID) {
            throw ApiProblem.conflict("Certificate " + certificateNumber + " is " + certificate.status()
                    + (certificate.replacedBy() != null ? " by " + certificate.replacedBy() : "")
                    + "; only a VALID certificate can be printed");
        }
        String code = codes.codeOf(certificateNumber).orElseThrow(() -> ApiProblem.notFound("No such certificate"));
        QualificationView qualification = queries.one(
                        new FindQualification(certificate.qualificationCode()), QualificationView.class)
                .orElseThrow(() -> ApiProblem.notFound("No such qualification"));
        byte[] document = pdf.render(new CertificatePdf.Content(
                certificateNumber,
                code,
                certificate.holderName(),
                qualification.code(),
                qualification.title(),
                qualification.level(),
                certificate.issuedOn(),
                verificationLink(certificateNumber, code)));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        "inline; filename=\"certificate-" + certificateNumber + ".pdf\"")
                .cacheControl(CacheControl.noStore())
                .body(document);
    }

    /** The public page that verifies a certificate, as its QR code and printed link give it. */
    public String verificationLink(String certificateNumber, String code) {
        return publicUrl + "/verify?number=" + URLEncoder.encode(certificateNumber, StandardCharsets.UTF_8) + "&code="
                + URLEncoder.encode(code, StandardCharsets.UTF_8);
    }

    private Verification verification(String certificateNumber, String code) {
        String number =
                certificateNumber == null ? "" : certificateNumber.strip().toUpperCase(Locale.ROOT);
        if (number.length() > 40 || code == null || code.length() > 40 || !codes.matches(number, code)) {
            return Verification.notValid();
        }
        CertificateView certificate =
                queries.one(new FindCertificate(number), CertificateView.class).orElse(null);
        if (certificate == null) {
            return Verification.notValid();
        }
        if (certificate.status() == CertificateStatus.REPLACED) {
            // pointing at nothing personal: neither the holder nor the number that replaced it
            return new Verification(false, number, CertificateStatus.REPLACED, null, null, null, null, null);
        }
        String title = queries.one(new FindQualification(certificate.qualificationCode()), QualificationView.class)
                .map(QualificationView::title)
                .orElse(null);
        return new Verification(
                certificate.status() == CertificateStatus.VALID,
                number,
                certificate.status(),
                certificate.qualificationCode(),
                title,
                certificate.holderName(),
                certificate.issuedOn(),
                certificate.revokedOn());
    }

    private Claim shown(ClaimView view, boolean withCode) {
        Instant until = view.decidedAt() != null ? view.decidedAt() : clock.instant();
        long days = view.claimedAt() == null
                ? 0
                : Math.max(0, Duration.between(view.claimedAt(), until).toDays());
        String code = withCode && view.status() == ClaimStatus.ISSUED && view.certificateNumber() != null
                ? codes.codeOf(view.certificateNumber()).orElse(null)
                : null;
        return new Claim(
                view.claimId(),
                view.candidateId(),
                view.registrationNumber(),
                view.holderName(),
                view.centreId(),
                view.qualificationCode(),
                view.status(),
                view.directClaimStatus(),
                view.claimedAt(),
                view.claimedByPin(),
                view.decidedAt(),
                days,
                view.reason(),
                view.certificateNumber(),
                code,
                view.issuedOn());
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
