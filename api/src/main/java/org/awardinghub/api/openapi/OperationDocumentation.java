package org.awardinghub.api.openapi;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.awardinghub.api.PagedArray;
import org.awardinghub.api.files.FileTypes;
import org.awardinghub.api.security.Public;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.providers.JavadocProvider;
import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpEntity;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;

/**
 * Each operation as the server answers it, derived from its handler method: an id and a tag from the controller and
 * the method; {@code security: []} for {@link Public} endpoints; the real media types of what it takes and answers
 * (JSON, a CSV file, a multipart upload, a file's bytes); a {@code Location} for what it creates; and the problems it
 * can answer: those of any request, those of the access check where there is one, 406 where there is a type to
 * negotiate, 413 and 415 where there is a body, and those its handler declares ({@code @ApiResponse}: 429).
 */
final class OperationDocumentation implements OperationCustomizer {

    static final String JSON = "application/json";
    static final String PROBLEM = "application/problem+json";
    static final String CSV = "text/csv";
    static final String MULTIPART = "multipart/form-data";
    private static final String CONTROLLER = "Controller";

    /** The problems any request can meet: its form refused (400), the database busy or out of reach (503). */
    private static final Map<String, String> ALWAYS = Map.of(
            "400",
            "Invalid input: the problem's `errors` name each field at fault",
            "503",
            "The database is busy or out of reach, or the server is starting or stopping; nothing was changed."
                    + " Try again after Retry-After seconds");

    /**
     * The problems of an endpoint that is not public: the access check's (401, 403, and 404 for a record of another
     * centre, as for an unknown one) and the record's state (409). A public endpoint answers those it declares.
     */
    private static final Map<String, String> SIGNED_IN = Map.of(
            "401", "Not signed in, or the session or token has ended",
            "403", "Signed in, but not allowed to do this",
            "404", "No such record, or none this caller may see",
            "409", "Not allowed in the record's current state, or a conflicting change");

    private static final String NOT_ACCEPTABLE = "The request's Accept header names no type this endpoint answers";

    private static final Map<String, String> WITH_BODY = Map.of(
            "413", "The request body is over its limit",
            "415", "The request body's Content-Type is not one this endpoint takes");

    private static final String TOO_MANY =
            "Too many requests from this address (or with this PIN or key); try again" + " after Retry-After seconds";

    private final JavadocProvider javadoc;
    private final Examples examples;
    /** Each tag's description, from its controller's Javadoc, collected as the operations are documented. */
    private final Map<String, String> tags = new ConcurrentHashMap<>();

    OperationDocumentation(JavadocProvider javadoc, Examples examples) {
        this.javadoc = javadoc;
        this.examples = examples;
    }

    /** The tags met so far, by name, with their descriptions. */
    Map<String, String> tags() {
        return new TreeMap<>(tags);
    }

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        Class<?> controller = handler.getBeanType();
        String context = context(controller);
        operation.setOperationId(lowerFirst(context.replace(" ", ""))
                + upperFirst(handler.getMethod().getName()));
        operation.setTags(List.of(context));
        tags.computeIfAbsent(context, name -> tagDescription(controller));
        if (operation.getSummary() != null) {
            // the first sentence of the handler's Javadoc, on one line
            operation.setSummary(operation.getSummary().replaceAll("\\s+", " ").strip());
        }
        if (handler.hasMethodAnnotation(Public.class)) {
            operation.setSecurity(new ArrayList<>());
        }
        requestBody(operation, handler);
        successes(operation, handler);
        problems(operation, handler.hasMethodAnnotation(Public.class), ownErrorBodies(handler));
        examples.add(operation);
        return operation;
    }

    private void requestBody(Operation operation, HandlerMethod handler) {
        List<String> formFields = new ArrayList<>();
        boolean multipart = false;
        Parameter[] declared = handler.getMethod().getParameters();
        for (MethodParameter parameter : handler.getMethodParameters()) {
            if (MultipartFile.class.isAssignableFrom(parameter.getParameterType())) {
                multipart = true;
            } else if (parameter.hasParameterAnnotation(RequestParam.class)) {
                formFields.add(parameterName(parameter, declared[parameter.getParameterIndex()]));
            }
            if (parameter.hasParameterAnnotation(RequestBody.class) && parameter.getParameterType() == byte[].class) {
                // a file sent as it is: the bulk registration's CSV (text/plain is taken too)
                Schema<?> file = new StringSchema().description("The CSV file, UTF-8, a header line first");
                operation
                        .getRequestBody()
                        .setContent(new Content()
                                .addMediaType(CSV, new MediaType().schema(file))
                                .addMediaType("text/plain", new MediaType().schema(file)));
            }
        }
        if (operation.getParameters() != null) {
            // Accept and Content-Type are the media types below; OpenAPI ignores them as parameters
            operation
                    .getParameters()
                    .removeIf(parameter -> "header".equals(parameter.getIn())
                            && List.of("accept", "content-type")
                                    .contains(parameter.getName().toLowerCase(Locale.ROOT)));
        }
        if (multipart) {
            Schema<?> form = new ObjectSchema().addProperty("file", new StringSchema().format("binary"));
            if (operation.getParameters() != null) {
                List<io.swagger.v3.oas.models.parameters.Parameter> fields = operation.getParameters().stream()
                        .filter(parameter ->
                                "query".equals(parameter.getIn()) && formFields.contains(parameter.getName()))
                        .toList();
                fields.forEach(field -> form.addProperty(field.getName(), field.getSchema()));
                operation.getParameters().removeAll(fields);
            }
            if (operation.getRequestBody() == null) {
                operation.setRequestBody(new io.swagger.v3.oas.models.parameters.RequestBody());
            }
            operation.getRequestBody().setContent(new Content().addMediaType(MULTIPART, new MediaType().schema(form)));
        }
        if (operation.getParameters() != null && operation.getParameters().isEmpty()) {
            operation.setParameters(null);
        }
    }

    /** A list answered through {@link PagedArray}: a bare array, with {@code page} and {@code size} to ask for. */
    private static boolean answersPagedArray(HandlerMethod handler) {
        ResolvableType answer = ResolvableType.forMethodReturnType(handler.getMethod());
        if (!HttpEntity.class.isAssignableFrom(answer.toClass())
                || !List.class.isAssignableFrom(
                        answer.as(HttpEntity.class).getGeneric(0).toClass())) {
            return false;
        }
        Parameter[] declared = handler.getMethod().getParameters();
        Set<String> asked = new HashSet<>();
        for (MethodParameter parameter : handler.getMethodParameters()) {
            if (parameter.hasParameterAnnotation(RequestParam.class)) {
                asked.add(parameterName(parameter, declared[parameter.getParameterIndex()]));
            }
        }
        return asked.containsAll(Set.of("page", "size"));
    }

    private void successes(Operation operation, HandlerMethod handler) {
        Class<?> body = bodyType(handler);
        boolean csvByAccept = false;
        for (MethodParameter parameter : handler.getMethodParameters()) {
            RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
            if (header != null
                    && "accept".equalsIgnoreCase(header.value().isEmpty() ? header.name() : header.value())) {
                csvByAccept = true;
            }
        }
        for (Map.Entry<String, ApiResponse> entry : operation.getResponses().entrySet()) {
            if (!entry.getKey().startsWith("2")) {
                continue;
            }
            ApiResponse response = entry.getValue();
            Content content = response.getContent();
            if (content != null && content.containsKey("*/*")) {
                content.put(JSON, content.remove("*/*"));
            }
            if (body != null && Resource.class.isAssignableFrom(body)) {
                Content files = new Content();
                FileTypes.mediaTypes()
                        .forEach(type ->
                                files.addMediaType(type, new MediaType().schema(new StringSchema().format("binary"))));
                response.setContent(files);
                response.addHeaderObject(
                        "Content-Disposition",
                        new Header()
                                .description("attachment, with the file's name")
                                .schema(new StringSchema()));
                response.addHeaderObject(
                        "X-Content-SHA256",
                        new Header()
                                .description("The SHA-256 of the bytes, as recorded")
                                .schema(new StringSchema()));
            }
            if (csvByAccept) {
                if (response.getContent() == null) {
                    response.setContent(new Content());
                }
                response.getContent()
                        .addMediaType(
                                CSV,
                                new MediaType()
                                        .schema(new StringSchema()
                                                .description("The report as a CSV file, a header first")));
            }
            if ("200".equals(entry.getKey()) && answersPagedArray(handler)) {
                response.addHeaderObject(
                        PagedArray.TOTAL_COUNT,
                        new Header()
                                .description("How many items the whole list holds, whatever page was asked for")
                                .schema(new IntegerSchema()));
            }
            if ("201".equals(entry.getKey())) {
                response.addHeaderObject(
                        "Location",
                        new Header()
                                .description("Where the record created is read")
                                .schema(new StringSchema()));
            }
            if (response.getContent() != null && response.getContent().isEmpty()) {
                response.setContent(null);
            }
        }
    }

    /**
     * The error statuses whose body the handler declares itself ({@code @Operation(responses = ...)} with a schema): the
     * token endpoint answers OAuth's own error objects (ADR 0152). Those keep their body, and the problem is added
     * beside it, for what is refused before the handler runs.
     */
    private static Set<String> ownErrorBodies(HandlerMethod handler) {
        io.swagger.v3.oas.annotations.Operation declared =
                handler.getMethodAnnotation(io.swagger.v3.oas.annotations.Operation.class);
        if (declared == null) {
            return Set.of();
        }
        return Arrays.stream(declared.responses())
                .filter(response -> !response.responseCode().startsWith("2"))
                .filter(response -> Arrays.stream(response.content())
                        .anyMatch(content -> content.schema().implementation() != Void.class))
                .map(io.swagger.v3.oas.annotations.responses.ApiResponse::responseCode)
                .collect(Collectors.toSet());
    }

    private static void problems(Operation operation, boolean open, Set<String> ownBodies) {
        ApiResponses responses = operation.getResponses();
        boolean answersABody = responses.entrySet().stream()
                .anyMatch(response ->
                        response.getKey().startsWith("2") && response.getValue().getContent() != null);
        ALWAYS.forEach((status, description) -> problem(responses, status, description, ownBodies));
        SIGNED_IN.forEach((status, description) -> {
            if (!open || responses.containsKey(status)) {
                problem(responses, status, description, ownBodies);
            }
        });
        if (answersABody) {
            // a type to negotiate: Accept refused before the handler runs (AcceptCheck)
            problem(responses, "406", NOT_ACCEPTABLE, ownBodies);
        }
        if (operation.getRequestBody() != null) {
            WITH_BODY.forEach((status, description) -> problem(responses, status, description, ownBodies));
        }
        if (responses.containsKey("429")) {
            problem(responses, "429", TOO_MANY, ownBodies);
        }
        new TreeMap<>(responses).forEach((status, response) -> {
            responses.remove(status);
            responses.addApiResponse(status, response);
        });
    }

    /** The status's problem answer: the description given on the handler, if any, with the problem's content. */
    private static void problem(ApiResponses responses, String status, String description, Set<String> ownBodies) {
        ApiResponse response = responses.computeIfAbsent(status, s -> new ApiResponse().description(description));
        if (response.getDescription() == null || response.getDescription().isBlank()) {
            response.setDescription(description);
        }
        Content content =
                ownBodies.contains(status) && response.getContent() != null ? response.getContent() : new Content();
        response.setContent(
                content.addMediaType(PROBLEM, new MediaType().schema(new Schema<>().$ref(ProblemSchema.REFERENCE))));
        if ("503".equals(status) || "429".equals(status)) {
            response.addHeaderObject(
                    "Retry-After",
                    new Header()
                            .description("Seconds to wait before asking again")
                            .schema(new StringSchema()));
        }
    }

    /** The class of the body the handler answers, looking through {@code ResponseEntity}; null when unknown. */
    private static Class<?> bodyType(HandlerMethod handler) {
        MethodParameter returned = handler.getReturnType();
        ResolvableType type = ResolvableType.forMethodParameter(returned);
        if (HttpEntity.class.isAssignableFrom(returned.getParameterType())) {
            type = type.as(HttpEntity.class).getGeneric(0);
        }
        return type.resolve();
    }

    private String tagDescription(Class<?> controller) {
        String description = javadoc == null ? null : javadoc.getClassJavadoc(controller);
        return description == null || description.isBlank()
                ? context(controller)
                : description.replaceAll("\\s+", " ").strip();
    }

    /** The controller's context, in words: {@code HubRequestController} is "Hub Request". */
    static String context(Class<?> controller) {
        String name = controller.getSimpleName();
        if (name.endsWith(CONTROLLER)) {
            name = name.substring(0, name.length() - CONTROLLER.length());
        }
        return splitCamelCase(name);
    }

    /** The request parameter's name: the annotation's, else the Java parameter's (compiled with -parameters). */
    private static String parameterName(MethodParameter parameter, Parameter declared) {
        RequestParam annotation = parameter.getParameterAnnotation(RequestParam.class);
        String named = annotation == null ? "" : annotation.name().isEmpty() ? annotation.value() : annotation.name();
        return named.isEmpty() ? declared.getName() : named;
    }

    private static String splitCamelCase(String name) {
        String words = name.replaceAll("([a-z0-9])([A-Z])", "$1 $2");
        return upperFirst(words.substring(0, 1)) + words.substring(1);
    }

    private static String lowerFirst(String text) {
        return text.substring(0, 1).toLowerCase(Locale.ROOT) + text.substring(1);
    }

    private static String upperFirst(String text) {
        return text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
    }
}
