package org.awardinghub.api.operations;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.awardinghub.api.problem.ApiProblem;
import org.awardinghub.api.problem.Problems;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The API answers 503 until the application is ready and again once it has begun to stop: before the start-up work
 * is done a sign-in would be refused for a user the bootstrap has not made yet, and a client cannot tell that from a
 * wrong password. The health endpoints and the web UI's files are served all the same.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class NotReadyFilter extends OncePerRequestFilter {

    private static final Duration RETRY_AFTER = Duration.ofSeconds(2);

    private final ApplicationAvailability availability;
    private final Problems problems;

    NotReadyFilter(ApplicationAvailability availability, Problems problems) {
        this.availability = availability;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (availability.getReadinessState() != ReadinessState.ACCEPTING_TRAFFIC) {
            problems.write(
                    response,
                    ApiProblem.busy(
                            "The server is starting or stopping and does not take requests yet; try again shortly",
                            RETRY_AFTER));
            return;
        }
        chain.doFilter(request, response);
    }
}
