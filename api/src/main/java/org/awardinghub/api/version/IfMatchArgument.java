package org.awardinghub.api.version;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Hands a handler its {@link IfMatch}, read from the request's header. Arguments are resolved after the access
 * check ({@code AccessInterceptor}), so a caller who may not see the record is told 403 or 404, never anything about
 * their header.
 */
class IfMatchArgument implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == IfMatch.class;
    }

    @Override
    public IfMatch resolveArgument(
            MethodParameter parameter,
            ModelAndViewContainer container,
            NativeWebRequest request,
            WebDataBinderFactory binders) {
        String[] values = request.getHeaderValues(IfMatch.HEADER);
        // the header given twice is one list of tags (RFC 9110, section 5.3)
        return IfMatch.parse(values == null ? null : String.join(", ", values));
    }
}
