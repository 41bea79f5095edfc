package org.awardinghub.api.store;

import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * On H2, continues the events' global index right after the last event stored, at start-up, before anything can
 * append. H2 hands out sequence values from a cache of 32 and does not give back the unused ones when the process
 * stops, so every restart left a hole of up to 32 numbers in the global index. Axon's streaming processors keep
 * such holes in their tokens as gaps (an event may still commit there), and while a token has gaps H2 answers
 * each of its fetches ({@code global_index > ? OR global_index IN (gaps)}) by reading the whole event table: at a
 * million events, every processor spent the first 20 s after each start doing so. No transaction survives the
 * process, so no number above the last stored event can still commit: starting there leaves no hole.
 */
@Component
class H2EventSequence extends H2StartupStep {

    private static final Logger LOG = LoggerFactory.getLogger(H2EventSequence.class);
    private static final String SEQUENCE = "DOMAIN_EVENT_ENTRY_SEQ";

    public H2EventSequence(DataSource dataSource) {
        super(dataSource);
    }

    @Override
    boolean onH2(JdbcTemplate jdbc) {
        Long sequences = jdbc.queryForObject(
                "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SEQUENCES"
                        + " WHERE SEQUENCE_SCHEMA = 'PUBLIC' AND SEQUENCE_NAME = ?",
                Long.class,
                SEQUENCE);
        if (sequences == null || sequences == 0) {
            return false; // no event store here
        }
        Long last = jdbc.queryForObject("SELECT MAX(global_index) FROM domain_event_entry", Long.class);
        long next = last == null ? 1 : last + 1;
        jdbc.execute("ALTER SEQUENCE " + SEQUENCE + " RESTART WITH " + next);
        LOG.debug("The events' global index continues at {}", next);
        return true;
    }
}
