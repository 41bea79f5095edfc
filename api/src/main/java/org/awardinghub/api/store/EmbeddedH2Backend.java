package org.awardinghub.api.store;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import java.util.List;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 backend without its stand-in for secondary indexes. It serves only unique indexes; for
 * any other it keeps an always-empty placeholder, and a placeholder that is empty makes the collection fill it by
 * reading every document, twice: at each {@code createIndex}, and again for every such index each time the store
 * is opened. On a year's data that was 11 s of every start (the attempts and claims collections read in full for
 * indexes that answer nothing). Here a secondary index is neither kept nor recorded: queries scan, as they did.
 */
final class EmbeddedH2Backend extends H2Backend {

    EmbeddedH2Backend(MVStore store) {
        super(store);
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new H2Database(databaseName, getMvStore(), getCursorRegistry()) {
            @Override
            protected Index<Object> openOrCreateSecondaryIndex(
                    String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
                return null;
            }
        };
    }
}
