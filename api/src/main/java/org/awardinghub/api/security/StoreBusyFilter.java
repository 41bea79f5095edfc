package org.awardinghub.api.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.awardinghub.api.problem.Problems;
import org.awardinghub.api.problem.StoreBusy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The security filters read the database before any controller runs (a session's activity, an attempt token): when
 * no connection is free in time there, the request answers the same 503 problem a controller would
 * ({@link StoreBusy}), not the container's 500.
 */
class StoreBusyFilter extends OncePerRequestFilter {

    private final Problems problems;

    StoreBusyFilter(Problems problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (RuntimeException | ServletException failure) {
            if (!StoreBusy.isCause(failure) || response.isCommitted()) {
                throw failure;
            }
            problems.write(response, StoreBusy.problem());
        }
    }
}
