package org.awardinghub.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/api.md}, the reference people read, names exactly the operations of the OpenAPI document the application
 * serves (ADR 0151): every endpoint of its tables is an operation of the document, with the same method and path
 * template, and every operation of the document under {@code /api/} has its row. The pages outside {@code /api/}
 * (its "Pages" section) are not in the document.
 */
class ApiReferenceTest extends ApplicationTest {

    /** An endpoint as docs/api.md writes it in the first cell of a table row: {@code `POST /api/centres`}. */
    private static final Pattern ENDPOINT = Pattern.compile("`(GET|POST|PUT|PATCH|DELETE) (/api/[^`\\s?]*)[^`]*`");

    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    @Test
    void givenApiReference_whenComparedWithTheServedDocument_thenBothNameTheSameOperations() throws IOException {
        SortedSet<String> referenced = referenced(Files.readAllLines(reference()));
        SortedSet<String> documented = documented();

        SortedSet<String> notDocumented = new TreeSet<>(referenced);
        notDocumented.removeAll(documented);
        SortedSet<String> notReferenced = new TreeSet<>(documented);
        notReferenced.removeAll(referenced);
        assertThat(documented).as("operations of /v3/api-docs").isNotEmpty();
        assertThat(notDocumented)
                .as("endpoints of docs/api.md that the OpenAPI document does not have (method or path template)")
                .isEmpty();
        assertThat(notReferenced)
                .as("operations of the OpenAPI document without their row in docs/api.md")
                .isEmpty();
    }

    @Test
    void givenTableRows_whenParsed_thenTheFirstCellNamesTheEndpoint_queryAndRemarksAside() {
        assertThat(referenced(java.util.List.of(
                        "| `GET /api/requests?status=OPEN\\|CLOSED&page&size` *added* | IMI staff | → page | 200 |",
                        "| `GET /api/reports/amendments/after-result-or-claim` (same filters) | as below | x |",
                        "| `GET /verify?number=...&code=...` | the page the QR code opens |",
                        "| call | who | `POST /api/not/the/first/cell` |",
                        "Paged today: `GET /api/centres`, outside a table")))
                .containsExactly("GET /api/reports/amendments/after-result-or-claim", "GET /api/requests");
    }

    /** The endpoints named by the first cell of docs/api.md's table rows. */
    static SortedSet<String> referenced(java.util.List<String> lines) {
        SortedSet<String> endpoints = new TreeSet<>();
        for (String line : lines) {
            if (!line.startsWith("|")) {
                continue;
            }
            // cells are split at pipes that are not escaped (`OPEN\|CLOSED` stays in its cell)
            String[] cells = line.split("(?<!\\\\)\\|", -1);
            Matcher endpoint = ENDPOINT.matcher(cells.length > 1 ? cells[1] : "");
            while (endpoint.find()) {
                endpoints.add(endpoint.group(1) + " " + endpoint.group(2));
            }
        }
        return endpoints;
    }

    private SortedSet<String> documented() {
        var docs = http.get("/v3/api-docs", null);
        assertThat(docs.status()).isEqualTo(200);
        SortedSet<String> operations = new TreeSet<>();
        docs.json().get("paths").properties().forEach(path -> {
            if (path.getKey().startsWith("/api/")) {
                path.getValue().properties().stream()
                        .map(java.util.Map.Entry::getKey)
                        .filter(METHODS::contains)
                        .forEach(method -> operations.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey()));
            }
        });
        return operations;
    }

    /** docs/api.md, found from the module's directory or the repository's. */
    private static Path reference() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("docs").resolve("api.md");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException(
                "docs/api.md not found above " + Path.of("").toAbsolutePath());
    }
}
