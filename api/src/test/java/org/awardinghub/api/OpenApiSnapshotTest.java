package org.awardinghub.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The committed {@code docs/openapi.json} is the document the server serves, so that integrators can read it without
 * running the server and the build can generate its test client from it (ADR 0152). Compared as JSON trees, so the
 * file's layout does not matter. When the server changes, refresh the file with {@code -Dopenapi.snapshot=write}: the
 * test rewrites it (keys sorted, pretty-printed) and still fails on that run if it changed anything, so a run with the
 * property set can never pass over drift; the next run passes once the new file is reviewed and committed.
 */
class OpenApiSnapshotTest extends ApplicationTest {

    static final Path SNAPSHOT = Path.of("..", "docs", "openapi.json");
    private static final String REFRESH = "mvn -B -pl api -am test -Dtest=OpenApiSnapshotTest "
            + "-Dsurefire.failIfNoSpecifiedTests=false -Dopenapi.snapshot=write";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final int DIFFERENCES_SHOWN = 15;

    @Test
    void givenServedDocument_whenComparedWithTheCommittedOne_thenTheyAreTheSame() throws IOException {
        var served = http.get("/v3/api-docs", null);
        assertThat(served.status()).isEqualTo(200);
        JsonNode document = sorted(withoutOwnServer(served.json()));
        JsonNode committed = Files.exists(SNAPSHOT) ? JSON.readTree(SNAPSHOT.toFile()) : null;
        if (document.equals(committed)) {
            return;
        }
        List<String> differences = new ArrayList<>();
        differences(committed == null ? JsonNodeFactory.instance.missingNode() : committed, document, "", differences);
        String shown = String.join("\n  ", differences.subList(0, Math.min(DIFFERENCES_SHOWN, differences.size())))
                + (differences.size() > DIFFERENCES_SHOWN ? "\n  ... " + differences.size() + " in all" : "");
        if ("write".equals(System.getProperty("openapi.snapshot"))) {
            Files.writeString(SNAPSHOT, JSON.writeValueAsString(document) + "\n");
            throw new AssertionError(SNAPSHOT.normalize() + " rewritten from the served document; review the change"
                    + " and commit it (the next run passes):\n  " + shown);
        }
        throw new AssertionError(SNAPSHOT.normalize() + " is not the served /v3/api-docs. If the server's change is"
                + " meant, refresh the file with\n  " + REFRESH + "\nreview it and commit it. Differences:\n  "
                + shown);
    }

    /** Springdoc names the server it was asked through, here the test's random port: no part of the contract. */
    private JsonNode withoutOwnServer(JsonNode document) {
        ObjectNode copy = document.deepCopy();
        JsonNode servers = copy.path("servers");
        if (servers.size() == 1 && servers.get(0).path("url").asText().equals("http://localhost:" + port)) {
            copy.remove("servers");
        }
        return copy;
    }

    /** The same tree with every object's keys in order, so that the written file is stable. */
    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            ObjectNode sorted = JsonNodeFactory.instance.objectNode();
            new TreeSet<String>(iterable(node)).forEach(key -> sorted.set(key, sorted(node.get(key))));
            return sorted;
        }
        if (node.isArray()) {
            ArrayNode sorted = JsonNodeFactory.instance.arrayNode();
            node.forEach(element -> sorted.add(sorted(element)));
            return sorted;
        }
        return node;
    }

    private static List<String> iterable(JsonNode node) {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    /** Where the two trees differ, as JSON pointers: what is committed, what is served. */
    private static void differences(JsonNode committed, JsonNode served, String at, List<String> found) {
        if (committed.equals(served)) {
            return;
        }
        if (committed.isObject() && served.isObject()) {
            TreeSet<String> keys = new TreeSet<>(iterable(committed));
            keys.addAll(iterable(served));
            for (String key : keys) {
                String pointer = at + "/" + key.replace("~", "~0").replace("/", "~1");
                differences(committed.path(key), served.path(key), pointer, found);
            }
            return;
        }
        found.add((at.isEmpty() ? "/" : at) + ": committed " + abbreviated(committed) + ", served "
                + abbreviated(served));
    }

    private static String abbreviated(JsonNode node) {
        if (node.isMissingNode()) {
            return "nothing";
        }
        String text = node.toString();
        return text.length() > 80 ? text.substring(0, 80) + "..." : text;
    }
}
