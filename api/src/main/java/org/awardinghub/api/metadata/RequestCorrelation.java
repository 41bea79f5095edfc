package org.awardinghub.api.metadata;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request a correlation id (the caller's {@code X-Correlation-Id} when it is well formed, a new one
 * otherwise), echoes it in the response, puts it on every log line written while serving the request, and exposes it
 * with the client address to the audit metadata.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestCorrelation extends OncePerRequestFilter {

    public static final String HEADER = "X-Correlation-Id";
    /** The log field that carries it on every line logged while the request is served. */
    public static final String LOG_KEY = "correlationId";

    private static final String ATTRIBUTE = RequestCorrelation.class.getName();
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String given = request.getHeader(HEADER);
        String correlationId = given != null && WELL_FORMED.matcher(given).matches()
                ? given
                : UUID.randomUUID().toString();
        request.setAttribute(ATTRIBUTE, correlationId);
        response.setHeader(HEADER, correlationId);
        MDC.put(LOG_KEY, correlationId);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(LOG_KEY);
        }
    }

    public static Optional<String> correlationId() {
        return currentRequest().map(r -> (String) r.getAttribute(ATTRIBUTE));
    }

    public static Optional<String> clientAddress() {
        return currentRequest().map(HttpServletRequest::getRemoteAddr);
    }

    private static Optional<HttpServletRequest> currentRequest() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        return attributes instanceof ServletRequestAttributes servlet
                ? Optional.of(servlet.getRequest())
                : Optional.empty();
    }
}
