package org.awardinghub.query.reports;

import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * How far the returns processor has read ({@code return_ledger_read}), every event counted, whatever its payload: a
 * component of its own in the {@value ReturnsLedger#PROCESSING_GROUP} group, because a component's most specific
 * handler alone takes an event. Written once per batch, in the batch's transaction, so it never runs ahead of the
 * ledger. The API settles a return's instant with it (ADR 0169): any node can tell, not only the one processing.
 */
@Component
@ProcessingGroup(ReturnsLedger.PROCESSING_GROUP)
class ReturnsLedgerProgress {

    private static final String READ = ReturnsLedgerProgress.class.getName();

    private final JdbcTemplate jdbc;

    public ReturnsLedgerProgress(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(Object event, TrackingToken token, @Timestamp Instant at) {
        long position = token.position().orElse(-1);
        if (!CurrentUnitOfWork.isStarted()) {
            write(new long[] {position, at.toEpochMilli()});
            return;
        }
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        long[] read = batch.getOrComputeResource(READ, key -> {
            long[] first = {Long.MIN_VALUE, Long.MIN_VALUE};
            batch.onPrepareCommit(done -> write(first));
            return first;
        });
        read[0] = Math.max(read[0], position);
        read[1] = Math.max(read[1], at.toEpochMilli());
    }

    /** Never backwards: an event delivered again, or late into a gap, leaves the furthest position and time read. */
    private void write(long[] read) {
        if (jdbc.update(
                        "UPDATE return_ledger_read SET global_position = GREATEST(global_position, ?),"
                                + " occurred_at = GREATEST(occurred_at, ?) WHERE id = 1",
                        read[0],
                        read[1])
                == 0) {
            jdbc.update(
                    "INSERT INTO return_ledger_read (id, global_position, occurred_at) VALUES (1, ?, ?)",
                    read[0],
                    read[1]);
        }
    }

    @ResetHandler
    void reset() {
        ReportsProjection.empty(jdbc, "return_ledger_read");
    }

    @QueryHandler
    ReturnsLedgerRead handle(FetchReturnsLedgerRead query) {
        return jdbc.query(
                "SELECT global_position, occurred_at FROM return_ledger_read WHERE id = 1",
                rows -> rows.next()
                        ? new ReturnsLedgerRead(rows.getLong(1), Instant.ofEpochMilli(rows.getLong(2)))
                        : new ReturnsLedgerRead(null, null));
    }
}
