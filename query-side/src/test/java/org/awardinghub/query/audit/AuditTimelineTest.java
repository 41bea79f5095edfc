package org.awardinghub.query.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.awardinghub.events.AuditMetadata;
import org.awardinghub.events.candidate.CandidateReinstated;
import org.awardinghub.query.Page;
import org.awardinghub.query.audit.AuditHistory.Stored;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The timeline over many hours, where each combination of filters has its own plan (the hours' counts and
 * position ranges for a window alone): every page and total of every combination of PIN, centre and window
 * (edges on and off the hour, on and off an event's time, open at either end) equals the events filtered one by
 * one.
 */
class AuditTimelineTest {

    private static final Instant START = Instant.parse("2026-06-01T09:00:00Z");
    private static final Duration STEP = Duration.ofMinutes(17);
    private static final List<String> PINS = List.of("10000001", "10000002", "20000001");
    private static final List<String> CENTRES = List.of("c1", "c2");
    private static final int EVENTS = 60;
    private static final int PAGE_SIZE = 7;

    private final AuditStore store = new AuditStore();
    private final List<Stored> history = history();

    /** 60 events 17 minutes apart (about 17 hours), by three PINs at two centres in a mixed rhythm. */
    private static List<Stored> history() {
        AuditHistory history = new AuditHistory(START, STEP);
        for (int i = 0; i < EVENTS; i++) {
            String centre = CENTRES.get((i / 3) % 2);
            history.then(
                    "Candidate",
                    "k" + (i % 9),
                    new CandidateReinstated("k" + (i % 9), centre, "back"),
                    AuditStory.staff(PINS.get(i % 3), centre, null));
        }
        return history.events();
    }

    @BeforeEach
    void deliverWithAGapFilledLate() {
        history.stream().filter(event -> event.position() != 30).forEach(event -> store.deliver(event.tracked()));
        store.deliver(history.get(29).tracked());
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void givenEveryCombinationOfFilters_whenPaged_thenExactlyTheMatchingEventsInGlobalOrder() {
        Instant hour = START;
        List<Instant> edges = new ArrayList<>(Arrays.asList((Instant) null));
        for (long minutes :
                new long[] {-60, 0, 17, 30, 51, 60, 61, 119, 120, 121, 180, 400, 600, 17 * 45, 1019, 1020, 1100, 2000
                }) {
            edges.add(hour.plus(Duration.ofMinutes(minutes)));
        }
        List<String> pins = new ArrayList<>(Arrays.asList((String) null));
        pins.addAll(PINS);
        List<String> centres = new ArrayList<>(Arrays.asList((String) null));
        centres.addAll(CENTRES);
        int checked = 0;
        for (String pin : pins) {
            for (String centre : centres) {
                for (Instant from : edges) {
                    for (Instant to : edges) {
                        checked += check(pin, centre, from, to);
                    }
                }
            }
        }
        assertThat(checked).isGreaterThan(1000);
    }

    /** Checks every page of one query against the events filtered one by one; answers how many pages. */
    private int check(String pin, String centre, Instant from, Instant to) {
        List<Long> expected = history.stream()
                .filter(event ->
                        pin == null || pin.equals(event.message().getMetaData().get(AuditMetadata.ACTOR_PIN)))
                .filter(event -> centre == null || centre.equals(((CandidateReinstated) event.payload()).centreId()))
                .filter(event -> from == null || !event.at().isBefore(from))
                .filter(event -> to == null || event.at().isBefore(to))
                .map(Stored::position)
                .toList();
        List<Long> seen = new ArrayList<>();
        int pages = 0;
        for (int page = 0; page <= expected.size() / PAGE_SIZE; page++) {
            @SuppressWarnings("unchecked")
            Page<AuditEvent> answer = store.projection.handle(new ListTimeline(pin, centre, from, to, page, PAGE_SIZE));
            String query = Objects.toString(pin) + " " + centre + " " + from + " " + to + " page " + page;
            assertThat(answer.total()).as(query).isEqualTo(expected.size());
            answer.items().forEach(event -> seen.add(event.globalPosition()));
            pages++;
        }
        assertThat(seen).as("%s %s %s %s", pin, centre, from, to).isEqualTo(expected);
        return pages;
    }

    @Test
    void givenPositionsSpreadOverManyBlocks_whenPagedUnfiltered_thenEveryPageInGlobalOrder() {
        try (AuditStore spread = new AuditStore()) {
            List<Long> positions = new ArrayList<>();
            for (Stored event : history) {
                // 1, 4, 13, ... 10,444: some blocks of 1,024 positions empty, some holding several events
                long position = 1 + 3 * (event.position() - 1) * (event.position() - 1);
                positions.add(position);
                spread.deliver(new org.axonframework.eventhandling.GenericTrackedDomainEventMessage<>(
                        new org.axonframework.eventhandling.GlobalSequenceTrackingToken(position), event.message()));
            }
            for (int size : new int[] {1, 3, 7, 50}) {
                List<Long> seen = new ArrayList<>();
                for (int page = 0; page * size < EVENTS; page++) {
                    @SuppressWarnings("unchecked")
                    Page<AuditEvent> answer =
                            spread.projection.handle(new ListTimeline(null, null, null, null, page, size));
                    assertThat(answer.total()).isEqualTo(EVENTS);
                    answer.items().forEach(event -> seen.add(event.globalPosition()));
                }
                assertThat(seen).as("pages of %d", size).isEqualTo(positions);
            }
            assertThat(spread.rows("audit_blocks"))
                    .hasSizeBetween(2, 11)
                    .allSatisfy(row -> assertThat((Long) row.get("EVENT_COUNT")).isPositive());
        }
    }

    @Test
    void givenAWindowOfWholeHours_whenCounted_thenFromTheHoursKeptByTheProjection() {
        // 09:00-16:00 holds events 1..24 (the 24th at 15:48); the hours' rows alone give the total
        store.jdbc.update("DELETE FROM audit_log WHERE global_index = 5");

        @SuppressWarnings("unchecked")
        Page<AuditEvent> page =
                store.projection.handle(new ListTimeline(null, null, START, START.plus(Duration.ofHours(7)), 0, 50));

        assertThat(page.total()).isEqualTo(24);
        assertThat(page.items()).hasSize(23);
    }

    @Test
    void givenTheHoursKept_whenReplayed_thenTheSame() {
        var hours = store.rows("audit_hours");
        // 09:17 .. 02:00 next day: the hours 09 to 02, each with three or four events
        assertThat(hours).hasSize(18);
        assertThat(hours.get(0))
                .containsEntry("EVENT_COUNT", 3L)
                .containsEntry("FIRST_POSITION", 1L)
                .containsEntry("LAST_POSITION", 3L);
        assertThat(hours.stream()
                        .mapToLong(row -> (Long) row.get("EVENT_COUNT"))
                        .sum())
                .isEqualTo(EVENTS);

        store.reset();
        assertThat(store.rows("audit_hours")).isEmpty();
        store.deliver(history);

        assertThat(store.rows("audit_hours")).isEqualTo(hours);
    }
}
