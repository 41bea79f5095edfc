package org.awardinghub.api;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.interaction.ApiOperationResolver;
import com.atlassian.oai.validator.model.ApiOperationMatch;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.stream.Collectors;

/**
 * The contract check (ADR 0151): every exchange the HTTP tests make is checked against the OpenAPI document the
 * running application serves at {@code /v3/api-docs}, with Atlassian's swagger-request-validator, so that the
 * document cannot drift from the server.
 *
 * <ul>
 *   <li>The answer is always checked against the operation's documented responses: status, media type, body schema,
 *       headers.
 *   <li>The request is checked only when it was accepted (2xx): a refused request may be wrong on purpose.
 *   <li>Only {@code /api/**} is checked: the pages, their assets, Actuator and the document itself are not in it.
 * </ul>
 *
 * <p>Every operation exercised (method and path template as in the document, with the statuses seen) and every
 * violation are kept for the whole test JVM; {@link ContractRecording} writes them out when the run ends. With
 * {@code -Dcontract.check=fail} a violation also fails the test at the call, naming the operation; with
 * {@code report} (the default until the document's remaining faults are mended: ADR 0151) it is only recorded, with
 * {@code off} nothing is checked. One document is loaded per port (one per running application) and kept.
 */
public final class ContractCheck {

    /** What a violation does. */
    public enum Mode {
        FAIL,
        REPORT,
        OFF
    }

    /** One disagreement between an exchange and the document. */
    public record Violation(String operation, String request, int status, String key, String message) {}

    /**
     * Messages of the validator that are not violations here, each with why: the validator cannot express what the
     * server does. They are counted in the report and fail nothing.
     */
    static final Map<String, String> TOLERATED = Map.of(
            "validation.request.body.unexpected",
            "the tests' JSON helper sends a body (often {}) to operations that take none; the server ignores it, and"
                    + " documenting a body it ignores would be untrue");

    public static final Mode MODE =
            Mode.valueOf(System.getProperty("contract.check", "fail").toUpperCase(Locale.ROOT));

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<Integer, ContractCheck> BY_PORT = new ConcurrentHashMap<>();
    private static final Map<String, SortedSet<Integer>> EXERCISED = new ConcurrentSkipListMap<>();
    private static final Set<String> DOCUMENTED = new ConcurrentSkipListSet<>();
    private static final List<Violation> VIOLATIONS = Collections.synchronizedList(new ArrayList<>());
    private static final Map<String, Integer> TOLERATED_SEEN = new ConcurrentSkipListMap<>();
    private static final java.util.concurrent.atomic.AtomicInteger UNCHECKED =
            new java.util.concurrent.atomic.AtomicInteger();

    private final OpenApiInteractionValidator validator;
    private final ApiOperationResolver operations;

    private ContractCheck(String served) {
        String document = nullableReferencesAsJsonSchema(served);
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        OpenAPI api =
                new OpenAPIV3Parser().readContents(document, null, options).getOpenAPI();
        if (api == null || api.getPaths() == null) {
            throw new IllegalStateException("the served OpenAPI document could not be read");
        }
        api.getPaths()
                .forEach((path, item) -> item.readOperationsMap()
                        .keySet()
                        .forEach(method -> DOCUMENTED.add(method.name() + " " + path)));
        LevelResolver.Builder levels = LevelResolver.create().withDefaultLevel(ValidationReport.Level.ERROR);
        TOLERATED.keySet().forEach(key -> levels.withLevel(key, ValidationReport.Level.INFO));
        this.validator = OpenApiInteractionValidator.createForInlineApiSpecification(document)
                .withBasePathOverride("/")
                .withLevelResolver(levels.build())
                .build();
        this.operations = new ApiOperationResolver(api, "/", false);
    }

    /**
     * The document with each nullable reference, which OpenAPI 3.0 writes {@code nullable: true, allOf: [{$ref}]} (a
     * {@code $ref} takes no siblings), given to the validator as {@code anyOf: [{$ref}, {type: null}]}: that is what
     * it means, and the validator would otherwise apply the referenced schema to the null and refuse it.
     */
    static String nullableReferencesAsJsonSchema(String document) {
        try {
            JsonNode root = JSON.readTree(document);
            root.findParents("allOf").forEach(schema -> {
                JsonNode allOf = schema.get("allOf");
                if (schema.path("nullable").asBoolean()
                        && allOf.isArray()
                        && allOf.size() == 1
                        && allOf.get(0).has("$ref")
                        && schema instanceof ObjectNode wrapper) {
                    ArrayNode anyOf = wrapper.putArray("anyOf");
                    anyOf.add(allOf.get(0));
                    anyOf.addObject().put("type", "null");
                    wrapper.remove("allOf");
                }
            });
            return JSON.writeValueAsString(root);
        } catch (IOException e) {
            throw new IllegalStateException("the served OpenAPI document is not JSON", e);
        }
    }

    /**
     * The check of the application on this port, its document read once; null while the application does not serve
     * its document yet (still starting: its exchanges then are not checked, and counted as such).
     */
    static ContractCheck at(int port) {
        ContractCheck loaded = BY_PORT.get(port);
        if (loaded != null) {
            return loaded;
        }
        String document = fetchDocument(port);
        if (document == null) {
            UNCHECKED.incrementAndGet();
            return null;
        }
        return BY_PORT.computeIfAbsent(port, p -> new ContractCheck(document));
    }

    /** Checks one exchange with the application on this port: see {@link #check}. */
    public static void exchange(
            int port,
            String method,
            URI uri,
            HttpHeaders requestHeaders,
            byte[] requestBody,
            int status,
            HttpHeaders responseHeaders,
            byte[] responseBody) {
        if (MODE == Mode.OFF || !uri.getRawPath().startsWith("/api/")) {
            return;
        }
        ContractCheck check = at(port);
        if (check != null) {
            check.check(method, uri, requestHeaders, requestBody, status, responseHeaders, responseBody);
        }
    }

    private static String fetchDocument(int port) {
        try {
            HttpResponse<String> answer = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v3/api-docs"))
                                    .timeout(Duration.ofSeconds(60))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            return answer.statusCode() == 200 ? answer.body() : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Checks one exchange, records it, and in {@link Mode#FAIL} throws an {@link AssertionError} naming the operation
     * and each violation.
     *
     * @param requestBody the bytes sent, or null for none
     */
    private void check(
            String method,
            URI uri,
            HttpHeaders requestHeaders,
            byte[] requestBody,
            int status,
            HttpHeaders responseHeaders,
            byte[] responseBody) {
        String path = uri.getRawPath();
        String request = method + " " + path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        Request.Method verb = Request.Method.valueOf(method.toUpperCase(Locale.ROOT));
        ApiOperationMatch match = operations.findApiOperation(path, verb);
        if (!match.isPathFound() || !match.isOperationAllowed()) {
            // nothing documented to check against; an answer other than a refusal is an undocumented operation
            if (status < 400) {
                fail(List.of(new Violation(
                        method + " " + path,
                        request,
                        status,
                        "undocumented.operation",
                        "answered " + status + " but the document has no such operation")));
            }
            return;
        }
        String operation =
                verb.name() + " " + match.getApiOperation().getApiPath().original();
        EXERCISED.computeIfAbsent(operation, o -> new ConcurrentSkipListSet<>()).add(status);
        SimpleResponse response = response(status, responseHeaders, responseBody);
        ValidationReport report = status >= 200 && status < 300 && !form(requestHeaders)
                ? validator.validate(request(verb, uri, requestHeaders, requestBody), response)
                : validator.validateResponse(path, verb, response);
        List<Violation> found = new ArrayList<>();
        for (ValidationReport.Message message : report.getMessages()) {
            if (message.getLevel() == ValidationReport.Level.ERROR) {
                found.add(new Violation(operation, request, status, message.getKey(), text(message)));
            } else if (TOLERATED.containsKey(message.getKey())) {
                TOLERATED_SEEN.merge(message.getKey(), 1, Integer::sum);
            }
        }
        fail(found);
    }

    /**
     * A form-encoded request (the token endpoint's): the validator turns a form into JSON by guessing each value's type,
     * so a PIN of digits would be an integer against the string the form says. Its answer is checked; the request not.
     */
    private static boolean form(HttpHeaders headers) {
        return headers.firstValue("Content-Type")
                .map(type -> type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded"))
                .orElse(false);
    }

    private static void fail(List<Violation> found) {
        if (found.isEmpty()) {
            return;
        }
        VIOLATIONS.addAll(found);
        if (MODE == Mode.FAIL) {
            Violation first = found.get(0);
            throw new AssertionError(
                    "The exchange " + first.request() + ", answered " + first.status() + " (operation "
                            + first.operation() + "), disagrees with the OpenAPI document:\n"
                            + found.stream()
                                    .map(v -> "  [" + v.key() + "] " + v.message())
                                    .collect(Collectors.joining("\n"))
                            + "\n(-Dcontract.check=report records violations in target/contract-report.md without failing; ADR 0151)");
        }
    }

    private static String text(ValidationReport.Message message) {
        StringBuilder text = new StringBuilder(message.getMessage());
        message.getNestedMessages().forEach(nested -> text.append(" / ").append(nested.getMessage()));
        message.getAdditionalInfo()
                .forEach(info -> text.append(" (").append(info).append(')'));
        return text.toString().replace('\n', ' ');
    }

    private static SimpleRequest request(Request.Method verb, URI uri, HttpHeaders headers, byte[] body) {
        SimpleRequest.Builder request = new SimpleRequest.Builder(verb, uri.getRawPath());
        headers.map().forEach(request::withHeader);
        if (uri.getRawQuery() != null) {
            Map<String, List<String>> query = new java.util.LinkedHashMap<>();
            for (String pair : uri.getRawQuery().split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int equals = pair.indexOf('=');
                String name = decode(equals < 0 ? pair : pair.substring(0, equals));
                String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
                query.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
            }
            query.forEach(request::withQueryParam);
        }
        if (body != null && body.length > 0) {
            request.withBody(body);
        }
        return request.build();
    }

    private static SimpleResponse response(int status, HttpHeaders headers, byte[] body) {
        SimpleResponse.Builder response = new SimpleResponse.Builder(status);
        headers.map().forEach(response::withHeader);
        if (body != null && body.length > 0) {
            response.withBody(body);
        }
        return response.build();
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    // ---- what the run saw, for ContractRecording ------------------------------------------------------------

    /** Every operation of the documents loaded in this JVM, as {@code METHOD /path/{template}}. */
    static SortedSet<String> documented() {
        return new TreeSet<>(DOCUMENTED);
    }

    /** The operations exercised, each with the statuses it answered. */
    static Map<String, SortedSet<Integer>> exercised() {
        return new java.util.TreeMap<>(EXERCISED);
    }

    static List<Violation> violations() {
        synchronized (VIOLATIONS) {
            return List.copyOf(VIOLATIONS);
        }
    }

    /** Exchanges made while their application did not serve its document yet. */
    static int unchecked() {
        return UNCHECKED.get();
    }

    static Map<String, Integer> tolerated() {
        return new java.util.TreeMap<>(TOLERATED_SEEN);
    }
}
