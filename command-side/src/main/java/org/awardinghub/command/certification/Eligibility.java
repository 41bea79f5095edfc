package org.awardinghub.command.certification;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.awardinghub.command.UnknownRecord;
import org.awardinghub.command.assessment.AttemptDirectory;
import org.awardinghub.command.candidate.CandidateDirectory;
import org.awardinghub.command.candidate.CandidateEntry;
import org.awardinghub.command.centre.CentreDirectory;
import org.awardinghub.command.portfolio.PortfolioDirectory;
import org.awardinghub.command.qualification.QualificationDirectory;
import org.awardinghub.events.candidate.CandidateStatus;
import org.awardinghub.events.centre.CentreStatus;
import org.awardinghub.events.centre.Sanction;
import org.awardinghub.events.certification.CertificateStatus;
import org.awardinghub.events.certification.ClaimStatus;
import org.springframework.stereotype.Component;

/**
 * Whether a candidate may be claimed for now, judged on the lookup tables, current within the transaction: the
 * candidate is neither WITHDRAWN nor CERTIFICATED; every assessment their qualification requires has a passing
 * attempt that was not voided; no claim on the qualification is waiting or was issued; and their centre is
 * APPROVED and not under a CERTIFICATION sanction. Every reason found is given, in that order, so the centre can
 * deal with all of them at once.
 * Every unit the qualification assesses by portfolio must also be signed off in the candidate's ePortfolio (and
 * not sent back by the IQA).
 */
@Component
public class Eligibility {

    private final CandidateDirectory candidates;
    private final QualificationDirectory catalogue;
    private final AttemptDirectory attempts;
    private final CertificateDirectory register;
    private final CentreDirectory centres;
    private final PortfolioDirectory portfolios;

    public Eligibility(
            CandidateDirectory candidates,
            QualificationDirectory catalogue,
            AttemptDirectory attempts,
            CertificateDirectory register,
            CentreDirectory centres,
            PortfolioDirectory portfolios) {
        this.portfolios = portfolios;
        this.candidates = candidates;
        this.catalogue = catalogue;
        this.attempts = attempts;
        this.register = register;
        this.centres = centres;
    }

    /** The candidate's standing for a claim; {@link UnknownRecord} for a candidate never registered. */
    public Verdict judge(String candidateId) {
        CandidateEntry candidate =
                candidates.find(candidateId).orElseThrow(() -> new UnknownRecord("No candidate " + candidateId));
        String qualification = candidates.qualificationOf(candidateId).orElseThrow();
        List<String> reasons = new ArrayList<>();

        if (candidate.status() == CandidateStatus.WITHDRAWN) {
            reasons.add("The candidate is WITHDRAWN; reinstate them before claiming a certificate.");
        } else if (candidate.status() == CandidateStatus.CERTIFICATED) {
            reasons.add("The candidate is already CERTIFICATED.");
        }

        List<String> required = catalogue.assessmentsOf(qualification);
        Map<String, String> passing = attempts.passingAttempts(candidateId);
        List<String> achievedBy = new ArrayList<>();
        if (required.isEmpty()) {
            reasons.add("Qualification " + qualification + " has no assessments in the catalogue, so nothing shows"
                    + " that it was achieved.");
        }
        for (String assessment : required) {
            String attempt = passing.get(assessment);
            if (attempt == null) {
                reasons.add("The candidate has not passed assessment " + assessment
                        + " (a voided attempt does not count).");
            } else {
                achievedBy.add(attempt);
            }
        }

        Set<String> signedOff = portfolios.signedOffUnits(candidateId);
        for (String unit : catalogue.portfolioUnits(qualification).keySet()) {
            if (!signedOff.contains(unit)) {
                reasons.add("Unit " + unit + " is not signed off in the candidate's ePortfolio.");
            }
        }

        register.activeClaim(candidateId, qualification).ifPresent(claim -> reasons.add(standingIn(claim)));

        Optional<CentreStatus> centre = centres.statusOf(candidate.centreId());
        if (centre.isEmpty()) {
            reasons.add("The candidate's centre " + candidate.centreId() + " is not known; only an APPROVED centre"
                    + " can claim certificates.");
        } else if (centre.get() != CentreStatus.APPROVED) {
            reasons.add("The candidate's centre is " + centre.get() + "; only an APPROVED centre can claim"
                    + " certificates.");
        }
        if (centres.sanctionsOn(candidate.centreId()).contains(Sanction.CERTIFICATION)) {
            reasons.add("The candidate's centre is under a CERTIFICATION sanction; it cannot claim certificates"
                    + " until the sanction is lifted.");
        }
        return new Verdict(candidate, qualification, reasons, achievedBy);
    }

    /** The verdict of an eligible candidate, or {@link NotEligible} with every reason. */
    public Verdict requireEligible(String candidateId) {
        Verdict verdict = judge(candidateId);
        if (!verdict.eligible()) {
            throw new NotEligible(verdict.reasons());
        }
        return verdict;
    }

    private String standingIn(ClaimEntry claim) {
        String qualification = claim.qualificationCode();
        if (claim.status() == ClaimStatus.AWAITING_APPROVAL) {
            return "Claim " + claim.claimId() + " for qualification " + qualification
                    + " is AWAITING_APPROVAL; IMI must approve or reject it first.";
        }
        String number = claim.certificateNumber();
        CertificateStatus status =
                register.certificate(number).map(CertificateEntry::status).orElse(CertificateStatus.VALID);
        if (status == CertificateStatus.REVOKED) {
            return "Certificate " + number + " for qualification " + qualification
                    + " was REVOKED; a revoked certificate is not claimed again.";
        }
        return "The candidate already holds certificate " + number + " for qualification " + qualification + ".";
    }

    /**
     * What {@link #judge} found: the candidate, the qualification they are registered on now, every reason they
     * may not be claimed for (none when eligible), and the passing attempts that achieved the qualification, in
     * assessment code order.
     */
    public record Verdict(
            CandidateEntry candidate, String qualificationCode, List<String> reasons, List<String> achievedBy) {

        public Verdict {
            reasons = List.copyOf(reasons);
            achievedBy = List.copyOf(achievedBy);
        }

        public boolean eligible() {
            return reasons.isEmpty();
        }
    }
}
