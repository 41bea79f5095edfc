package org.awardinghub.api.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;

/**
 * What is seen only once every operation is documented: the tags, one per controller, with their descriptions; a
 * property that is another class's schema and may be null, made {@code nullable} beside its reference (OpenAPI 3.0
 * ignores anything beside a {@code $ref}, so the reference goes under {@code allOf}); and every response header given
 * a schema.
 */
final class DocumentWide implements GlobalOpenApiCustomizer {

    private final OperationDocumentation operations;

    DocumentWide(OperationDocumentation operations) {
        this.operations = operations;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public void customise(OpenAPI document) {
        List<Tag> tags = new ArrayList<>();
        operations
                .tags()
                .forEach((name, description) -> tags.add(new Tag().name(name).description(description)));
        document.setTags(tags);
        if (document.getComponents() != null && document.getComponents().getSchemas() != null) {
            Map<String, Schema> schemas = document.getComponents().getSchemas();
            schemas.values().forEach(schema -> nullableReferences(schema, schemas));
        }
        if (document.getPaths() != null) {
            document.getPaths()
                    .values()
                    .forEach(path -> path.readOperations()
                            .forEach(operation ->
                                    operation.getResponses().values().forEach(DocumentWide::headerSchemas)));
        }
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void nullableReferences(Schema<?> schema, Map<String, Schema> schemas) {
        Map<String, Schema> properties = schema.getProperties();
        if (properties == null || ProblemSchema.NAME.equals(schema.getName())) {
            return;
        }
        List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
        properties.replaceAll((name, property) -> {
            if (property.get$ref() == null || required.contains(name)) {
                return property;
            }
            Schema target =
                    schemas.get(property.get$ref().substring(property.get$ref().lastIndexOf('/') + 1));
            Schema nullable = new Schema<>().allOf(List.of(new Schema<>().$ref(property.get$ref())));
            // "nullable" means something only beside a type (and validators refuse it alone)
            nullable.setType(target == null || target.getType() == null ? "object" : target.getType());
            nullable.setNullable(true);
            nullable.setDescription(property.getDescription());
            return nullable;
        });
    }

    private static void headerSchemas(ApiResponse response) {
        if (response.getHeaders() == null) {
            return;
        }
        for (Header header : response.getHeaders().values()) {
            if (header.getSchema() == null && header.get$ref() == null) {
                header.setSchema(new StringSchema());
            }
        }
    }
}
