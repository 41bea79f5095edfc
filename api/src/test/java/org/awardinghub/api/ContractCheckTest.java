package org.awardinghub.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import org.junit.jupiter.api.Test;

/** The contract check reads a nullable reference as OpenAPI 3.0 means it: null, or the referenced schema. */
class ContractCheckTest {

    private static final String DOCUMENT = """
            {"openapi": "3.0.1", "info": {"title": "t", "version": "1"},
             "paths": {"/x": {"get": {"responses": {"200": {"description": "ok",
               "content": {"application/json": {"schema": {"$ref": "#/components/schemas/X"}}}}}}}},
             "components": {"schemas": {
               "X": {"type": "object", "properties": {
                 "result": {"type": "object", "nullable": true, "allOf": [{"$ref": "#/components/schemas/R"}]},
                 "kept": {"type": "object", "allOf": [{"$ref": "#/components/schemas/R"}]}}},
               "R": {"type": "object", "properties": {"score": {"type": "integer"}}}}}}
            """;

    @Test
    void givenNullableReference_whenNull_thenValid_andAnotherShapeIsStillRefused() {
        OpenApiInteractionValidator validator = OpenApiInteractionValidator.createForInlineApiSpecification(
                        ContractCheck.nullableReferencesAsJsonSchema(DOCUMENT))
                .build();

        assertThat(answer(validator, "{\"result\": null, \"kept\": {\"score\": 1}}"))
                .isEmpty();
        assertThat(answer(validator, "{\"result\": {\"score\": 3}, \"kept\": {\"score\": 1}}"))
                .isEmpty();
        assertThat(answer(validator, "{\"result\": {\"score\": \"three\"}, \"kept\": {\"score\": 1}}"))
                .isNotEmpty();
        assertThat(answer(validator, "{\"result\": {\"score\": 3}, \"kept\": null}"))
                .as("a reference that is not nullable still refuses null")
                .isNotEmpty();
    }

    private static java.util.List<ValidationReport.Message> answer(OpenApiInteractionValidator validator, String body) {
        return validator
                .validateResponse(
                        "/x",
                        Request.Method.GET,
                        SimpleResponse.Builder.ok()
                                .withContentType("application/json")
                                .withBody(body)
                                .build())
                .getMessages();
    }
}
