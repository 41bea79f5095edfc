package org.awardinghub.query.library;

import static org.awardinghub.query.ReadModelCollection.date;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import org.awardinghub.events.library.LibraryDocumentDownloaded;
import org.awardinghub.query.ReadModelCollection;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * The {@value #DOWNLOADS} read model: one document per download of a library document, keyed by the download
 * event's identifier. A download is an event of no aggregate, so no aggregate sequence can guard it; its own
 * identifier makes it idempotent instead: a redelivered download meets its own key and is not counted twice.
 *
 * <p>It answers no query of its own: {@link LibraryDocumentProjection}, beside it in the processor
 * {@link LibraryDocumentProjection#PROCESSING_GROUP}, counts a document's downloads per version here, by the index
 * on {@code (documentId, version)}.
 */
@Component
@ProcessingGroup(LibraryDocumentProjection.PROCESSING_GROUP)
class LibraryDownloadProjection {

    public static final String DOWNLOADS = "library_downloads";

    /** The fields a document's downloads are counted by. */
    static final String DOCUMENT_ID = "documentId";

    static final String VERSION = "version";

    private final ReadModelCollection downloads;

    public LibraryDownloadProjection(MongoDatabase database) {
        this.downloads = new ReadModelCollection(database, DOWNLOADS);
        downloads.ensureIndex(Indexes.ascending(DOCUMENT_ID, VERSION));
    }

    @EventHandler
    void on(LibraryDocumentDownloaded event, EventMessage<?> message) {
        downloads.insert(
                message.getIdentifier(),
                0,
                new Document()
                        .append(DOCUMENT_ID, event.documentId())
                        .append(VERSION, event.version())
                        .append("pin", event.pin())
                        .append("centreId", event.centreId())
                        .append("downloadedAt", date(event.downloadedAt())));
    }

    @ResetHandler
    void reset() {
        downloads.deleteAll();
    }
}
