package org.awardinghub.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.awardinghub.api.security.Public;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.info.BuildProperties;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The OpenAPI document integrators build on says what the server does (ADR 0148): who it is, how to sign in, which
 * endpoints are open to all, one stable id, summary and tag per operation, every error as a problem, one schema per
 * class; and Redocly CLI's recommended rules find nothing wrong with it. The document served is written to {@code
 * target/openapi.json} for a look at it.
 */
class ApiDocumentTest extends ApplicationTest {

    private static final Path WRITTEN = Path.of("target", "openapi.json");
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    private BuildProperties build;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;

    private JsonNode document() throws IOException {
        var docs = http.get("/v3/api-docs", null);
        assertThat(docs.status()).isEqualTo(200);
        Files.createDirectories(WRITTEN.toAbsolutePath().getParent());
        Files.writeString(WRITTEN, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(docs.json()));
        return docs.json();
    }

    /** Every operation of the document, keyed "METHOD path". */
    private static Map<String, JsonNode> operations(JsonNode document) {
        Map<String, JsonNode> operations = new HashMap<>();
        document.get("paths")
                .properties()
                .forEach(path -> path.getValue().properties().forEach(method -> {
                    if (METHODS.contains(method.getKey())) {
                        operations.put(method.getKey().toUpperCase() + " " + path.getKey(), method.getValue());
                    }
                }));
        return operations;
    }

    private static JsonNode schema(JsonNode document, JsonNode schemaOrReference) {
        JsonNode reference = schemaOrReference.get("$ref");
        if (reference == null) {
            return schemaOrReference;
        }
        String name = reference.asText().substring("#/components/schemas/".length());
        return document.at("/components/schemas/" + name);
    }

    @Test
    void givenRunningApplication_whenApiDocsRequested_thenEveryFoundationPathIsDescribed() throws IOException {
        assertThat(document().get("paths").properties())
                .extracting(Map.Entry::getKey)
                .contains(
                        "/api/auth/login",
                        "/api/auth/activate",
                        "/api/me",
                        "/api/users",
                        "/api/centres",
                        "/api/centres/{centreId}/approve",
                        "/api/centres/{centreId}/users",
                        "/api/centres/{centreId}/requests",
                        "/api/qualifications",
                        "/api/outbox");
        assertThat(http.get("/swagger-ui/index.html", null).status()).isEqualTo(200);
    }

    @Test
    void givenDocument_thenItNamesTheApiItsReleaseAndItsLicence() throws IOException {
        JsonNode info = document().get("info");
        assertThat(info.get("title").asText()).isEqualTo("Awarding Hub API");
        assertThat(info.get("version").asText()).isEqualTo(build.getVersion());
        assertThat(info.get("description").asText()).isNotBlank();
        assertThat(info.at("/license/name").asText()).isNotBlank();
        assertThat(document().at("/servers/0/url").asText()).isEqualTo("/");
    }

    @Test
    void givenDocument_thenBearerIsRequiredEverywhereButOnTheEndpointsMarkedPublic() throws IOException {
        JsonNode document = document();
        JsonNode schemes = document.at("/components/securitySchemes");
        assertThat(schemes.at("/bearer/type").asText()).isEqualTo("http");
        assertThat(schemes.at("/bearer/scheme").asText()).isEqualTo("bearer");
        assertThat(schemes.at("/pin/type").asText()).isEqualTo("oauth2");
        assertThat(schemes.at("/pin/flows/password/tokenUrl").asText()).isEqualTo("/api/auth/token");
        assertThat(document.get("security").toString()).contains("\"bearer\"");

        Set<String> publicInCode = new TreeSet<>();
        mappings.getHandlerMethods().forEach((RequestMappingInfo info, HandlerMethod handler) -> {
            if (handler.hasMethodAnnotation(Public.class)) {
                for (var method : info.getMethodsCondition().getMethods()) {
                    for (String path : info.getPatternValues()) {
                        publicInCode.add(method.name() + " " + path);
                    }
                }
            }
        });
        Set<String> publicInDocument = new TreeSet<>();
        operations(document).forEach((operation, body) -> {
            if (body.has("security") && body.get("security").isEmpty()) {
                publicInDocument.add(operation);
            }
        });
        assertThat(publicInCode).contains("POST /api/auth/login");
        assertThat(publicInDocument).isEqualTo(publicInCode);
        Map<String, JsonNode> operations = operations(document);
        // a public endpoint has no access check: only the refusals its handler can give
        assertThat(operations
                        .get("GET /api/certificates/{certificateNumber}/verify")
                        .get("responses")
                        .has("401"))
                .isFalse();
        assertThat(operations.get("POST /api/auth/login").get("responses").has("401"))
                .isTrue();
        assertThat(operations
                        .get("POST /api/auth/login")
                        .at("/responses/429/headers")
                        .has("Retry-After"))
                .isTrue();
    }

    @Test
    void givenDocument_thenEveryOperationHasAUniqueIdASummaryATagAndItsProblems() throws IOException {
        JsonNode document = document();
        Set<String> tags = new HashSet<>();
        document.get("tags").forEach(tag -> {
            assertThat(tag.path("description").asText()).as("tag %s", tag).isNotBlank();
            tags.add(tag.get("name").asText());
        });
        Map<String, String> ids = new HashMap<>();
        List<String> wrong = new ArrayList<>();
        operations(document).forEach((operation, body) -> {
            String id = body.path("operationId").asText();
            if (!id.matches("[a-z][A-Za-z0-9]+")) {
                wrong.add(operation + ": operation id " + id);
            }
            String before = ids.put(id, operation);
            if (before != null) {
                wrong.add(operation + ": operation id " + id + " also of " + before);
            }
            if (body.path("summary").asText().isBlank()) {
                wrong.add(operation + ": no summary");
            }
            if (body.path("tags").size() != 1
                    || !tags.contains(body.at("/tags/0").asText())) {
                wrong.add(operation + ": tags " + body.path("tags"));
            }
            boolean open = body.has("security") && body.get("security").isEmpty();
            List<String> problems = new ArrayList<>(List.of("400", "503"));
            if (!open) {
                problems.addAll(List.of("401", "403", "404", "409"));
            }
            for (String status : problems) {
                if (!body.at("/responses/" + status + "/content").has("application/problem+json")) {
                    wrong.add(operation + ": no problem answer " + status);
                }
            }
            body.get("responses").properties().forEach(response -> {
                if (response.getKey().matches("[45]\\d\\d")
                        && !response.getValue().path("content").has("application/problem+json")) {
                    wrong.add(operation + ": " + response.getKey() + " is no problem");
                }
            });
            if (body.has("requestBody") && !body.at("/responses/413/content").has("application/problem+json")) {
                wrong.add(operation + ": a body and no 413");
            }
            body.get("responses").properties().forEach(response -> {
                if (response.getKey().startsWith("2")
                        && response.getValue().path("content").has("*/*")) {
                    wrong.add(operation + ": answers */*");
                }
            });
        });
        assertThat(wrong).isEmpty();
        assertThat(document.at("/components/schemas/Problem/properties").properties())
                .extracting(Map.Entry::getKey)
                .contains("type", "title", "status", "detail", "instance", "errors");
    }

    @Test
    void givenDocument_thenEachAnswerAndBodyHasItsRealStatusAndMediaType() throws IOException {
        JsonNode document = document();
        Map<String, JsonNode> operations = operations(document);
        JsonNode createCentre = operations.get("POST /api/centres");
        assertThat(createCentre
                        .at("/responses/201/headers/Location/schema/type")
                        .asText())
                .isEqualTo("string");
        assertThat(createCentre.at("/responses/201/content").has("application/json"))
                .isTrue();
        assertThat(operations.get("POST /api/auth/activate").at("/responses").has("204"))
                .isTrue();
        for (String list : List.of("GET /api/qualifications", "GET /api/users", "GET /api/admin/processors")) {
            assertThat(operations
                            .get(list)
                            .at("/responses/200/headers/X-Total-Count/schema/type")
                            .asText())
                    .as(list + " answers the number in all")
                    .isEqualTo("integer");
        }
        assertThat(operations
                        .get("GET /api/centres")
                        .at("/responses/200/headers")
                        .isMissingNode())
                .as("a page object carries its total itself")
                .isTrue();
        assertThat(operations
                        .get("POST /api/centres/{centreId}/candidates/bulk")
                        .at("/requestBody/content")
                        .has("text/csv"))
                .isTrue();
        JsonNode form = operations
                .get("POST /api/library/documents")
                .at("/requestBody/content/multipart~1form-data/schema/properties");
        assertThat(form.has("file") && form.has("title") && form.has("kind"))
                .as(form.toString())
                .isTrue();
        assertThat(operations.entrySet())
                .filteredOn(operation -> operation.getKey().startsWith("POST /api/library"))
                .anySatisfy(operation -> assertThat(
                                operation.getValue().at("/requestBody/content").has("multipart/form-data"))
                        .isTrue());
        assertThat(operations.values())
                .anySatisfy(operation -> assertThat(
                                operation.at("/responses/200/content").has("text/csv"))
                        .isTrue());
    }

    @Test
    void givenDocument_thenNullsAndLargeIntegersAreDocumentedAsTheyAreWritten() throws IOException {
        JsonNode schemas = document().at("/components/schemas");
        // a reference type may be null (the sign-in of a staff user answers candidateId null), a primitive never
        assertThat(schemas.at("/SignedInUser/properties/candidateId/nullable").asBoolean())
                .isTrue();
        assertThat(schemas.at("/LoginResponse/properties/idleTimeoutSeconds").has("nullable"))
                .isFalse();
        // validated as present in a request: never null
        assertThat(schemas.at("/LoginRequest/properties/pin").has("nullable")).isFalse();
        // another class's schema, nullable beside its reference
        assertThat(schemas.at("/LoginResponse/properties/user/nullable").asBoolean())
                .isTrue();
        assertThat(schemas.at("/LoginResponse/properties/user/allOf/0/$ref").asText())
                .isEqualTo("#/components/schemas/SignedInUser");
        assertThat(schemas.at("/AnswerTrail/properties/seed/type").asText()).isEqualTo("string");
        assertThat(schemas.at("/AnswerTrail/properties/seed/format").asText()).isEqualTo("int64");
    }

    @Test
    void givenTwoClassesOfOneSimpleName_thenEachHasItsOwnSchema() throws IOException {
        JsonNode document = document();
        JsonNode answer = operations(document)
                .get("GET /api/qualifications")
                .at("/responses/200/content/application~1json/schema");
        JsonNode qualification = schema(document, schema(document, answer).get("items"));
        JsonNode assessment = schema(
                document,
                schema(document, qualification.at("/properties/assessments")).get("items"));
        // the catalogue's assessment (QualificationView.Assessment), not the published definition's with its items
        assertThat(assessment.get("properties").properties())
                .extracting(Map.Entry::getKey)
                .contains("code", "questionCount", "itemBankSize")
                .doesNotContain("items");
    }

    @Test
    void givenDocument_whenRedoclyLintsItWithTheRecommendedRules_thenItFindsNoProblem() throws Exception {
        String redocly = redocly();
        assumeTrue(redocly != null, "Redocly CLI is not installed: set AWARDING_REDOCLY or put redocly on the PATH");
        document();
        Path config = Path.of("src", "test", "resources", "redocly.yaml").toAbsolutePath();
        Path output = Files.createTempFile("redocly", ".txt");
        Process lint = new ProcessBuilder(
                        redocly,
                        "lint",
                        "--config",
                        config.toString(),
                        WRITTEN.toAbsolutePath().toString())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        assertThat(lint.waitFor(3, TimeUnit.MINUTES)).as("Redocly finished").isTrue();
        String report = Files.readString(output, StandardCharsets.UTF_8);
        Files.delete(output);
        assertThat(lint.exitValue()).as(report).isZero();
    }

    private static String redocly() {
        String configured = System.getenv("AWARDING_REDOCLY");
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        String path = System.getenv("PATH");
        for (String directory : path == null ? new String[0] : path.split(File.pathSeparator)) {
            Path candidate = Path.of(directory, "redocly");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }
}
