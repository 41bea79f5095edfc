package org.awardinghub.api.security;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.http.HttpEntity;
import org.springframework.http.MediaType;
import org.springframework.http.converter.GenericHttpMessageConverter;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.stereotype.Component;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.accept.ContentNegotiationManager;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

/**
 * Answers 406 before the handler runs when the client accepts none of the types its answer can be written in. Spring
 * finds that out only when it writes the answer, after the handler ran: a registration sent with {@code Accept:
 * text/csv} was recorded and then answered 406, a change made for a request that was refused. The types are those
 * Spring itself would choose from (the handler's declared body type and the message converters); a handler whose
 * body type is known only when it answers ({@code ResponseEntity<?>}: JSON or CSV by {@code Accept}) or that answers
 * no body is left to Spring.
 */
@Component
class AcceptCheck implements HandlerInterceptor {

    private final ObjectProvider<RequestMappingHandlerAdapter> adapter;
    private final ObjectProvider<ContentNegotiationManager> negotiation;

    /** Both found at the first request: they are made by the configuration that takes this interceptor. */
    AcceptCheck(
            ObjectProvider<RequestMappingHandlerAdapter> adapter,
            @Qualifier("mvcContentNegotiationManager") ObjectProvider<ContentNegotiationManager> negotiation) {
        this.adapter = adapter;
        this.negotiation = negotiation;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws HttpMediaTypeNotAcceptableException {
        if (!(handler instanceof HandlerMethod method)
                || request.getDispatcherType() != DispatcherType.REQUEST
                || request.getAttribute(HandlerMapping.PRODUCIBLE_MEDIA_TYPES_ATTRIBUTE)
                                instanceof Collection<?> declared
                        && !declared.isEmpty()) {
            return true; // a mapping that declares what it produces was matched against Accept already
        }
        ResolvableType body = bodyType(method.getReturnType());
        Class<?> bodyClass = body.resolve();
        if (bodyClass == null || bodyClass == Void.class || bodyClass == void.class || bodyClass == Object.class) {
            return true;
        }
        List<MediaType> producible = producible(body, bodyClass);
        if (producible.isEmpty()) {
            return true;
        }
        for (MediaType accepted : negotiation.getObject().resolveMediaTypes(new ServletWebRequest(request))) {
            for (MediaType type : producible) {
                if (accepted.isCompatibleWith(type)) {
                    return true;
                }
            }
        }
        throw new HttpMediaTypeNotAcceptableException(producible);
    }

    private static ResolvableType bodyType(MethodParameter returnType) {
        ResolvableType type = ResolvableType.forMethodParameter(returnType);
        if (HttpEntity.class.isAssignableFrom(returnType.getParameterType())) {
            return type.as(HttpEntity.class).getGeneric(0);
        }
        return type;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private List<MediaType> producible(ResolvableType body, Class<?> bodyClass) {
        Set<MediaType> types = new LinkedHashSet<>();
        for (HttpMessageConverter<?> converter : adapter.getObject().getMessageConverters()) {
            boolean writes = converter instanceof GenericHttpMessageConverter generic
                    ? generic.canWrite(body.getType(), bodyClass, null)
                    : converter.canWrite(bodyClass, null);
            if (writes) {
                types.addAll(((HttpMessageConverter) converter).getSupportedMediaTypes(bodyClass));
            }
        }
        return List.copyOf(types);
    }
}
