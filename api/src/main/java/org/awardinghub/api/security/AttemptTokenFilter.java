package org.awardinghub.api.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.awardinghub.command.assessment.AttemptDirectory;
import org.awardinghub.command.assessment.AttemptEntry;
import org.awardinghub.command.assessment.AttemptTokens;
import org.awardinghub.command.candidate.CandidateDirectory;
import org.awardinghub.command.candidate.CandidateEntry;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A bearer token that is no user's session may be a candidate's attempt token: it then names the
 * {@link SittingCandidate} of one attempt, who may use only the endpoints that {@link Allow#candidate()} opens,
 * and only for that attempt. Runs after {@link BearerSessionFilter}; a user's session always wins.
 */
class AttemptTokenFilter extends OncePerRequestFilter {

    private final AttemptTokens tokens;
    private final AttemptDirectory attempts;
    private final CandidateDirectory candidates;
    private final Clock clock;

    public AttemptTokenFilter(
            AttemptTokens tokens, AttemptDirectory attempts, CandidateDirectory candidates, Clock clock) {
        this.tokens = tokens;
        this.attempts = attempts;
        this.candidates = candidates;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (SecurityContextHolder.getContext().getAuthentication() == null) {
            BearerSessionFilter.bearerToken(request)
                    .flatMap(this::sittingCandidate)
                    .ifPresent(candidate -> SecurityContextHolder.getContext()
                            .setAuthentication(new UsernamePasswordAuthenticationToken(
                                    candidate, null, List.of(new SimpleGrantedAuthority("ROLE_CANDIDATE")))));
        }
        chain.doFilter(request, response);
    }

    private Optional<SittingCandidate> sittingCandidate(String token) {
        return tokens.attemptOf(token, clock.instant())
                .flatMap(attempts::find)
                .flatMap(attempt ->
                        candidates.find(attempt.candidateId()).map(candidate -> sitting(attempt, candidate)));
    }

    private static SittingCandidate sitting(AttemptEntry attempt, CandidateEntry candidate) {
        return new SittingCandidate(attempt.attemptId(), candidate.registrationNumber());
    }
}
