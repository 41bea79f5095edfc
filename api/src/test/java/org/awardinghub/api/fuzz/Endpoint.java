package org.awardinghub.api.fuzz;

import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awardinghub.api.security.Allow;
import org.awardinghub.api.security.Public;
import org.awardinghub.events.user.Role;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * One endpoint as the running application maps it: its method, its path pattern, and what its handler reads (path
 * variables, query parameters, a JSON body of some type, a file upload), all read from the handler's signature, so
 * that an endpoint added tomorrow is fuzzed without being listed here.
 */
record Endpoint(
        String method,
        String pattern,
        List<String> pathVariables,
        Map<String, Type> queryParameters,
        Type body,
        boolean upload,
        Set<Caller> callers) {

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}:]+)(?::[^}]*)?}");

    /** Every endpoint of the handler mapping, in a stable order, so that a seed always gives the same requests. */
    static List<Endpoint> all(RequestMappingHandlerMapping mapping) {
        List<Endpoint> endpoints = new ArrayList<>();
        mapping.getHandlerMethods().forEach((info, handler) -> endpoints.addAll(of(info, handler)));
        endpoints.sort(Comparator.comparing(Endpoint::pattern).thenComparing(Endpoint::method));
        return List.copyOf(endpoints);
    }

    private static List<Endpoint> of(RequestMappingInfo info, HandlerMethod handler) {
        Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
        List<String> names = methods.isEmpty()
                ? List.of("GET", "POST")
                : methods.stream().map(Enum::name).sorted().toList();
        Map<String, Type> query = new LinkedHashMap<>();
        Type body = null;
        boolean upload = false;
        for (Parameter parameter : handler.getMethod().getParameters()) {
            RequestParam param = parameter.getAnnotation(RequestParam.class);
            if (parameter.getType() == MultipartFile.class) {
                upload = true;
            } else if (parameter.isAnnotationPresent(RequestBody.class)) {
                body = parameter.getParameterizedType();
            } else if (param != null) {
                String name = !param.name().isEmpty() ? param.name() : param.value();
                query.put(name.isEmpty() ? parameter.getName() : name, parameter.getParameterizedType());
            } else if (parameter.getType().isRecord()
                    && !parameter.isAnnotationPresent(PathVariable.class)
                    && !parameter.isAnnotationPresent(RequestHeader.class)) {
                // bound from the query, field by field (a report's filter)
                for (RecordComponent component : parameter.getType().getRecordComponents()) {
                    query.put(component.getName(), component.getGenericType());
                }
            }
        }
        Set<Caller> callers = callers(handler);
        List<Endpoint> endpoints = new ArrayList<>();
        for (String pattern : info.getPatternValues()) {
            List<String> variables = new ArrayList<>();
            Matcher matcher = VARIABLE.matcher(pattern);
            while (matcher.find()) {
                variables.add(matcher.group(1));
            }
            for (String method : names) {
                endpoints.add(new Endpoint(
                        method, pattern, List.copyOf(variables), Map.copyOf(query), body, upload, callers));
            }
        }
        return endpoints;
    }

    /** Who the endpoint lets in, as the fixture's callers: the fuzzing sends most requests as one of them. */
    private static Set<Caller> callers(HandlerMethod handler) {
        if (handler.hasMethodAnnotation(Public.class)) {
            return EnumSet.of(Caller.NOBODY);
        }
        Allow allow = handler.getMethodAnnotation(Allow.class);
        if (allow == null) {
            return EnumSet.allOf(Caller.class);
        }
        Set<Caller> callers = EnumSet.noneOf(Caller.class);
        if (allow.anyone()) {
            callers.addAll(Caller.STAFF);
        }
        if (allow.anyOfCentre()) {
            callers.addAll(Caller.CENTRE_STAFF);
        }
        if (allow.candidate()) {
            callers.add(Caller.CANDIDATE);
        }
        if (allow.candidateAccount()) {
            callers.add(Caller.LEARNER);
        }
        for (Role role : allow.value()) {
            callers.addAll(Caller.holding(role));
        }
        for (Role role : allow.ofCentre()) {
            callers.addAll(Caller.holding(role));
        }
        return callers.isEmpty() ? EnumSet.allOf(Caller.class) : callers;
    }

    @Override
    public String toString() {
        return method + " " + pattern;
    }
}
