package org.awardinghub.command.library;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.awardinghub.command.InvalidCommand;
import org.awardinghub.command.InvalidField;
import org.awardinghub.command.LookupDatabase;
import org.awardinghub.command.UnknownRecord;
import org.awardinghub.command.qualification.QualificationDirectory;
import org.awardinghub.events.library.LibraryDocumentDownloaded;
import org.awardinghub.events.library.LibraryDocumentKind;
import org.awardinghub.events.library.LibraryDocumentVersionUploaded;
import org.awardinghub.events.qualification.QualificationPublished;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LibraryDocumentTest {

    static final String DOCUMENT = "doc-1";
    static final Instant NOW = Instant.parse("2026-05-04T10:15:30.123Z");
    static final String HASH_1 = "a".repeat(64);
    static final String HASH_2 = "b".repeat(64);
    static final LibraryFile SPEC_PDF = new LibraryFile("spec.pdf", "application/pdf", 2048, HASH_1);
    static final LibraryFile SPEC_V2 = new LibraryFile("spec-v2.pdf", "application/pdf", 4096, HASH_2);
    static final LibraryDocumentVersionUploaded FIRST = new LibraryDocumentVersionUploaded(
            DOCUMENT,
            1,
            "Level 2 specification",
            LibraryDocumentKind.SPECIFICATION,
            "MVR-L2",
            "spec.pdf",
            "application/pdf",
            2048,
            HASH_1,
            null,
            "imi-1",
            "10000001",
            NOW);

    LookupDatabase database;
    FixtureConfiguration<LibraryDocument> fixture;

    @BeforeEach
    void setUp() {
        database = LookupDatabase.create();
        QualificationDirectory catalogue = database.lookup(QualificationDirectory.class);
        database.apply(new QualificationPublished("MVR-L2", "Light vehicle", 2, List.of(), List.of()));
        fixture = new AggregateTestFixture<>(LibraryDocument.class);
        fixture.registerInjectableResource(catalogue);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerInjectableResource(fixture.getEventBus());
    }

    @AfterEach
    void tearDown() {
        database.close();
    }

    private static UploadLibraryDocument upload(LibraryDocumentKind kind, String code, String title) {
        return new UploadLibraryDocument(DOCUMENT, title, kind, code, SPEC_PDF, "  ", "imi-1", "10000001");
    }

    @Test
    void givenQualificationInCatalogue_whenSpecificationUploaded_thenVersionOneWithItsHashAndTime() {
        fixture.givenNoPriorActivity()
                .when(upload(LibraryDocumentKind.SPECIFICATION, " MVR-L2 ", "  Level 2 specification "))
                .expectEvents(FIRST);
    }

    @Test
    void givenKeyDocument_whenUploadedWithoutQualification_thenCreatedForEveryCentre() {
        fixture.givenNoPriorActivity()
                .when(new UploadLibraryDocument(
                        DOCUMENT,
                        "Operating manual",
                        LibraryDocumentKind.OPERATING_MANUAL,
                        null,
                        SPEC_PDF,
                        "Issue 7",
                        "imi-1",
                        "10000001"))
                .expectEvents(new LibraryDocumentVersionUploaded(
                        DOCUMENT,
                        1,
                        "Operating manual",
                        LibraryDocumentKind.OPERATING_MANUAL,
                        null,
                        "spec.pdf",
                        "application/pdf",
                        2048,
                        HASH_1,
                        "Issue 7",
                        "imi-1",
                        "10000001",
                        NOW));
    }

    @Test
    void givenQualificationNotInCatalogue_whenUploaded_thenRefusedNamingTheField() {
        fixture.givenNoPriorActivity()
                .when(upload(LibraryDocumentKind.SCHEME_OF_WORK, "NOPE-L9", "Scheme"))
                .expectException(InvalidCommand.class)
                .expectExceptionMessage("unknown qualification NOPE-L9")
                .expectNoEvents();
    }

    @Test
    void givenQualificationDocumentWithoutQualification_whenUploaded_thenRefused() {
        fixture.givenNoPriorActivity()
                .when(upload(LibraryDocumentKind.SAMPLE_ASSESSMENT, null, "Sample paper"))
                .expectException(InvalidCommand.class)
                .expectExceptionMessage("qualificationCode is required")
                .expectNoEvents();
    }

    @Test
    void givenKeyDocumentNamingAQualification_whenUploaded_thenRefused() {
        fixture.givenNoPriorActivity()
                .when(upload(LibraryDocumentKind.KEY_DOCUMENT, "MVR-L2", "Appeals policy"))
                .expectException(InvalidCommand.class)
                .expectNoEvents();
    }

    @Test
    void givenTitleTooLongOrBlank_whenUploaded_thenRefused() {
        fixture.givenNoPriorActivity()
                .when(upload(LibraryDocumentKind.SPECIFICATION, "MVR-L2", "x".repeat(201)))
                .expectException(InvalidCommand.class)
                .expectExceptionMessage("title must be at most 200 characters");
        fixture.givenNoPriorActivity()
                .when(upload(LibraryDocumentKind.SPECIFICATION, "MVR-L2", " "))
                .expectException(InvalidCommand.class)
                .expectExceptionMessage("title is required");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Level 2\u0000specification", "Level 2 \u001B[2Jspecification", "Level 2 \u202Efdp.exe"})
    void givenTitleWithAControlOrOverride_whenUploaded_thenRefusedNamingTheTitle(String title) {
        fixture.givenNoPriorActivity()
                .when(upload(LibraryDocumentKind.SPECIFICATION, "MVR-L2", title))
                .expectException(InvalidField.named("title"))
                .expectNoEvents();
    }

    @Test
    void givenFileWithoutAProperHash_whenUploaded_thenRefused() {
        fixture.givenNoPriorActivity()
                .when(new UploadLibraryDocument(
                        DOCUMENT,
                        "Spec",
                        LibraryDocumentKind.SPECIFICATION,
                        "MVR-L2",
                        new LibraryFile("spec.pdf", "application/pdf", 10, "not-a-hash"),
                        null,
                        "imi-1",
                        "1"))
                .expectException(InvalidCommand.class)
                .expectNoEvents();
    }

    @Test
    void givenDocument_whenNewVersionUploaded_thenVersionTwoKeepsTitleKindAndQualification() {
        fixture.given(FIRST)
                .when(new UploadLibraryDocumentVersion(
                        DOCUMENT, SPEC_V2, "Unit 3 range corrected", "imi-2", "10000002"))
                .expectResultMessagePayload(2)
                .expectEvents(new LibraryDocumentVersionUploaded(
                        DOCUMENT,
                        2,
                        "Level 2 specification",
                        LibraryDocumentKind.SPECIFICATION,
                        "MVR-L2",
                        "spec-v2.pdf",
                        "application/pdf",
                        4096,
                        HASH_2,
                        "Unit 3 range corrected",
                        "imi-2",
                        "10000002",
                        NOW));
    }

    @Test
    void givenTwoVersions_whenVersionOneDownloaded_thenDownloadOfItsHashPublished() {
        LibraryDocumentVersionUploaded second = new LibraryDocumentVersionUploaded(
                DOCUMENT,
                2,
                FIRST.title(),
                FIRST.kind(),
                FIRST.qualificationCode(),
                "spec-v2.pdf",
                "application/pdf",
                4096,
                HASH_2,
                null,
                "imi-1",
                "10000001",
                NOW);
        fixture.given(FIRST, second)
                .when(new RecordLibraryDownload(DOCUMENT, 1, "user-7", "20000007", "centre-1"))
                .expectEvents(
                        new LibraryDocumentDownloaded(DOCUMENT, 1, HASH_1, "user-7", "20000007", "centre-1", NOW));
    }

    @Test
    void givenDocument_whenUnknownVersionDownloaded_thenUnknownRecordAndNothingRecorded() {
        fixture.given(FIRST)
                .when(new RecordLibraryDownload(DOCUMENT, 2, "user-7", "20000007", "centre-1"))
                .expectException(UnknownRecord.class)
                .expectNoEvents();
    }
}
