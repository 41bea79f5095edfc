package org.awardinghub.command;

/**
 * Aggregates that live long (a candidate amended for years, a user who signs in every day, a centre, a portfolio)
 * are loaded from a snapshot of their state and the events after it, not from every event since they began: the
 * cost of a command stays that of the last few events however long the history grows. Their {@code @Aggregate}
 * names this trigger, which the application defines (every so many events; see {@code SnapshotConfiguration}).
 * Events stay the record: a snapshot is a cache of state, deleted and rebuilt at will.
 */
public final class Snapshots {

    /** The bean name of the snapshot trigger that long-lived aggregates share. */
    public static final String LONG_LIVED = "longLivedAggregateSnapshots";

    private Snapshots() {}
}
