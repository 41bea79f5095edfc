package org.awardinghub.api.openapi;

import io.swagger.v3.core.jackson.TypeNameResolver;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.responses.ApiResponses;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * One schema name per class. Swagger names a schema by the class's simple name, so two classes of one name (a
 * qualification's {@code Assessment} and the answer key's) were merged into one schema that described neither. Here
 * a simple name shared by several of the classes the API's handlers take or answer (their bodies, walked through
 * their components and fields) is qualified: by its enclosing class ({@code QualificationViewAssessment}), or for a
 * top-level class by its package ({@code ItemsAssessment}). A name no other class shares stays as it is, so the
 * document's names change only when a new class would make them ambiguous.
 */
final class SchemaNames extends TypeNameResolver {

    private static final String OURS = "org.awardinghub.";

    private final ObjectProvider<RequestMappingHandlerMapping> handlers;
    private volatile Set<String> shared;

    SchemaNames(ObjectProvider<RequestMappingHandlerMapping> handlers) {
        this.handlers = handlers;
    }

    @Override
    protected String getNameOfClass(Class<?> type) {
        String simple = super.getNameOfClass(type);
        if (!type.getName().startsWith(OURS) || !shared().contains(type.getSimpleName())) {
            return simple;
        }
        return qualified(type);
    }

    /** The class's simple name after its enclosing class's, or after its package's last part. */
    static String qualified(Class<?> type) {
        Class<?> enclosing = type.getEnclosingClass();
        if (enclosing != null) {
            return enclosing.getSimpleName() + type.getSimpleName();
        }
        String packageName = type.getPackageName();
        String last = packageName.substring(packageName.lastIndexOf('.') + 1);
        return last.substring(0, 1).toUpperCase(Locale.ROOT) + last.substring(1) + type.getSimpleName();
    }

    private Set<String> shared() {
        Set<String> names = shared;
        if (names == null) {
            names = sharedNames(reachable(handlers.getObject()));
            shared = names;
        }
        return names;
    }

    /** The simple names of more than one of these classes. */
    static Set<String> sharedNames(Set<Class<?>> classes) {
        Map<String, Integer> counts = new HashMap<>();
        classes.forEach(type -> counts.merge(type.getSimpleName(), 1, Integer::sum));
        Set<String> names = new HashSet<>();
        counts.forEach((name, count) -> {
            if (count > 1) {
                names.add(name);
            }
        });
        return Set.copyOf(names);
    }

    /** Our classes the handlers answer or take as a body or a parameter object, and those these hold. */
    static Set<Class<?>> reachable(RequestMappingHandlerMapping mapping) {
        Deque<Type> types = new ArrayDeque<>();
        for (HandlerMethod handler : mapping.getHandlerMethods().values()) {
            types.add(handler.getMethod().getGenericReturnType());
            for (MethodParameter parameter : handler.getMethodParameters()) {
                if (parameter.hasParameterAnnotation(RequestBody.class)
                        || parameter.hasParameterAnnotation(ParameterObject.class)) {
                    types.add(parameter.getGenericParameterType());
                }
            }
            types.addAll(declared(handler));
        }
        Set<Class<?>> found = new HashSet<>();
        while (!types.isEmpty()) {
            Type type = types.poll();
            if (type instanceof ParameterizedType parameterized) {
                types.add(parameterized.getRawType());
                types.addAll(List.of(parameterized.getActualTypeArguments()));
            } else if (type instanceof GenericArrayType array) {
                types.add(array.getGenericComponentType());
            } else if (type instanceof WildcardType wildcard) {
                types.addAll(List.of(wildcard.getUpperBounds()));
            } else if (type instanceof Class<?> plain) {
                if (plain.isArray()) {
                    types.add(plain.getComponentType());
                } else if (plain.getName().startsWith(OURS) && found.add(plain)) {
                    types.addAll(held(plain));
                }
            }
        }
        return found;
    }

    /**
     * The classes a handler's springdoc annotations name as a body's schema: an answer that is negotiated (a report as
     * JSON or CSV) is a {@code ResponseEntity<?>} whose JSON shape only its {@code @ApiResponse} says.
     */
    private static List<Type> declared(HandlerMethod handler) {
        List<Content> contents = new ArrayList<>();
        AnnotatedElementUtils.findMergedRepeatableAnnotations(
                        handler.getMethod(), ApiResponse.class, ApiResponses.class)
                .forEach(response -> contents.addAll(List.of(response.content())));
        Operation operation = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), Operation.class);
        if (operation != null) {
            List.of(operation.responses()).forEach(response -> contents.addAll(List.of(response.content())));
            contents.addAll(List.of(operation.requestBody().content()));
        }
        List<Type> named = new ArrayList<>();
        for (Content content : contents) {
            named.add(content.schema().implementation());
            named.add(content.array().schema().implementation());
        }
        return named;
    }

    private static List<Type> held(Class<?> type) {
        List<Type> held = new ArrayList<>();
        if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                held.add(component.getGenericType());
            }
            return held;
        }
        for (Class<?> c = type; c != null && c.getName().startsWith(OURS); c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (!Modifier.isStatic(field.getModifiers())) {
                    held.add(field.getGenericType());
                }
            }
        }
        return held;
    }
}
