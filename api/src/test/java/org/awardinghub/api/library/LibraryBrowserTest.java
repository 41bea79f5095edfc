package org.awardinghub.api.library;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.StreamSupport;
import org.awardinghub.api.ApplicationTest;
import org.awardinghub.api.WebUi;
import org.awardinghub.api.files.FileStore;
import org.junit.jupiter.api.Test;

/** The documents library in the browser: IMI uploads a specification, a centre user finds and downloads it. */
class LibraryBrowserTest extends ApplicationTest {

    private static final String LV2 =
            "LV2-MAINT · Level 2 Certificate in Light Vehicle Maintenance and Repair Principles";

    @Test
    void givenImiUploadsASpecification_whenACentreUserDownloadsIt_thenTheDownloadIsRecordedWithTheirPin()
            throws Exception {
        String admin = adminToken();
        CreatedUser[] coordinator = new CreatedUser[1];
        activeUser(admin, admin, approvedCentre(admin), coordinator, "CENTRE_COORDINATOR");
        String title = "LV2 specification " + unique();
        byte[] bytes = LibraryTest.pdf(title);
        Path file = Files.createTempFile("lv2-specification-", ".pdf");
        Files.write(file, bytes);
        String documentId;

        try (WebUi ui = WebUi.open(port)) {
            ui.signIn(ADMIN_PIN, ADMIN_PASSWORD);
            ui.press("Documents");
            ui.waitForHeading("Documents");
            ui.press("Upload a document");
            ui.field("File").sendKeys(file.toAbsolutePath().toString());
            ui.fill("Title", title).choose("Document kind", "Specification").choose("For qualification", LV2);
            ui.press("Add to the library");
            ui.waitForHeading(title);
            assertThat(ui.notice("version 1")).contains(title);
            assertThat(ui.waitForText(FileStore.sha256(bytes)))
                    .as("the version's hash, as the file's bytes hash")
                    .contains(file.getFileName().toString(), ADMIN_PIN);
            documentId = ui.driver().getCurrentUrl().replaceAll(".*#/library/", "");
            ui.script("document.querySelector('#main section:last-of-type').scrollIntoView();");
            ui.screenshot("library");
        }

        try (WebUi ui = WebUi.open(port)) {
            ui.signIn(coordinator[0].pin(), GOOD_PASSWORD);
            ui.press("Documents");
            ui.waitForHeading("Documents");
            ui.choose("Qualification", LV2).choose("Kind", "Specification");
            ui.press("Show");
            ui.press(title);
            ui.waitForHeading(title);
            assertThat(ui.driver().getPageSource())
                    .as("a centre user uploads nothing")
                    .doesNotContain("Upload a new version");
            ui.press("Download");
            ui.notice("Version 1 downloaded");
        }

        awaitJson(
                "/api/library/documents/" + documentId,
                admin,
                doc -> doc.path("versions").path(0).path("downloads").asLong() == 1);
        JsonNode timeline = awaitJson(
                "/api/audit/timeline?actorPin=" + coordinator[0].pin(),
                admin,
                page -> StreamSupport.stream(page.path("items").spliterator(), false)
                        .anyMatch(event -> "LibraryDocumentDownloaded"
                                .equals(event.path("type").asText())));
        assertThat(timeline.toString()).contains(documentId);
    }
}
