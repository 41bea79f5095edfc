package org.awardinghub.api.fuzz;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.awardinghub.api.files.SampleFiles;

/**
 * Requests to the endpoints: mostly well aimed (the endpoint's own method, a caller it lets in, the fixture's ids,
 * a body of the fields its handler reads) and then spoiled, part by part, in the ways clients get things wrong or
 * attackers try: ids that are no ids, parameters of the wrong type or size, bodies of the wrong type, nested too
 * deep, with fields unknown or null, not JSON at all, CSV files that break every rule of CSV, uploads whose
 * multipart structure is broken, a Content-Type or Accept that does not fit, another method.
 */
final class Requests {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final ObjectMapper ESCAPING =
            JsonMapper.builder().enable(JsonGenerator.Feature.ESCAPE_NON_ASCII).build();

    private static final List<String> METHODS =
            List.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "TRACE", "FOO", "get");

    private static final List<String> CONTENT_TYPES = List.of(
            "application/json",
            "application/json; charset=UTF-8",
            "application/json; charset=ISO-8859-1",
            "application/json; charset=UTF-16",
            "application/json; charset=no-such-charset",
            "application/problem+json",
            "application/merge-patch+json",
            "application/yaml",
            "application/xml",
            "application/x-www-form-urlencoded",
            "text/plain",
            "text/csv",
            "text/csv; charset=UTF-16LE",
            "multipart/form-data",
            "multipart/form-data; boundary=nothing-matches",
            "multipart/mixed; boundary=x",
            "application/octet-stream",
            "*/*",
            "application/*",
            "text/*",
            "not a type",
            "application/json;;;",
            "",
            "application/\u0085json");

    private static final List<String> ACCEPTS = List.of(
            "*/*",
            "application/json",
            "application/problem+json",
            "text/csv",
            "application/pdf",
            "image/png",
            "text/html",
            "application/xml",
            "application/yaml",
            "text/*",
            "garbage",
            ";;;",
            "application/json;q=abc",
            "text/csv;q=0.9, application/json;q=0.1",
            "application/json, " + "text/plain;q=0.1, ".repeat(200) + "*/*;q=0.01",
            "application/\u0085");

    private static final List<String> PATH_SUFFIXES =
            List.of("/", "//", "/x", "/..", "/.", "/%2e%2e", ";jsessionid=1", "%20", "%00", "/%ZZ", "?", "#frag");

    private static final List<String> RAW_SEGMENTS = List.of(
            "%ZZ",
            "%",
            "..",
            "%2e%2e",
            "%2F",
            "%5C",
            ";",
            "%3B",
            "%00",
            "%0d%0aX-Injected:%20yes",
            "%E2%80%AE",
            "%C0%AF",
            "%FF%FE",
            "a b",
            "\u0001",
            "%25",
            "*",
            "{id}",
            "%7Bid%7D");

    private static final List<String> STATIC_PATHS = List.of(
            "/",
            "/index.html",
            "/verify",
            "/activate",
            "/reset-password",
            "/test",
            "/set-password.html",
            "/v3/api-docs",
            "/swagger-ui/index.html",
            "/favicon.ico",
            "/error",
            "/api",
            "/api/",
            "/api/nothing-here",
            "/actuator/health",
            "/WEB-INF/web.xml",
            "/META-INF/MANIFEST.MF",
            "/%2e%2e/%2e%2e/etc/passwd",
            "/static/../application.properties");

    private Requests() {}

    /** Requests to the endpoints, and now and then to the pages and to addresses that are nothing. */
    static Arbitrary<FuzzRequest> any(List<Endpoint> endpoints, Fixture fixture) {
        Arbitrary<FuzzRequest> toEndpoints = Arbitraries.of(endpoints).flatMap(endpoint -> to(endpoint, fixture));
        Endpoint page =
                new Endpoint("GET", "(a page or no endpoint)", List.of(), Map.of(), null, false, java.util.Set.of());
        Arbitrary<FuzzRequest> toPages = Combinators.combine(
                        Arbitraries.of(STATIC_PATHS),
                        Arbitraries.of(Caller.values()),
                        Arbitraries.frequency(Tuple.of(4, "GET"), Tuple.of(1, "HEAD"), Tuple.of(1, "POST")),
                        headers(null),
                        range())
                .as((path, caller, method, headers, range) -> {
                    Map<String, String> all = new LinkedHashMap<>(headers);
                    range.forEach(all::put);
                    return new FuzzRequest(page, caller, method, path, all, null);
                });
        return Arbitraries.frequencyOf(Tuple.of(19, toEndpoints), Tuple.of(1, toPages));
    }

    private static Arbitrary<Map<String, String>> range() {
        return Arbitraries.frequency(
                Tuple.of(6, Map.of()),
                Tuple.of(1, Map.of("Range", "bytes=999999999-")),
                Tuple.of(1, Map.of("Range", "bytes=abc")),
                Tuple.of(1, Map.of("Range", "bytes=0-0," + "1-1,".repeat(300) + "2-2")),
                Tuple.of(1, Map.of("If-None-Match", "*", "If-Modified-Since", "not a date")));
    }

    static Arbitrary<FuzzRequest> to(Endpoint endpoint, Fixture fixture) {
        Arbitrary<Caller> caller = Arbitraries.frequencyOf(
                Tuple.of(7, Arbitraries.of(endpoint.callers())), Tuple.of(3, Arbitraries.of(Caller.values())));
        Arbitrary<String> method = Arbitraries.frequencyOf(
                Tuple.of(22, Arbitraries.just(endpoint.method())), Tuple.of(3, Arbitraries.of(METHODS)));
        return Combinators.combine(
                        caller, method, target(endpoint, fixture), body(endpoint, fixture), headers(endpoint))
                .as((who, how, where, what, headers) -> {
                    Map<String, String> all = new LinkedHashMap<>(headers);
                    if (what.contentType() != null && !all.containsKey("Content-Type")) {
                        all.put("Content-Type", what.contentType());
                    }
                    return new FuzzRequest(endpoint, who, how, where, all, what.bytes());
                });
    }

    // ---- the address ----------------------------------------------------------------------------------------

    private static Arbitrary<String> target(Endpoint endpoint, Fixture fixture) {
        List<Arbitrary<String>> segments = new ArrayList<>();
        for (String variable : endpoint.pathVariables()) {
            segments.add(pathValue(variable, fixture));
        }
        Arbitrary<List<String>> values = segments.isEmpty()
                ? Arbitraries.just(List.of())
                : Combinators.combine(segments).as(list -> list);
        Arbitrary<String> suffix =
                Arbitraries.frequencyOf(Tuple.of(24, Arbitraries.just("")), Tuple.of(1, Arbitraries.of(PATH_SUFFIXES)));
        return Combinators.combine(values, suffix, query(endpoint, fixture)).as((list, end, query) -> {
            String path = endpoint.pattern();
            for (int i = 0; i < list.size(); i++) {
                path = path.replaceFirst("\\{[^}]+}", java.util.regex.Matcher.quoteReplacement(list.get(i)));
            }
            path = path.replace("/**", "/" + (list.isEmpty() ? "x" : list.get(0)))
                    .replace("*", "x");
            return path + end + query;
        });
    }

    /** A path segment as it is sent: the fixture's id or a plausible one percent-encoded, or broken on purpose. */
    private static Arbitrary<String> pathValue(String variable, Fixture fixture) {
        return Arbitraries.frequencyOf(
                Tuple.of(8, Values.text(variable, fixture).map(Requests::encode)),
                Tuple.of(1, Arbitraries.of(RAW_SEGMENTS)),
                Tuple.of(1, Arbitraries.strings().all().ofMaxLength(12).map(Requests::unencoded)));
    }

    /**
     * The text's UTF-8 bytes sent as they are, save line ends: a CR or LF in the request line ends it, and what
     * follows is another request (or none), which is a test of the client's framing, not of the server.
     */
    private static String unencoded(String value) {
        return latin1OfUtf8(value.replace('\r', '_').replace('\n', '_'));
    }

    private static Arbitrary<String> query(Endpoint endpoint, Fixture fixture) {
        List<Arbitrary<String>> parameters = new ArrayList<>();
        endpoint.queryParameters()
                .forEach((name, type) -> parameters.add(Arbitraries.frequencyOf(
                        Tuple.of(1, Arbitraries.just("")),
                        Tuple.of(
                                1,
                                Values.parameter(name, type, fixture)
                                        .map(value -> encode(name) + "=" + encode(value))))));
        parameters.add(Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.just("")),
                Tuple.of(
                        1,
                        Combinators.combine(Values.hostileText(), Values.hostileText())
                                .as((name, value) -> encode(name) + "=" + encode(value))),
                Tuple.of(1, Arbitraries.of("page=1&page=2", "size=", "=x", "&&&", "a=%ZZ", "%=1", "a=b=c"))));
        return Combinators.combine(parameters).as(list -> {
            String query =
                    String.join("&", list.stream().filter(p -> !p.isEmpty()).toList());
            return query.isEmpty() ? "" : "?" + query;
        });
    }

    // ---- the body -------------------------------------------------------------------------------------------

    record Body(String contentType, byte[] bytes) {}

    private static Arbitrary<Body> body(Endpoint endpoint, Fixture fixture) {
        Arbitrary<Body> anyBody = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.just(new Body(null, null))),
                Tuple.of(
                        1,
                        Combinators.combine(Arbitraries.of(CONTENT_TYPES), Values.anyJson(2))
                                .as((type, value) -> new Body(type, json(value, false)))));
        if (endpoint.upload()) {
            return Arbitraries.frequencyOf(Tuple.of(8, upload(endpoint, fixture)), Tuple.of(1, anyBody));
        }
        if (endpoint.body() == byte[].class) {
            return Arbitraries.frequencyOf(Tuple.of(8, csv(fixture)), Tuple.of(1, anyBody));
        }
        if (endpoint.body() == null) {
            return anyBody;
        }
        Arbitrary<Object> value = Arbitraries.frequencyOf(
                Tuple.of(6, Values.json(endpoint.body(), "body", fixture, 4)),
                Tuple.of(4, Values.plausibleJson(endpoint.body(), "body", fixture, 4)));
        Arbitrary<String> type = Arbitraries.frequencyOf(
                Tuple.of(12, Arbitraries.just("application/json")), Tuple.of(2, Arbitraries.of(CONTENT_TYPES)));
        Arbitrary<byte[]> bytes = Arbitraries.frequencyOf(
                Tuple.of(
                        16,
                        Combinators.combine(value, Arbitraries.of(false, true)).as((v, escape) -> json(v, escape))),
                Tuple.of(1, value.map(v -> truncated(json(v, false)))),
                Tuple.of(1, Arbitraries.of(notJson()).map(s -> s.getBytes(StandardCharsets.UTF_8))),
                Tuple.of(1, Arbitraries.of(1_200, 5_000, 100_000).map(Requests::nested)),
                Tuple.of(1, Arbitraries.bytes().array(byte[].class).ofMaxSize(64)),
                Tuple.of(
                        1,
                        value.map(v ->
                                new String(json(v, false), StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_16))),
                Tuple.of(1, Arbitraries.just(new byte[0])));
        return Combinators.combine(type, bytes).as(Body::new);
    }

    private static List<String> notJson() {
        return List.of(
                "{",
                "}",
                "[1,2,]",
                "{\"a\":1,}",
                "{'single': 'quotes'}",
                "{\"a\": NaN}",
                "{\"a\": Infinity}",
                "/* comment */ {}",
                "{\"a\":1}{\"b\":2}",
                "{\"a\":1} trailing",
                "\"just a string\"",
                "42",
                "null",
                "true",
                "[]",
                "{\"a\": \"\\ud800\"}",
                "{\"a\": \"\\u0000\"}",
                "{\"a\":1,\"a\":2}",
                "{\"a\": 1" + "0".repeat(5000) + "}",
                "\ufeff{}",
                "---\nyaml: true\n",
                "<xml/>",
                "a=1&b=2");
    }

    private static byte[] nested(int depth) {
        boolean arrays = depth % 2 == 0;
        String open = arrays ? "[" : "{\"a\":";
        String close = arrays ? "]" : "}";
        return (open.repeat(depth) + "1" + close.repeat(depth)).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] truncated(byte[] json) {
        return json.length < 2 ? "{".getBytes(StandardCharsets.UTF_8) : java.util.Arrays.copyOf(json, json.length / 2);
    }

    static byte[] json(Object value, boolean escapeNonAscii) {
        try {
            return (escapeNonAscii ? ESCAPING : JSON).writeValueAsBytes(value);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            try {
                return ESCAPING.writeValueAsBytes(value); // a lone surrogate cannot be written as UTF-8
            } catch (JsonProcessingException again) {
                throw new IllegalStateException(again);
            }
        }
    }

    /** Bulk registration files: the right header and rows, then every way a CSV file goes wrong. */
    private static Arbitrary<Body> csv(Fixture fixture) {
        String header = "firstName,lastName,dateOfBirth,uln,qualificationCode,startDate";
        Arbitrary<String> cell = Arbitraries.frequencyOf(
                Tuple.of(
                        6, Arbitraries.of("Robin", "Smith", "2005-04-03", "", "LV2-MAINT", "2026-01-01", "1234567890")),
                Tuple.of(1, Arbitraries.of(fixture.known("qualificationCode")).map(s -> s)),
                Tuple.of(3, Values.hostileText()),
                Tuple.of(1, Arbitraries.of("\"unclosed", "a\"b", "\"\"", "\"a,b\"", "=1+1", "@SUM(A1)", "\u0000")));
        Arbitrary<String> row = cell.list().ofMinSize(0).ofMaxSize(8).map(cells -> String.join(",", cells));
        Arbitrary<String> headerLine = Arbitraries.frequency(
                Tuple.of(6, header),
                Tuple.of(1, "\ufeff" + header),
                Tuple.of(1, header.toUpperCase(java.util.Locale.ROOT)),
                Tuple.of(1, "firstName;lastName;dateOfBirth"),
                Tuple.of(1, header + ",extra"),
                Tuple.of(1, ""),
                Tuple.of(1, "firstName,firstName,firstName"));
        Arbitrary<String> separator = Arbitraries.of("\n", "\r\n", "\r");
        Arbitrary<String> file = Combinators.combine(
                        headerLine,
                        row.list().ofMaxSize(12),
                        separator,
                        Arbitraries.frequency(Tuple.of(9, 0), Tuple.of(1, 10_001)))
                .as((head, rows, newline, manyMore) -> {
                    List<String> lines = new ArrayList<>();
                    lines.add(head);
                    lines.addAll(rows);
                    for (int i = 0; i < manyMore; i++) {
                        lines.add(",,,,,");
                    }
                    return String.join(newline, lines);
                });
        Arbitrary<String> type = Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.of("text/csv", "text/csv; charset=UTF-8", "text/plain")),
                Tuple.of(2, Arbitraries.of(CONTENT_TYPES)));
        Arbitrary<byte[]> bytes = Arbitraries.frequencyOf(
                Tuple.of(10, file.map(s -> s.getBytes(StandardCharsets.UTF_8))),
                Tuple.of(1, file.map(s -> s.getBytes(StandardCharsets.UTF_16))),
                Tuple.of(1, Arbitraries.bytes().array(byte[].class).ofMaxSize(200)),
                Tuple.of(1, Arbitraries.just(new byte[0])));
        return Combinators.combine(type, bytes).as(Body::new);
    }

    /** File uploads: the handler's fields and a file, then broken boundaries, parts, names and files. */
    private static Arbitrary<Body> upload(Endpoint endpoint, Fixture fixture) {
        List<Arbitrary<String>> fields = new ArrayList<>();
        List<String> names = new ArrayList<>(endpoint.queryParameters().keySet());
        for (String name : names) {
            fields.add(Values.parameter(name, endpoint.queryParameters().get(name), fixture));
        }
        Arbitrary<List<String>> values = fields.isEmpty()
                ? Arbitraries.just(List.of())
                : Combinators.combine(fields).as(list -> list);
        Arbitrary<byte[]> file = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.just(SampleFiles.pdf("Fuzzed evidence"))),
                Tuple.of(3, Arbitraries.bytes().array(byte[].class).ofMaxSize(300)),
                Tuple.of(
                        1,
                        Arbitraries.just("%PDF-1.4\n<html><script>x</script></html>".getBytes(StandardCharsets.UTF_8))),
                Tuple.of(1, Arbitraries.just(new byte[0])));
        Arbitrary<String> fileName = Arbitraries.frequencyOf(
                Tuple.of(5, Arbitraries.of("evidence.pdf", "photo.jpg", "a")),
                Tuple.of(
                        3,
                        Arbitraries.of(
                                "../../../etc/passwd",
                                "C:\\Windows\\evil.exe",
                                "",
                                "name\"with\"quotes.pdf",
                                "x".repeat(5_000) + ".pdf",
                                "\u202egpj.exe",
                                "nul\u0000.pdf",
                                ".pdf")),
                Tuple.of(1, Values.hostileText()));
        Arbitrary<String> breakage = Arbitraries.frequency(
                Tuple.of(10, "none"),
                Tuple.of(1, "no closing boundary"),
                Tuple.of(1, "wrong boundary"),
                Tuple.of(1, "no boundary parameter"),
                Tuple.of(1, "part without disposition"),
                Tuple.of(1, "no file part"),
                Tuple.of(1, "two file parts"),
                Tuple.of(1, "many parts"),
                Tuple.of(1, "garbage"));
        return Combinators.combine(values, file, fileName, breakage).as((list, bytes, name, broken) -> {
            String boundary = "fuzzBoundary7MA4YWxkTrZu0gW";
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (broken.equals("garbage")) {
                out.writeBytes(bytes);
                return new Body("multipart/form-data; boundary=" + boundary, out.toByteArray());
            }
            for (int i = 0; i < names.size(); i++) {
                write(
                        out,
                        "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + names.get(i) + "\"\r\n\r\n");
                out.writeBytes(list.get(i).getBytes(StandardCharsets.UTF_8));
                write(out, "\r\n");
            }
            if (broken.equals("many parts")) {
                for (int i = 0; i < 60; i++) {
                    write(
                            out,
                            "--" + boundary + "\r\nContent-Disposition: form-data; name=\"p" + i + "\"\r\n\r\nv\r\n");
                }
            }
            if (broken.equals("part without disposition")) {
                write(out, "--" + boundary + "\r\nContent-Type: text/plain\r\n\r\nstray\r\n");
            }
            int files = broken.equals("no file part") ? 0 : broken.equals("two file parts") ? 2 : 1;
            for (int i = 0; i < files; i++) {
                write(
                        out,
                        "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                                + latin1OfUtf8(name) + "\"\r\nContent-Type: application/octet-stream\r\n\r\n",
                        StandardCharsets.ISO_8859_1);
                out.writeBytes(bytes);
                write(out, "\r\n");
            }
            if (!broken.equals("no closing boundary")) {
                write(out, "--" + (broken.equals("wrong boundary") ? "other" : boundary) + "--\r\n");
            }
            String type = broken.equals("no boundary parameter")
                    ? "multipart/form-data"
                    : "multipart/form-data; boundary=" + boundary;
            return new Body(type, out.toByteArray());
        });
    }

    private static void write(ByteArrayOutputStream out, String text) {
        write(out, text, StandardCharsets.UTF_8);
    }

    private static void write(ByteArrayOutputStream out, String text, java.nio.charset.Charset charset) {
        out.writeBytes(text.getBytes(charset));
    }

    // ---- the headers ----------------------------------------------------------------------------------------

    private static Arbitrary<Map<String, String>> headers(Endpoint endpoint) {
        Arbitrary<Map<String, String>> accept = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.just(Map.of())),
                Tuple.of(4, Arbitraries.of(ACCEPTS).map(value -> Map.of("Accept", value))));
        Arbitrary<Map<String, String>> contentType = Arbitraries.frequencyOf(
                Tuple.of(14, Arbitraries.just(Map.of())),
                Tuple.of(1, Arbitraries.of(CONTENT_TYPES).map(value -> Map.of("Content-Type", value))));
        Arbitrary<Map<String, String>> other = Arbitraries.frequency(
                Tuple.of(30, Map.of()),
                Tuple.of(1, Map.of("X-Correlation-Id", "x".repeat(100))),
                Tuple.of(1, Map.of("X-Correlation-Id", "bad id with spaces")),
                Tuple.of(1, Map.of("If-Match", "\"stale\"")),
                Tuple.of(1, Map.of("If-Match", "garbage")),
                Tuple.of(1, Map.of("Content-Encoding", "gzip")),
                Tuple.of(1, Map.of("Accept-Language", "xx-" + "y".repeat(300))),
                Tuple.of(1, Map.of("Accept-Charset", "no-such-charset")),
                Tuple.of(1, Map.of("X-Forwarded-For", "not an address, 999.1.1.1")),
                Tuple.of(1, Map.of("Origin", "http://evil.example", "Access-Control-Request-Method", "POST")),
                Tuple.of(1, Map.of("Expect", "100-continue")),
                Tuple.of(1, Map.of("X-Unknown", "\u00a0\u00ff")),
                Tuple.of(1, Map.of("Cookie", "JSESSIONID=abc; =; a")),
                Tuple.of(1, Map.of("Authorization", "Basic " + "a".repeat(20))),
                Tuple.of(1, Map.of("Authorization", "Bearer")),
                Tuple.of(1, Map.of("Authorization", "Bearer " + "t".repeat(6_000))),
                Tuple.of(1, Map.of("Authorization", "Bearer abc\u0085def")));
        return Combinators.combine(accept, contentType, other).as((a, c, o) -> {
            Map<String, String> all = new LinkedHashMap<>();
            all.putAll(o);
            all.putAll(a);
            all.putAll(c);
            return all;
        });
    }

    // ---- encoding -------------------------------------------------------------------------------------------

    /** Percent-encoded as UTF-8, as a browser encodes a path segment or parameter. */
    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The UTF-8 bytes of the text, each as the character of the same number: sent unencoded on the wire. */
    static String latin1OfUtf8(String value) {
        return new String(value.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }
}
