package org.awardinghub.api.openapi;

import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import java.util.List;

/**
 * The RFC 9457 problem every error answers ({@code org.awardinghub.api.problem.Problems}): the standard members, and
 * the extension members the server sends — {@code errors} (the fields at fault), {@code reasons} (why a candidate
 * cannot be claimed for), {@code existingCandidateId} and {@code existingRegistrationNumber} (a possible duplicate
 * registration). Other members may be added later, so clients must ignore what they do not know.
 */
final class ProblemSchema {

    static final String NAME = "Problem";
    static final String FIELD_ERROR = "ProblemFieldError";
    static final String REFERENCE = "#/components/schemas/" + NAME;

    private ProblemSchema() {}

    static Schema<?> schema() {
        Schema<?> problem = new ObjectSchema()
                .description("An RFC 9457 problem: what went wrong, in words for whoever sent the request")
                .addProperty(
                        "type",
                        new StringSchema()
                                .format("uri")
                                .description("Names the kind of problem (its status, under the API's problem base)")
                                .example("https://awarding-hub.local/problems/400"))
                .addProperty("title", new StringSchema().description("The kind of problem, briefly"))
                .addProperty("status", new IntegerSchema().description("The HTTP status"))
                .addProperty("detail", new StringSchema().description("This occurrence, in words"))
                .addProperty(
                        "instance",
                        new StringSchema()
                                .format("uri-reference")
                                .description("The request's path")
                                .nullable(true))
                .addProperty(
                        "errors",
                        new ArraySchema()
                                .items(new Schema<>().$ref("#/components/schemas/" + FIELD_ERROR))
                                .description("Each field at fault and what is wrong with it (400)"))
                .addProperty(
                        "reasons",
                        new ArraySchema()
                                .items(new StringSchema())
                                .description("Every reason a candidate cannot be claimed for (409)"))
                .addProperty(
                        "existingCandidateId",
                        new StringSchema().description("The registration this one may duplicate (409)"))
                .addProperty(
                        "existingRegistrationNumber", new StringSchema().description("Its registration number (409)"));
        problem.setRequired(List.of("type", "title", "status", "detail"));
        problem.setAdditionalProperties(true);
        return problem;
    }

    static Schema<?> fieldError() {
        Schema<?> error = new ObjectSchema()
                .description("A field of the request and what is wrong with it")
                .addProperty("field", new StringSchema())
                .addProperty("message", new StringSchema());
        error.setRequired(List.of("field", "message"));
        return error;
    }
}
