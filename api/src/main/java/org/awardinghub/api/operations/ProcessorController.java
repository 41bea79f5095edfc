package org.awardinghub.api.operations;

import static org.awardinghub.events.user.Role.IMI_ADMIN;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.awardinghub.api.PagedArray;
import org.awardinghub.api.problem.ApiProblem;
import org.awardinghub.api.security.Allow;
import org.awardinghub.query.Page;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The event processors, for IMI_ADMIN: where each stands against the head of the event store, and a replay from
 * zero of one projection while the application serves (its read model is emptied first and fills again as the
 * replay goes; the progress shows here). The command-side lookups run inside each command's own transaction and
 * have nothing to replay; a policy that sends commands must never be replayed.
 */
@RestController
class ProcessorController {

    /**
     * One processor on this node. {@code position} is the lowest position its segments have reached (null before
     * the first event); {@code replaying} until every segment has reached the position of the reset;
     * {@code replayProgress} is the share of the replay done, 0–100, while replaying.
     */
    public record Processor(
            String name,
            boolean streaming,
            boolean running,
            boolean replayable,
            boolean replaying,
            boolean error,
            int segments,
            Long position,
            Long headPosition,
            Integer replayProgress) {}

    private final EventProcessingConfiguration processing;
    private final ProcessorPositions positions;

    public ProcessorController(EventProcessingConfiguration processing, ProcessorPositions positions) {
        this.processing = processing;
        this.positions = positions;
    }

    /** Every event processor: running or replaying, its segments and its position. */
    @GetMapping("/api/admin/processors")
    @Allow(IMI_ADMIN)
    public ResponseEntity<List<Processor>> processors(
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        // the processors are the configuration's, in memory: the page is cut from them, in name order, and only the
        // page's processors are described (their positions read)
        List<EventProcessor> all = processing.eventProcessors().values().stream()
                .sorted(Comparator.comparing(EventProcessor::getName))
                .toList();
        return PagedArray.answerTogether(
                page, size, paging -> Page.slice(all, paging.page(), paging.size()), () -> all, shown -> {
                    Long head = positions.head();
                    return shown.stream()
                            .map(processor -> describe(processor, head))
                            .toList();
                });
    }

    /**
     * Replays a projection from the first event, rebuilding its read model. It answers at once; the replay goes on in
     * the background.
     */
    @PostMapping("/api/admin/processors/{name}/replay")
    @Allow(IMI_ADMIN)
    @ResponseStatus(HttpStatus.ACCEPTED)
    public ResponseEntity<Processor> replay(@PathVariable String name) {
        EventProcessor found = processing.eventProcessors().get(name);
        if (found == null) {
            throw ApiProblem.notFound("No processor " + name);
        }
        if (!(found instanceof StreamingEventProcessor processor)) {
            throw ApiProblem.conflict(
                    "Processor " + name + " works inside each command's transaction; there is" + " nothing to replay");
        }
        if (!processor.supportsReset()) {
            throw ApiProblem.conflict("Processor " + name + " sends commands and must never be replayed");
        }
        if (processor.processingStatus().values().stream().anyMatch(ProcessorController::stillReplaying)) {
            throw ApiProblem.conflict("Processor " + name + " is replaying already");
        }
        processor.shutDown();
        try {
            processor.resetTokens();
        } catch (IllegalStateException e) {
            throw ApiProblem.conflict("Processor " + name + " could not be reset: another node still holds some of"
                    + " its segments. Stop it there first. (" + e.getMessage() + ")");
        } finally {
            processor.start();
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(describe(processor, positions.head()));
    }

    private Processor describe(EventProcessor processor, Long head) {
        if (!(processor instanceof StreamingEventProcessor streaming)) {
            return new Processor(
                    processor.getName(),
                    false,
                    processor.isRunning(),
                    false,
                    false,
                    processor.isError(),
                    0,
                    null,
                    head,
                    null);
        }
        Map<Integer, EventTrackerStatus> status = streaming.processingStatus();
        Long position = ProcessorPositions.position(streaming);
        boolean replaying = status.values().stream().anyMatch(ProcessorController::stillReplaying);
        Integer progress = null;
        if (replaying) {
            long reset = status.values().stream()
                    .map(EventTrackerStatus::getResetPosition)
                    .filter(OptionalLong::isPresent)
                    .mapToLong(OptionalLong::getAsLong)
                    .max()
                    .orElse(0);
            progress = reset <= 0 || position == null ? 0 : (int) Math.min(100, position * 100 / reset);
        }
        return new Processor(
                streaming.getName(),
                true,
                streaming.isRunning(),
                streaming.supportsReset(),
                replaying,
                streaming.isError(),
                status.size(),
                position,
                head,
                progress);
    }

    /**
     * Replaying until the segment has reached the position where the reset was asked for. Axon's own flag stays up
     * until the next event after that position arrives, which on a quiet system may be a long while.
     */
    private static boolean stillReplaying(EventTrackerStatus segment) {
        if (!segment.isReplaying()) {
            return false;
        }
        OptionalLong reset = segment.getResetPosition();
        OptionalLong current = segment.getCurrentPosition();
        return reset.isEmpty() || current.isEmpty() || current.getAsLong() < reset.getAsLong();
    }
}
