package org.awardinghub.api.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.awardinghub.api.problem.Problems;
import org.awardinghub.api.problem.StoreUnavailable;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The security filters read the database before any controller runs (a session's activity, an attempt token): when
 * no connection is to be had there, busy or out of reach, the request answers the same 503 problem a controller
 * would ({@link StoreUnavailable}), not the container's 500.
 */
class StoreUnavailableFilter extends OncePerRequestFilter {

    private final Problems problems;

    StoreUnavailableFilter(Problems problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (RuntimeException | ServletException failure) {
            Optional<StoreUnavailable> unavailable = StoreUnavailable.of(failure);
            if (unavailable.isEmpty() || response.isCommitted()) {
                throw failure;
            }
            problems.write(response, unavailable.get().problem());
        }
    }
}
