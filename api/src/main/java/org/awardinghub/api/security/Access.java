package org.awardinghub.api.security;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.awardinghub.api.problem.ApiProblem;
import org.awardinghub.command.assessment.AttemptDirectory;
import org.awardinghub.command.assessment.AttemptEntry;
import org.awardinghub.command.candidate.CandidateDirectory;
import org.awardinghub.command.candidate.CandidateEntry;
import org.awardinghub.command.certification.CertificateDirectory;
import org.awardinghub.command.certification.CertificateEntry;
import org.awardinghub.command.certification.ClaimEntry;
import org.awardinghub.command.user.UserAccount;
import org.awardinghub.command.user.UserDirectory;
import org.springframework.stereotype.Component;

/**
 * The access policy behind {@link Allow}. A centre user never learns whether another centre's record exists:
 * reaching across centres answers 404, exactly like an unknown id. Auditors read everything and change nothing.
 * Decisions rest on the command side's directory, which is never behind the events.
 */
@Component
public class Access {

    public static final String CENTRE_ID = "centreId";
    public static final String USER_ID = "userId";
    public static final String CANDIDATE_ID = "candidateId";
    public static final String ATTEMPT_ID = "attemptId";
    public static final String CLAIM_ID = "claimId";
    public static final String CERTIFICATE_NUMBER = "certificateNumber";

    private final UserDirectory directory;
    private final CandidateDirectory candidates;
    private final AttemptDirectory attempts;
    private final CertificateDirectory certificates;

    public Access(
            UserDirectory directory,
            CandidateDirectory candidates,
            AttemptDirectory attempts,
            CertificateDirectory certificates) {
        this.directory = directory;
        this.candidates = candidates;
        this.attempts = attempts;
        this.certificates = certificates;
    }

    /** The signed-in user of this request. */
    public ActingUser current() {
        return CurrentActor.get().orElseThrow(() -> ApiProblem.unauthorized("Sign in first"));
    }

    public void check(Allow allow, Map<String, String> pathVariables) {
        Optional<SittingCandidate> candidate = CurrentActor.candidate();
        if (CurrentActor.get().isEmpty() && candidate.isPresent()) {
            checkCandidate(allow, candidate.get(), pathVariables);
            return;
        }
        ActingUser user = current();
        if (user.isCandidateAccount()) {
            checkCandidateAccount(allow, user, pathVariables);
            return;
        }
        if (allow.candidate() && allow.value().length == 0 && allow.ofCentre().length == 0 && !allow.anyOfCentre()) {
            throw ApiProblem.forbidden("Only the candidate sitting this attempt can do this, with the attempt token "
                    + "they received on starting it");
        }
        if (allow.anyone() || user.hasAny(allow.value())) {
            return;
        }
        if (allow.self() && user.userId().equals(pathVariables.get(USER_ID))) {
            return;
        }
        if (allow.ofCentre().length == 0 && !allow.anyOfCentre()) {
            throw ApiProblem.forbidden("This needs one of the roles " + Arrays.toString(allow.value()));
        }
        if (user.isImiStaff()) {
            throw ApiProblem.forbidden("Your role reads records and changes nothing here");
        }
        Optional<String> centre = centreOfRecord(allow.centreOf(), pathVariables.get(allow.centreOf()));
        if (centre.isEmpty() || !user.belongsTo(centre.get())) {
            throw ApiProblem.notFound("No such record");
        }
        if (!allow.anyOfCentre() && !user.hasAny(allow.ofCentre())) {
            throw ApiProblem.forbidden("This needs one of the roles " + Arrays.toString(allow.ofCentre()));
        }
    }

    private static void checkCandidateAccount(Allow allow, ActingUser user, Map<String, String> pathVariables) {
        if (!allow.candidateAccount()) {
            throw ApiProblem.forbidden("A candidate's account opens only the candidate's own ePortfolio");
        }
        String candidate = pathVariables.get(CANDIDATE_ID);
        if (candidate != null && !candidate.equals(user.candidateId())) {
            throw ApiProblem.notFound("No such record");
        }
    }

    /** An attempt token opens the candidate endpoints of its own attempt; another attempt is as unknown as any. */
    private static void checkCandidate(Allow allow, SittingCandidate candidate, Map<String, String> pathVariables) {
        if (!allow.candidate()) {
            throw ApiProblem.forbidden(
                    "An attempt token opens only its own attempt: the questions, answers and " + "submission");
        }
        if (!candidate.attemptId().equals(pathVariables.get(ATTEMPT_ID))) {
            throw ApiProblem.notFound("No such attempt");
        }
    }

    private Optional<String> centreOfRecord(String variable, String value) {
        if (value == null) {
            return Optional.empty();
        }
        return switch (variable) {
            case CENTRE_ID -> Optional.of(value);
            // IMI staff belong to no centre: to a centre user they are as unknown as a made-up id
            case USER_ID -> directory.findById(value).map(UserAccount::centreId);
            case CANDIDATE_ID -> candidates.find(value).map(CandidateEntry::centreId);
            case ATTEMPT_ID -> attempts.find(value).map(AttemptEntry::centreId);
            case CLAIM_ID -> certificates.claim(value).map(ClaimEntry::centreId);
            case CERTIFICATE_NUMBER ->
                certificates.certificate(value.strip().toUpperCase(Locale.ROOT)).map(CertificateEntry::centreId);
            default -> throw new IllegalStateException("@Allow cannot find a centre through " + variable);
        };
    }
}
