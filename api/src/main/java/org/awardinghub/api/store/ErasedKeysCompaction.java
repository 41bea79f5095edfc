package org.awardinghub.api.store;

import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.DestructionAwareBeanPostProcessor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Leaves no erased key in the embedded database's file (ADR 0163). H2 writes a changed page anew and keeps the old
 * one in its file until the space is reused, and a backup of the embedded default is a copy of that file: a deleted
 * key could travel in it. So when the application stops after an erasure, at the very last moment, as its data
 * source is about to close (everything else that uses the database has stopped), the file is compacted in full
 * ({@code SHUTDOWN COMPACT}: written afresh with only what is live). A stop with no erasure since the last one is as
 * quick as before. PostgreSQL's backups ({@code pg_dump}) copy rows,
 * never deleted ones, and need nothing here.
 */
@Component
class ErasedKeysCompaction implements DestructionAwareBeanPostProcessor {

    private static final Logger LOG = LoggerFactory.getLogger(ErasedKeysCompaction.class);

    @Override
    public boolean requiresDestruction(Object bean) {
        return bean instanceof DataSource;
    }

    @Override
    public void postProcessBeforeDestruction(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource && Databases.isH2(dataSource)) {
            compact(dataSource);
        }
    }

    private static void compact(DataSource dataSource) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        int erased = jdbc.update("UPDATE erased_data_subjects SET compacted = TRUE WHERE compacted = FALSE");
        if (erased > 0) {
            LOG.info("{} erased since the last stop: compacting the events database so that it keeps no key", erased);
            jdbc.execute("SHUTDOWN COMPACT");
        }
    }
}
