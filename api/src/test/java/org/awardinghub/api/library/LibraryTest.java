package org.awardinghub.api.library;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.StreamSupport;
import org.awardinghub.api.ApplicationTest;
import org.awardinghub.api.HttpClientForTests;
import org.awardinghub.api.MultipartForm;
import org.awardinghub.api.files.FileStore;
import org.awardinghub.api.files.SampleFiles;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The documents library over HTTP: IMI uploads versions, a centre user browses and downloads, all audited. */
public class LibraryTest extends ApplicationTest {

    private static final String DOCUMENTS = "/api/library/documents";

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    FileStore content;

    /** A one-page PDF showing the text: each text makes a different file. */
    public static byte[] pdf(String text) {
        return SampleFiles.pdf(text);
    }

    private static MultipartForm specification(byte[] bytes) {
        return new MultipartForm()
                .field("title", "Light vehicle maintenance specification")
                .field("kind", "SPECIFICATION")
                .field("qualificationCode", "LV2-MAINT")
                .file("LV2 spec (issue 1).pdf", bytes);
    }

    private static boolean hasEvent(JsonNode page, String type, String documentId) {
        return StreamSupport.stream(page.path("items").spliterator(), false)
                .anyMatch(event -> type.equals(event.path("type").asText())
                        && documentId.equals(
                                event.path("payload").path("documentId").asText()));
    }

    @Test
    void givenImiUploadsTwoVersions_whenCentreUserDownloadsTheSecond_thenSameBytesAsListedAndBothInTheAuditTrail() {
        String admin = adminToken();
        CreatedUser[] imi = new CreatedUser[1];
        String imiAdmin = activeUser(admin, admin, null, imi, "IMI_ADMIN");
        String centreId = approvedCentre(admin);
        CreatedUser[] coordinator = new CreatedUser[1];
        String centreUser = activeUser(admin, admin, centreId, coordinator, "CENTRE_COORDINATOR");

        var first = specification(pdf("issue 1")).post(http, DOCUMENTS, imiAdmin);
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(first.json().path("version").asInt()).isEqualTo(1);
        String documentId = first.json().path("documentId").asText();
        assertThat(first.header("Location")).isEqualTo(DOCUMENTS + "/" + documentId);
        byte[] secondBytes = pdf("issue 2: unit 3 range corrected");
        var second = new MultipartForm()
                .field("note", "Unit 3 range corrected")
                .file("spec-2.pdf", secondBytes)
                .post(http, DOCUMENTS + "/" + documentId + "/versions", imiAdmin);
        assertThat(second.status()).as(second.toString()).isEqualTo(201);
        assertThat(second.json().path("version").asInt()).isEqualTo(2);

        JsonNode listed = awaitJson(
                DOCUMENTS + "?qualificationCode=LV2-MAINT&kind=SPECIFICATION&size=200",
                centreUser,
                page -> StreamSupport.stream(page.path("items").spliterator(), false)
                        .anyMatch(
                                doc -> documentId.equals(doc.path("documentId").asText())
                                        && doc.path("currentVersion").asInt() == 2));
        JsonNode document = StreamSupport.stream(listed.path("items").spliterator(), false)
                .filter(doc -> documentId.equals(doc.path("documentId").asText()))
                .findFirst()
                .orElseThrow();
        assertThat(document.path("qualificationCode").asText()).isEqualTo("LV2-MAINT");
        JsonNode version2 = document.path("versions").path(1);
        assertThat(version2.path("uploadedByPin").asText()).isEqualTo(imi[0].pin());
        assertThat(version2.path("note").asText()).isEqualTo("Unit 3 range corrected");
        String listedHash = version2.path("sha256").asText();

        HttpResponse<byte[]> download = http.bytes(DOCUMENTS + "/" + documentId + "/versions/2/file", centreUser);

        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(secondBytes);
        assertThat(FileStore.sha256(download.body())).isEqualTo(listedHash);
        assertThat(download.headers().firstValue("X-Content-SHA256")).contains(listedHash);
        assertThat(download.headers().firstValue("Content-Type")).contains("application/pdf");
        assertThat(download.headers().firstValue("Content-Disposition"))
                .contains("attachment; filename=\"spec-2.pdf\"");

        awaitJson(
                "/api/audit/timeline?actorPin=" + imi[0].pin(),
                admin,
                page -> hasEvent(page, "LibraryDocumentVersionUploaded", documentId)
                        && page.path("total").asInt() >= 2);
        JsonNode downloads = awaitJson(
                "/api/audit/timeline?actorPin=" + coordinator[0].pin(),
                admin,
                page -> hasEvent(page, "LibraryDocumentDownloaded", documentId));
        JsonNode downloaded = StreamSupport.stream(downloads.path("items").spliterator(), false)
                .filter(event ->
                        "LibraryDocumentDownloaded".equals(event.path("type").asText()))
                .findFirst()
                .orElseThrow();
        assertThat(downloaded.path("payload").path("version").asInt()).isEqualTo(2);
        assertThat(downloaded.path("recordId").isNull())
                .as("a download is no part of the document's stream")
                .isTrue();
        assertThat(downloaded.path("payload").path("sha256").asText()).isEqualTo(listedHash);
        assertThat(downloaded.path("payload").path("centreId").asText()).isEqualTo(centreId);
        awaitJson(
                "/api/audit/timeline?centreId=" + centreId,
                admin,
                page -> hasEvent(page, "LibraryDocumentDownloaded", documentId));
        var verified = http.get("/api/audit/verify", admin);
        assertThat(verified.status()).isEqualTo(200);
        assertThat(verified.json().path("intact").asBoolean())
                .as(verified.toString())
                .isTrue();
        awaitJson(
                DOCUMENTS + "/" + documentId,
                centreUser,
                doc -> doc.path("versions").path(1).path("downloads").asLong() == 1
                        && doc.path("versions").path(0).path("downloads").asLong() == 0);
    }

    @Test
    void givenExecutableRenamedPdf_whenUploaded_then415AndNothingListed() {
        String admin = adminToken();
        byte[] executable = Arrays.copyOf(
                "MZ\u0090\u0000 This program cannot be run in DOS mode.".getBytes(StandardCharsets.ISO_8859_1), 512);

        var refused = specification(executable).post(http, DOCUMENTS, admin);

        assertThat(refused.status()).as(refused.toString()).isEqualTo(415);
        assertThat(refused.contentType()).startsWith("application/problem+json");
    }

    /** Issue 15, finding 7: a Word document carrying a program, and a video header followed by a web page. */
    @Test
    void givenADocumentCarryingAProgramOrAVideoHidingAWebPage_whenUploadedByImi_then415NamingTheFileAndNothingStored() {
        String admin = adminToken();
        byte[] docx =
                SampleFiles.docx("word/embeddings/setup.exe", "MZ\u0090\u0000 This program cannot be run in DOS mode.");
        byte[] video = SampleFiles.concat(
                SampleFiles.box("ftyp", SampleFiles.ascii("mp42"), new byte[4], SampleFiles.ascii("mp42isom")),
                SampleFiles.ascii("<html><script>alert(document.cookie)</script></html>"));
        long eventsBefore = storedEvents();

        var program = specification(docx).post(http, DOCUMENTS, admin);
        var webPage = specification(video).post(http, DOCUMENTS, admin);

        for (var refused : List.of(program, webPage)) {
            assertThat(refused.status()).as(refused.toString()).isEqualTo(415);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().get("errors").findValuesAsText("field")).containsExactly("file");
        }
        assertThat(program.json().get("errors").get(0).get("message").asText())
                .isEqualTo("carries a program or script: word/embeddings/setup.exe");
        assertThat(webPage.json().get("errors").get(0).get("message").asText())
                .isEqualTo("is not a whole MP4 video: its boxes do not run to its end");
        assertThat(storedEvents()).as("no event").isEqualTo(eventsBefore);
        assertThat(content.exists(FileStore.sha256(docx))).as("no file").isFalse();
        assertThat(content.exists(FileStore.sha256(video))).as("no file").isFalse();
    }

    private long storedEvents() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
    }

    @Test
    void givenCentreUser_whenUploading_then403() {
        String admin = adminToken();
        String centreUser = activeUser(admin, admin, approvedCentre(admin), null, "CENTRE_ADMIN");

        var refused = specification(pdf("not theirs")).post(http, DOCUMENTS, centreUser);

        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
    }

    @Test
    void givenBadFields_whenUploading_thenClearProblemsNamingThem() {
        String admin = adminToken();
        byte[] bytes = pdf("fields");
        assertProblem(
                new MultipartForm()
                        .field("title", "Spec")
                        .field("kind", "POSTER")
                        .file("a.pdf", bytes)
                        .post(http, DOCUMENTS, admin),
                400,
                "kind");
        assertProblem(
                new MultipartForm()
                        .field("title", "Spec")
                        .field("kind", "SPECIFICATION")
                        .field("qualificationCode", "NOT-IN-CATALOGUE")
                        .file("a.pdf", bytes)
                        .post(http, DOCUMENTS, admin),
                400,
                "qualificationCode");
        assertProblem(
                new MultipartForm()
                        .field("title", "Manual")
                        .field("kind", "OPERATING_MANUAL")
                        .field("qualificationCode", "LV2-MAINT")
                        .file("a.pdf", bytes)
                        .post(http, DOCUMENTS, admin),
                400,
                "qualificationCode");
        assertProblem(
                new MultipartForm()
                        .field("title", "x".repeat(201))
                        .field("kind", "KEY_DOCUMENT")
                        .file("a.pdf", bytes)
                        .post(http, DOCUMENTS, admin),
                400,
                "title");
        assertProblem(
                new MultipartForm()
                        .field("title", "No file")
                        .field("kind", "KEY_DOCUMENT")
                        .post(http, DOCUMENTS, admin),
                400,
                "file");
        assertProblem(
                http.post(DOCUMENTS, admin, java.util.Map.of("title", "JSON", "kind", "KEY_DOCUMENT")), 400, null);
        assertProblem(http.postRaw(DOCUMENTS, admin, "multipart/form-data; boundary=zz", "not a form"), 400, null);
    }

    @Test
    void givenUnknownDocumentOrVersion_whenAskedOrDownloadedOrAddedTo_then404() {
        String admin = adminToken();
        var created = new MultipartForm()
                .field("title", "Operating manual")
                .field("kind", "OPERATING_MANUAL")
                .file("manual.pdf", pdf("manual"))
                .post(http, DOCUMENTS, admin);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String documentId = created.json().path("documentId").asText();
        awaitJson(
                DOCUMENTS + "/" + documentId,
                admin,
                doc -> doc.path("currentVersion").asInt() == 1);

        assertThat(http.get(DOCUMENTS + "/no-such-document", admin).status()).isEqualTo(404);
        assertThat(http.get(DOCUMENTS + "/" + documentId + "/versions/2/file", admin)
                        .status())
                .isEqualTo(404);
        assertThat(http.get(DOCUMENTS + "/" + documentId + "/versions/x/file", admin)
                        .status())
                .isEqualTo(400);
        assertThat(new MultipartForm()
                        .file("v.pdf", pdf("v"))
                        .post(http, DOCUMENTS + "/no-such-document/versions", admin)
                        .status())
                .isEqualTo(404);
        assertThat(http.get(DOCUMENTS + "?kind=POSTER", admin).status()).isEqualTo(400);
    }

    @Test
    void givenFileOver25Megabytes_whenUploaded_then413() {
        byte[] big = Arrays.copyOf(pdf("big"), 25 * 1024 * 1024 + 1);

        var refused = new MultipartForm()
                .field("title", "Huge")
                .field("kind", "KEY_DOCUMENT")
                .file("big.pdf", big)
                .post(http, DOCUMENTS, adminToken());

        assertThat(refused.status()).as(refused.toString()).isEqualTo(413);
        assertThat(refused.contentType()).startsWith("application/problem+json");
    }

    private static void assertProblem(HttpClientForTests.Response response, int status, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        if (field != null) {
            assertThat(response.json().path("errors").findValuesAsText("field"))
                    .as(response.toString())
                    .contains(field);
        }
    }
}
