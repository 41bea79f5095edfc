package org.awardinghub.api.openapi;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.lang.annotation.Annotation;
import java.util.Set;
import org.springdoc.core.customizers.PropertyCustomizer;

/**
 * What a property's Java declaration says about its JSON that Swagger does not. A property of a reference type may be
 * null unless its validation says it may not: it is {@code nullable} (a primitive never is; the answers write nulls
 * out). A number written as a string ({@code @JsonFormat(shape = STRING)}, as an int64 beyond JavaScript's exact
 * integers is) is a string of that format. A map whose values may be anything says so ({@code additionalProperties:
 * true}). A property whose schema is another class's is made nullable by {@link
 * DocumentWide}, where its reference is: here it is still that class's own schema.
 */
final class PropertyTypes implements PropertyCustomizer {

    private static final Set<Class<? extends Annotation>> NEVER_NULL =
            Set.of(NotNull.class, NotBlank.class, NotEmpty.class);

    @Override
    public Schema customize(Schema property, AnnotatedType type) {
        Annotation[] annotations = type.getCtxAnnotations() == null ? new Annotation[0] : type.getCtxAnnotations();
        Schema<?> documented = property;
        for (Annotation annotation : annotations) {
            if (annotation instanceof JsonFormat format
                    && format.shape() == JsonFormat.Shape.STRING
                    && ("integer".equals(property.getType()) || "number".equals(property.getType()))) {
                documented = new StringSchema()
                        .format(property.getFormat())
                        .description(
                                property.getDescription() == null
                                        ? "Written as a string: " + property.getFormat()
                                        : property.getDescription());
            }
        }
        if (documented.getAdditionalProperties() instanceof Schema<?> values && anything(values)) {
            documented.setAdditionalProperties(true);
        }
        if (documented.getName() != null || documented.get$ref() != null || primitive(type)) {
            return documented;
        }
        for (Annotation annotation : annotations) {
            if (NEVER_NULL.contains(annotation.annotationType())) {
                return documented;
            }
        }
        documented.setNullable(true);
        return documented;
    }

    /**
     * A map's values of any JSON type (a {@code Map<String, Object>}, such as an event's payload): Swagger says
     * {@code type: object}, which a string or a number in it is not.
     */
    private static boolean anything(Schema<?> values) {
        return "object".equals(values.getType())
                && values.get$ref() == null
                && values.getProperties() == null
                && values.getAdditionalProperties() == null;
    }

    private static boolean primitive(AnnotatedType type) {
        return type.getType() instanceof Class<?> plain && plain.isPrimitive()
                || type.getType() instanceof com.fasterxml.jackson.databind.JavaType java && java.isPrimitive();
    }
}
