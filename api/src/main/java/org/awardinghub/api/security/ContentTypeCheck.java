package org.awardinghub.api.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.awardinghub.api.problem.ApiProblem;
import org.awardinghub.api.problem.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A {@code Content-Type} that names no media type a body can have (a wildcard such as {@code *}{@code /*} or {@code
 * application/*}, or no media type at all) answers 415 before anything reads the request. Spring refuses to hold such
 * a type in a request's headers, and failed with a 500 wherever it first did.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class ContentTypeCheck extends OncePerRequestFilter {

    private final Problems problems;

    ContentTypeCheck(Problems problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String given = request.getContentType();
        String refusal = given == null ? null : refusal(given);
        if (refusal != null) {
            problems.write(
                    response,
                    new ApiProblem(
                            HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                            "Unsupported Media Type",
                            "Content-Type " + refusal + "; send the body's own type, such as application/json",
                            List.of()));
            return;
        }
        chain.doFilter(request, response);
    }

    private static String refusal(String given) {
        MediaType type;
        try {
            type = MediaType.parseMediaType(given);
        } catch (InvalidMediaTypeException e) {
            return "is not a media type";
        }
        return type.isWildcardType() || type.isWildcardSubtype() ? "may not be a wildcard" : null;
    }
}
