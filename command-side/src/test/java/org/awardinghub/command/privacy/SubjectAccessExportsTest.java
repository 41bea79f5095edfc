package org.awardinghub.command.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.awardinghub.command.InvalidCommand;
import org.awardinghub.events.privacy.SubjectAccessExported;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.SimpleEventBus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An export is recorded as an event of no aggregate, with what was exported, how, why and by whom (ADR 0167). */
class SubjectAccessExportsTest {

    static final Instant NOW = Instant.parse("2026-12-07T10:15:30.123456Z");

    final SimpleEventBus bus = SimpleEventBus.builder().build();
    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    final List<EventMessage<?>> published = new ArrayList<>();
    final SubjectAccessExports exports = new SubjectAccessExports();

    @BeforeEach
    void listen() {
        bus.subscribe(published::addAll);
    }

    @Test
    void givenAnExport_whenRecorded_thenPublishedOnTheBusWithWhoWhatAndWhy() {
        exports.handle(
                new RecordSubjectAccessExport("candidate", "c-1", "pdf", "  SAR ref 42 ", "u-1", "10000001"),
                bus,
                clock);

        assertThat(published).hasSize(1);
        assertThat(published.get(0).getPayload())
                .isEqualTo(new SubjectAccessExported(
                        "candidate",
                        "c-1",
                        "pdf",
                        "SAR ref 42",
                        "u-1",
                        "10000001",
                        Instant.parse("2026-12-07T10:15:30.123Z")));
    }

    @Test
    void givenNoReason_whenRecorded_thenRecordedWithoutOne() {
        exports.handle(new RecordSubjectAccessExport("user", "u-2", "json", " ", "u-1", "10000001"), bus, clock);

        assertThat(((SubjectAccessExported) published.get(0).getPayload()).reason())
                .isNull();
    }

    @Test
    void givenAnUnknownSubjectTypeOrFormat_orAReasonTooLong_whenRecorded_thenRefusedAndNothingPublished() {
        assertThatThrownBy(() -> exports.handle(
                        new RecordSubjectAccessExport("centre", "x", "json", null, "u-1", "1"), bus, clock))
                .isInstanceOf(InvalidCommand.class);
        assertThatThrownBy(() ->
                        exports.handle(new RecordSubjectAccessExport("user", "x", "csv", null, "u-1", "1"), bus, clock))
                .isInstanceOf(InvalidCommand.class);
        assertThatThrownBy(() -> exports.handle(
                        new RecordSubjectAccessExport("user", "x", "json", "r".repeat(1001), "u-1", "1"), bus, clock))
                .isInstanceOf(InvalidCommand.class);
        assertThat(published).isEmpty();
    }
}
