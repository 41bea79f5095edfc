package org.awardinghub.api.version;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.Arrays;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.method.HandlerMethod;

/**
 * Says in the API's document what {@link IfMatch} does: an operation that takes one (the read of a versioned record,
 * or an edit of it) documents the optional {@code If-Match} header, the 412 answer and the {@code ETag} header of its
 * successful answer; a read also {@code If-None-Match} and its 304. One place for every such operation, so none of them repeats it.
 */
@Component
class VersionDocumentation implements GlobalOperationCustomizer {

    /** The RFC 9457 problem schema the document declares for every error (org.awardinghub.api.openapi). */
    private static final String PROBLEM = "Problem";

    static {
        // resolved from the header by IfMatchArgument: not a request parameter of its own
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(IfMatch.class);
    }

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        if (Arrays.stream(handler.getMethodParameters())
                .anyMatch(parameter -> parameter.getParameterType() == IfMatch.class)) {
            operation.addParametersItem(new HeaderParameter()
                    .name(IfMatch.HEADER)
                    .required(false)
                    .description("The record's ETag as last read (its version, for example \"3\"): the request is"
                            + " carried out only if the record is still at that version, else 412 and nothing"
                            + " changes. Without it, or with *, whatever the version.")
                    .schema(new StringSchema().example("\"3\"")));
            responses(operation)
                    .addApiResponse(
                            "412",
                            new ApiResponse()
                                    .description("The record is not at the version in If-Match (changed since);"
                                            + " nothing was changed. The problem's currentVersion is its version now.")
                                    .content(new Content()
                                            .addMediaType(
                                                    org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                                                    new MediaType()
                                                            .schema(new Schema<>()
                                                                    .$ref("#/components/schemas/" + PROBLEM)))));
            if (handler.hasMethodAnnotation(GetMapping.class)) {
                operation.addParametersItem(new HeaderParameter()
                        .name("If-None-Match")
                        .required(false)
                        .description("The record's ETag as last read: 304 without a body if it is still at that"
                                + " version")
                        .schema(new StringSchema().example("\"3\"")));
                responses(operation)
                        .addApiResponse(
                                "304",
                                new ApiResponse()
                                        .description("Not modified: the record is still at the version in"
                                                + " If-None-Match")
                                        .addHeaderObject("ETag", eTag()));
            }
            ApiResponse ok = responses(operation).get("200");
            if (ok != null) {
                ok.addHeaderObject("ETag", eTag());
            }
        }
        return operation;
    }

    private static Header eTag() {
        return new Header()
                .description("The record's version as a strong entity-tag, for If-Match")
                .schema(new StringSchema().example("\"3\""));
    }

    private static ApiResponses responses(Operation operation) {
        if (operation.getResponses() == null) {
            operation.setResponses(new ApiResponses());
        }
        return operation.getResponses();
    }
}
