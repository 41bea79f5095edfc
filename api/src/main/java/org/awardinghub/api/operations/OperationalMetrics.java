package org.awardinghub.api.operations;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.awardinghub.events.assessment.AttemptStarted;
import org.awardinghub.events.assessment.AttemptSubmitted;
import org.awardinghub.events.assessment.SubmittedBy;
import org.awardinghub.events.candidate.CandidateRegistered;
import org.awardinghub.events.certification.CertificateClaimed;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.stereotype.Component;

/**
 * The figures an operator watches beside Spring's and Axon's own (ADR 0143), in Prometheus as
 * {@code awarding_*}:
 * <ul>
 *   <li>business counters, counted on the node whose command committed the event (Prometheus adds the nodes up):
 *       candidates registered, attempts started, attempts submitted by the candidate or by the time limit,
 *       certificates claimed; sign-in failures are counted by {@code SignInThrottle};
 *   <li>per event processor, how many events its segments on this node are behind the head of the event store
 *       ({@code awarding_processor_lag_events}) and how many segments this node holds
 *       ({@code awarding_processor_segments}).
 * </ul>
 */
@Component
class OperationalMetrics implements MeterBinder {

    private static final long HEAD_FRESH_FOR = TimeUnit.SECONDS.toNanos(1);

    private final EventStore events;
    private final EventProcessingConfiguration processing;
    private final ProcessorPositions positions;
    /** The head as last read, and when: one read of the event store serves every processor's gauge of a scrape. */
    private volatile Long head;

    private volatile long headReadAt;

    OperationalMetrics(EventStore events, EventProcessingConfiguration processing, ProcessorPositions positions) {
        this.events = events;
        this.processing = processing;
        this.positions = positions;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Counter registrations = counter(registry, "awarding.registrations", "Candidates registered");
        Counter started = counter(registry, "awarding.attempts.started", "Assessment attempts started");
        Map<SubmittedBy, Counter> submitted = Map.of(
                SubmittedBy.CANDIDATE,
                submittedCounter(registry, SubmittedBy.CANDIDATE),
                SubmittedBy.TIME_LIMIT,
                submittedCounter(registry, SubmittedBy.TIME_LIMIT));
        Counter claims = counter(registry, "awarding.certificate-claims", "Certificate claims made");
        events.subscribe(messages -> afterCommit(() -> {
            for (EventMessage<?> message : messages) {
                Object payload = message.getPayload();
                if (payload instanceof CandidateRegistered) {
                    registrations.increment();
                } else if (payload instanceof AttemptStarted) {
                    started.increment();
                } else if (payload instanceof AttemptSubmitted submission && submission.submittedBy() != null) {
                    submitted.get(submission.submittedBy()).increment();
                } else if (payload instanceof CertificateClaimed) {
                    claims.increment();
                }
            }
        }));
        for (String name : processing.eventProcessors().keySet()) {
            Gauge.builder("awarding.processor.lag", () -> lag(name))
                    .description("Events the processor's segments on this node are behind the head of the event store")
                    .baseUnit("events")
                    .tag("processor", name)
                    .register(registry);
            Gauge.builder(
                            "awarding.processor.segments",
                            () -> streaming(name)
                                    .map(p -> p.processingStatus().size())
                                    .orElse(0))
                    .description("Segments of the processor this node holds")
                    .tag("processor", name)
                    .register(registry);
        }
    }

    /** NaN where this node holds no segment of the processor, or it has seen no event yet. */
    private double lag(String name) {
        Long position = streaming(name).map(ProcessorPositions::position).orElse(null);
        Long head = position == null ? null : head();
        return head == null ? Double.NaN : Math.max(0, head - position);
    }

    private Long head() {
        long now = System.nanoTime();
        if (head == null || now - headReadAt > HEAD_FRESH_FOR) {
            head = positions.head();
            headReadAt = now;
        }
        return head;
    }

    private Optional<StreamingEventProcessor> streaming(String name) {
        return processing
                .eventProcessor(name, StreamingEventProcessor.class)
                .filter(p -> !p.processingStatus().isEmpty());
    }

    /** Counted when the transaction that stored the events commits: a rolled-back command counts for nothing. */
    private static void afterCommit(Runnable count) {
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().afterCommit(unitOfWork -> count.run());
        } else {
            count.run();
        }
    }

    private static Counter counter(MeterRegistry registry, String name, String description) {
        return Counter.builder(name).description(description + ", on this node").register(registry);
    }

    private static Counter submittedCounter(MeterRegistry registry, SubmittedBy by) {
        return Counter.builder("awarding.attempts.submitted")
                .description("Assessment attempts submitted, on this node")
                .tag("by", by.name().toLowerCase(Locale.ROOT))
                .register(registry);
    }
}
