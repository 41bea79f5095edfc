package org.awardinghub.api.certification;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import org.awardinghub.api.DateRange;
import org.awardinghub.api.Paging;
import org.awardinghub.api.Queries;
import org.awardinghub.api.problem.ApiProblem;
import org.awardinghub.command.certification.CertificateDirectory;
import org.awardinghub.command.certification.CertificateEntry;
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
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Claims and certificates as {@link CertificationController} shows them: claims with their days waiting (and, read
 * one by one, the issued certificate's verification code), what public verification tells of a number and code,
 * and the printable certificate. The code is a credential: it comes from the command side's {@link
 * VerificationCodes}, and only where these say.
 */
@Service
class Certificates {

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

    private final Queries queries;
    private final VerificationCodes codes;
    private final CertificateDirectory directory;
    private final CertificatePdf pdf;
    private final Clock clock;
    private final String publicUrl;

    public Certificates(
            Queries queries,
            VerificationCodes codes,
            CertificateDirectory directory,
            CertificatePdf pdf,
            Clock clock,
            @Value("${awarding.public-url}") String publicUrl) {
        this.queries = queries;
        this.codes = codes;
        this.directory = directory;
        this.pdf = pdf;
        this.clock = clock;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    /** The claims of one centre (or, for null, of every centre), without verification codes. */
    Page<Claim> claims(String centreId, ClaimStatus status, DateRange claimed, Paging paging) {
        Page<ClaimView> found = queries.page(
                new ListClaims(centreId, status, claimed.from(), claimed.to(), paging.page(), paging.size()),
                ClaimView.class);
        return new Page<>(
                found.items().stream().map(view -> shown(view, false)).toList(),
                found.page(),
                found.size(),
                found.total());
    }

    /** One claim, with the verification code of the certificate it issued. */
    Claim claim(String claimId) {
        ClaimView view = queries.one(new FindClaim(claimId), ClaimView.class)
                .orElseThrow(() -> ApiProblem.notFound("No such claim"));
        return shown(view, true);
    }

    /**
     * The certificate as a PDF, with its code and the link that verifies it; only a certificate VALID by the command
     * side's record prints (as for {@link #verify}), and not once its holder is erased.
     */
    byte[] printable(String certificateNumber) {
        CertificateStatus status = directory
                .certificate(certificateNumber)
                .map(CertificateEntry::status)
                .orElseThrow(() -> ApiProblem.notFound("No such certificate"));
        CertificateView certificate = queries.one(new FindCertificate(certificateNumber), CertificateView.class)
                .orElseThrow(() -> ApiProblem.notFound("No such certificate (a new one may take a moment)"));
        if (status != CertificateStatus.VALID) {
            throw ApiProblem.conflict("Certificate " + certificateNumber + " is " + status
                    + (certificate.replacedBy() != null ? " by " + certificate.replacedBy() : "")
                    + "; only a VALID certificate can be printed");
        }
        if (certificate.erased()) {
            // the holder's name is gone (ADR 0165): the number still verifies, but a certificate naming nobody is none
            throw ApiProblem.conflict("The holder's personal data of certificate " + certificateNumber
                    + " was erased; it still verifies, but can no longer be printed");
        }
        String code = codes.codeOf(certificateNumber).orElseThrow(() -> ApiProblem.notFound("No such certificate"));
        QualificationView qualification = queries.one(
                        new FindQualification(certificate.qualificationCode()), QualificationView.class)
                .orElseThrow(() -> ApiProblem.notFound("No such qualification"));
        return pdf.render(new CertificatePdf.Content(
                certificateNumber,
                code,
                certificate.holderName(),
                qualification.code(),
                qualification.title(),
                qualification.level(),
                certificate.issuedOn(),
                verificationLink(certificateNumber, code)));
    }

    /** The public page that verifies a certificate, as its QR code and printed link give it. */
    private String verificationLink(String certificateNumber, String code) {
        return publicUrl + "/verify?number=" + URLEncoder.encode(certificateNumber, StandardCharsets.UTF_8) + "&code="
                + URLEncoder.encode(code, StandardCharsets.UTF_8);
    }

    /**
     * What public verification tells of a number and its code: nothing but {@code valid: false} unless the code is
     * the number's; of a replaced certificate no more than that (nothing personal, nor the number that replaced
     * it); else the certificate, valid while it is VALID. Whether it is valid is the command side's record's to say
     * ({@link CertificateDirectory}, written in the transaction of the event that changed it): the read store only
     * lends the holder's name and the dates, so a read model changed behind the application's back cannot make a
     * revoked certificate valid.
     */
    Verification verify(String certificateNumber, String code) {
        String number =
                certificateNumber == null ? "" : certificateNumber.strip().toUpperCase(Locale.ROOT);
        if (number.length() > 40 || code == null || code.length() > 40 || !codes.matches(number, code)) {
            return Verification.notValid();
        }
        CertificateStatus status =
                directory.certificate(number).map(CertificateEntry::status).orElse(null);
        CertificateView certificate =
                queries.one(new FindCertificate(number), CertificateView.class).orElse(null);
        if (status == null || certificate == null) {
            return Verification.notValid();
        }
        if (status == CertificateStatus.REPLACED) {
            // pointing at nothing personal: neither the holder nor the number that replaced it
            return new Verification(false, number, CertificateStatus.REPLACED, null, null, null, null, null);
        }
        String title = queries.one(new FindQualification(certificate.qualificationCode()), QualificationView.class)
                .map(QualificationView::title)
                .orElse(null);
        return new Verification(
                status == CertificateStatus.VALID,
                number,
                status,
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
}
