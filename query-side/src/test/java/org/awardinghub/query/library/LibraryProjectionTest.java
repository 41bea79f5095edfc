package org.awardinghub.query.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awardinghub.query.InProcessMongo.allDocuments;

import com.mongodb.client.MongoDatabase;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.awardinghub.events.library.LibraryDocumentDownloaded;
import org.awardinghub.events.library.LibraryDocumentKind;
import org.awardinghub.events.library.LibraryDocumentVersionUploaded;
import org.awardinghub.query.InProcessMongo;
import org.awardinghub.query.Page;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@SuppressWarnings("unchecked") // ListLibraryDocuments is answered by a raw Page, see LibraryDocumentProjection
class LibraryProjectionTest {

    @RegisterExtension
    static final InProcessMongo mongo = new InProcessMongo();

    private static final Instant FIRST = Instant.parse("2026-04-01T09:00:00.250Z");
    private static final Instant SECOND = Instant.parse("2026-04-20T14:30:00Z");
    private static final Instant DOWNLOADED = Instant.parse("2026-04-21T08:00:00Z");
    private static final String HASH_1 = "1".repeat(64);
    private static final String HASH_2 = "2".repeat(64);

    private MongoDatabase database;
    private LibraryDocumentProjection documents;
    private LibraryDownloadProjection downloads;

    @BeforeEach
    void setUp() {
        database = mongo.freshDatabase();
        documents = new LibraryDocumentProjection(database);
        downloads = new LibraryDownloadProjection(database);
    }

    private static LibraryDocumentVersionUploaded uploaded(
            String id, int version, String title, LibraryDocumentKind kind, String code, String hash, Instant at) {
        return new LibraryDocumentVersionUploaded(
                id,
                version,
                title,
                kind,
                code,
                "file-" + version + ".pdf",
                "application/pdf",
                1000L * version,
                hash,
                version == 1 ? null : "Corrected",
                "imi-1",
                "10000001",
                at);
    }

    private static EventMessage<LibraryDocumentDownloaded> download(String id, int version, String pin) {
        return GenericEventMessage.asEventMessage(new LibraryDocumentDownloaded(
                id, version, version == 1 ? HASH_1 : HASH_2, "u-" + pin, pin, "centre-1", DOWNLOADED));
    }

    private void specificationWithTwoVersions() {
        documents.on(
                uploaded(
                        "d1",
                        1,
                        "Light vehicle specification",
                        LibraryDocumentKind.SPECIFICATION,
                        "LV2",
                        HASH_1,
                        FIRST),
                0);
        documents.on(
                uploaded(
                        "d1",
                        2,
                        "Light vehicle specification",
                        LibraryDocumentKind.SPECIFICATION,
                        "LV2",
                        HASH_2,
                        SECOND),
                1);
    }

    private void downloaded(EventMessage<LibraryDocumentDownloaded> message) {
        downloads.on(message.getPayload(), message);
    }

    private Page<LibraryDocumentView> list(String code, LibraryDocumentKind kind) {
        return documents.handle(new ListLibraryDocuments(code, kind, 0, 50));
    }

    @Test
    void givenTwoVersions_whenFound_thenEveryVersionWithItsHashUploaderAndTimeAndTheCurrentOne() {
        specificationWithTwoVersions();

        LibraryDocumentView view = documents.handle(new FindLibraryDocument("d1"));

        assertThat(view.currentVersion()).isEqualTo(2);
        assertThat(view.createdAt()).isEqualTo(FIRST);
        assertThat(view.updatedAt()).isEqualTo(SECOND);
        assertThat(view.versions())
                .containsExactly(
                        new LibraryDocumentView.Version(
                                1, "file-1.pdf", "application/pdf", 1000, HASH_1, null, "10000001", FIRST, 0L),
                        new LibraryDocumentView.Version(
                                2, "file-2.pdf", "application/pdf", 2000, HASH_2, "Corrected", "10000001", SECOND, 0L));
        assertThat(documents.handle(new FindLibraryDocument("unknown"))).isNull();
    }

    @Test
    void givenVersionAndDownloadRedelivered_whenFound_thenEachAppliedOnce() {
        specificationWithTwoVersions();
        documents.on(
                uploaded(
                        "d1",
                        2,
                        "Light vehicle specification",
                        LibraryDocumentKind.SPECIFICATION,
                        "LV2",
                        HASH_2,
                        SECOND),
                1);
        documents.on(
                uploaded(
                        "d1",
                        1,
                        "Light vehicle specification",
                        LibraryDocumentKind.SPECIFICATION,
                        "LV2",
                        HASH_1,
                        FIRST),
                0);
        EventMessage<LibraryDocumentDownloaded> once = download("d1", 2, "20000001");
        downloaded(once);
        downloaded(once);
        downloaded(download("d1", 2, "20000002"));
        downloaded(download("d1", 1, "20000002"));

        LibraryDocumentView view = documents.handle(new FindLibraryDocument("d1"));

        assertThat(view.versions())
                .extracting(LibraryDocumentView.Version::version)
                .containsExactly(1, 2);
        assertThat(view.versions())
                .extracting(LibraryDocumentView.Version::downloads)
                .containsExactly(1L, 2L);
    }

    @Test
    void givenDocumentsOfTwoQualificationsAndAKeyDocument_whenListedByQualificationAndKind_thenOnlyThoseInTitleOrder() {
        specificationWithTwoVersions();
        documents.on(
                uploaded("d2", 1, "a sample paper", LibraryDocumentKind.SAMPLE_ASSESSMENT, "LV2", HASH_1, FIRST), 0);
        documents.on(
                uploaded(
                        "d3", 1, "Body repair specification", LibraryDocumentKind.SPECIFICATION, "VBR2", HASH_1, FIRST),
                0);
        documents.on(
                uploaded("d4", 1, "Operating manual", LibraryDocumentKind.OPERATING_MANUAL, null, HASH_1, FIRST), 0);

        assertThat(list("LV2", null).items())
                .extracting(LibraryDocumentView::documentId)
                .containsExactly("d2", "d1");
        assertThat(list(null, LibraryDocumentKind.SPECIFICATION).items())
                .extracting(LibraryDocumentView::documentId)
                .containsExactly("d3", "d1");
        assertThat(list("LV2", LibraryDocumentKind.SPECIFICATION).items())
                .extracting(LibraryDocumentView::title)
                .containsExactly("Light vehicle specification");
        Page<LibraryDocumentView> all = documents.handle(new ListLibraryDocuments(null, null, 1, 3));
        assertThat(all.total()).isEqualTo(4);
        assertThat(all.items()).extracting(LibraryDocumentView::documentId).containsExactly("d4");
        assertThat(list("LV2", null).items().get(1).versions())
                .extracting(LibraryDocumentView.Version::downloads)
                .containsOnlyNulls();
    }

    @Test
    void givenLibrary_whenResetAndReplayed_thenReadModelsIdentical() {
        specificationWithTwoVersions();
        EventMessage<LibraryDocumentDownloaded> download = download("d1", 2, "20000001");
        downloaded(download);
        List<Document> documentsBefore = allDocuments(database, LibraryDocumentProjection.DOCUMENTS);
        List<Document> downloadsBefore = allDocuments(database, LibraryDownloadProjection.DOWNLOADS);

        documents.reset();
        downloads.reset();
        assertThat(allDocuments(database, LibraryDocumentProjection.DOCUMENTS)).isEmpty();
        assertThat(allDocuments(database, LibraryDownloadProjection.DOWNLOADS)).isEmpty();
        specificationWithTwoVersions();
        downloaded(download);

        assertThat(allDocuments(database, LibraryDocumentProjection.DOCUMENTS)).isEqualTo(documentsBefore);
        assertThat(allDocuments(database, LibraryDownloadProjection.DOWNLOADS)).isEqualTo(downloadsBefore);
    }

    @Test
    void projectionsBelongToTheLibraryProcessor() {
        assertThat(Stream.of(LibraryDocumentProjection.class, LibraryDownloadProjection.class)
                        .map(projection ->
                                projection.getAnnotation(ProcessingGroup.class).value()))
                .containsOnly(LibraryDocumentProjection.PROCESSING_GROUP)
                .containsOnly("library");
    }
}
