package org.awardinghub.api.files;

import java.nio.file.Path;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Chooses the {@link FileStore} by {@value #PROPERTY}: {@value #DIRECTORY} (the default: {@code files/} under the
 * data directory) or {@value #DATABASE} (the relational database's {@code stored_file} table; set by the {@code
 * postgres} profile, so that every node shares the files and one dump holds them with the events). Any other value
 * stops start-up.
 */
@Configuration
class FileStoreConfiguration {

    public static final String PROPERTY = "awarding.files.store";
    public static final String DIRECTORY = "directory";
    public static final String DATABASE = "database";

    @Bean
    public FileStore fileStore(
            @Value("${" + PROPERTY + ":" + DIRECTORY + "}") String kind,
            @Value("${awarding.data-dir}") Path dataDir,
            DataSource dataSource,
            Clock clock) {
        return switch (kind.strip()) {
            case DIRECTORY -> new DirectoryFileStore(dataDir.resolve(DirectoryFileStore.FOLDER));
            case DATABASE -> new DatabaseFileStore(dataSource, clock);
            default ->
                throw new IllegalArgumentException(
                        PROPERTY + " must be " + DIRECTORY + " or " + DATABASE + ", not '" + kind + "'");
        };
    }
}
