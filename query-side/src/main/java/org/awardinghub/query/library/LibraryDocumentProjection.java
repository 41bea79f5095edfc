package org.awardinghub.query.library;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Sorts.ascending;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.push;
import static com.mongodb.client.model.Updates.set;
import static org.awardinghub.query.ReadModelCollection.ID;
import static org.awardinghub.query.ReadModelCollection.date;
import static org.awardinghub.query.ReadModelCollection.enumValue;
import static org.awardinghub.query.ReadModelCollection.instant;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongBiFunction;
import org.awardinghub.events.library.LibraryDocumentKind;
import org.awardinghub.events.library.LibraryDocumentVersionUploaded;
import org.awardinghub.query.Page;
import org.awardinghub.query.ReadModelCollection;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

/**
 * The {@value #DOCUMENTS} read model ({@code _id} = document id): one document per library document with its
 * versions inside, guarded by the document's aggregate sequence like every read model ({@link ReadModelCollection})
 * — {@link FindLibraryDocument}, {@link ListLibraryDocuments}.
 *
 * <p>{@link LibraryDownloadProjection} keeps the downloads beside it, in the processor named here. A document found
 * by {@link FindLibraryDocument} counts each version's downloads there when asked; nothing is written across.
 */
@Component
@ProcessingGroup(LibraryDocumentProjection.PROCESSING_GROUP)
class LibraryDocumentProjection {

    public static final String PROCESSING_GROUP = "library";
    public static final String DOCUMENTS = "library_documents";

    private static final String QUALIFICATION_CODE = "qualificationCode";
    private static final String KIND = "kind";
    private static final String SORT_TITLE = "sortTitle";
    private static final String VERSION = "version";
    private static final String VERSIONS = "versions";

    private final ReadModelCollection documents;
    private final MongoCollection<Document> downloadCounts;

    public LibraryDocumentProjection(MongoDatabase database) {
        this.documents = new ReadModelCollection(database, DOCUMENTS);
        this.downloadCounts = database.getCollection(LibraryDownloadProjection.DOWNLOADS);
        documents.ensureIndex(Indexes.ascending(QUALIFICATION_CODE, KIND, SORT_TITLE));
    }

    @EventHandler
    void on(LibraryDocumentVersionUploaded event, @SequenceNumber long sequence) {
        Document version = new Document()
                .append(VERSION, event.version())
                .append("fileName", event.fileName())
                .append("mediaType", event.mediaType())
                .append("size", event.size())
                .append("sha256", event.sha256())
                .append("note", event.note())
                .append("uploadedByPin", event.uploadedByPin())
                .append("uploadedAt", date(event.uploadedAt()));
        if (event.version() == 1) {
            documents.insert(
                    event.documentId(),
                    sequence,
                    new Document()
                            .append("title", event.title())
                            .append(SORT_TITLE, ReadModelCollection.sortKey(event.title()))
                            .append(
                                    KIND,
                                    event.kind() == null ? null : event.kind().name())
                            .append(QUALIFICATION_CODE, event.qualificationCode())
                            .append("currentVersion", 1)
                            .append("createdAt", date(event.uploadedAt()))
                            .append("updatedAt", date(event.uploadedAt()))
                            .append(VERSIONS, List.of(version)));
            return;
        }
        // the sequence guard keeps a redelivered version from being appended twice
        documents.update(
                event.documentId(),
                sequence,
                combine(
                        push(VERSIONS, version),
                        set("currentVersion", event.version()),
                        set("updatedAt", date(event.uploadedAt()))));
    }

    @ResetHandler
    void reset() {
        documents.deleteAll();
    }

    /** The document with each version's downloads, counted from {@value LibraryDownloadProjection#DOWNLOADS}. */
    @QueryHandler
    LibraryDocumentView handle(FindLibraryDocument query) {
        Document document = documents.find(query.documentId());
        return document == null
                ? null
                : toView(
                        document,
                        (id, version) -> downloadCounts.countDocuments(and(
                                eq(LibraryDownloadProjection.DOCUMENT_ID, id),
                                eq(LibraryDownloadProjection.VERSION, version))));
    }

    /**
     * Declared raw on purpose: Axon matches the API's {@code ResponseTypes.instanceOf(Page.class)} only against a
     * plain class. The items are {@link LibraryDocumentView}s, without download counts.
     */
    @QueryHandler
    @SuppressWarnings("rawtypes")
    Page handle(ListLibraryDocuments query) {
        List<Bson> filters = new ArrayList<>();
        if (query.qualificationCode() != null) {
            filters.add(eq(QUALIFICATION_CODE, query.qualificationCode()));
        }
        if (query.kind() != null) {
            filters.add(eq(KIND, query.kind().name()));
        }
        Bson filter = filters.isEmpty() ? new Document() : and(filters);
        return documents.page(
                filter, ascending(SORT_TITLE, ID), query.page(), query.size(), document -> toView(document, null));
    }

    private static LibraryDocumentView toView(Document document, ToLongBiFunction<String, Integer> downloadsOf) {
        String id = document.getString(ID);
        List<LibraryDocumentView.Version> versions = document.getList(VERSIONS, Document.class, List.of()).stream()
                .map(version -> {
                    int number = version.getInteger(VERSION, 0);
                    return new LibraryDocumentView.Version(
                            number,
                            version.getString("fileName"),
                            version.getString("mediaType"),
                            ((Number) version.get("size")).longValue(),
                            version.getString("sha256"),
                            version.getString("note"),
                            version.getString("uploadedByPin"),
                            instant(version, "uploadedAt"),
                            downloadsOf == null ? null : downloadsOf.applyAsLong(id, number));
                })
                .toList();
        return new LibraryDocumentView(
                id,
                document.getString("title"),
                enumValue(LibraryDocumentKind.class, document, KIND),
                document.getString(QUALIFICATION_CODE),
                document.getInteger("currentVersion", 0),
                instant(document, "createdAt"),
                instant(document, "updatedAt"),
                versions);
    }
}
