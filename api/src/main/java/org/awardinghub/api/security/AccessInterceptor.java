package org.awardinghub.api.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.awardinghub.api.problem.ApiProblem;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/** Applies each endpoint's {@link Allow} before the handler runs; refuses API endpoints that declare nothing. */
@Component
class AccessInterceptor implements HandlerInterceptor {

    private final Access access;

    public AccessInterceptor(Access access) {
        this.access = access;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)
                || !request.getRequestURI().startsWith("/api/")) {
            return true;
        }
        if (method.hasMethodAnnotation(Public.class)) {
            return true;
        }
        Allow allow = method.getMethodAnnotation(Allow.class);
        if (allow == null) {
            throw ApiProblem.forbidden("This endpoint declares no access rule");
        }
        @SuppressWarnings("unchecked")
        Map<String, String> variables =
                (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        access.check(allow, variables == null ? Map.of() : variables);
        return true;
    }
}
