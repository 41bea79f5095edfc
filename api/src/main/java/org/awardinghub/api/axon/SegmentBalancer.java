package org.awardinghub.api.axon;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Shares every event processor's segments between the nodes that run (ADR 0145). Axon's pooled processors claim
 * every segment nobody holds: the first node to start took them all, and a second node had nothing to do. Each node
 * says it is alive every few seconds (table {@code cluster_node}); a node that holds more segments of a processor
 * than its fair share (the processor's segments divided by the nodes alive, rounded up) releases the surplus, and
 * the others claim what is released on their next round. A node that stops gives its segments up as it stops; one
 * that is killed leaves claims that lapse after the token store's claim timeout, and the others take them then. A
 * node counts as alive no longer than that timeout after its last word: counted longer, the survivor gave back the
 * segments it had just taken over from a killed node, sharing them with the dead (found by {@code TwoNodesIT}).
 * On a single node, as on the embedded default, its share is everything and nothing is ever released.
 */
@Component
class SegmentBalancer {

    private static final Logger LOG = LoggerFactory.getLogger(SegmentBalancer.class);

    private final String node = UUID.randomUUID().toString();
    private final EventProcessingConfiguration processing;
    private final TokenStore tokens;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration aliveFor;
    private volatile boolean stopping;

    SegmentBalancer(
            EventProcessingConfiguration processing,
            TokenStore tokens,
            JdbcTemplate jdbc,
            Clock clock,
            @Value("${awarding.cluster.node-alive-for:5s}") Duration aliveFor) {
        this.processing = processing;
        this.tokens = tokens;
        this.jdbc = jdbc;
        this.clock = clock;
        this.aliveFor = aliveFor;
    }

    /** This node is alive: its row's time now. */
    @Scheduled(fixedDelayString = "${awarding.cluster.heartbeat:2s}")
    void heartbeat() {
        if (stopping) {
            return;
        }
        long now = clock.millis();
        if (jdbc.update("UPDATE cluster_node SET last_seen = ? WHERE node_id = ?", now, node) == 0) {
            jdbc.update("INSERT INTO cluster_node (node_id, last_seen) VALUES (?, ?)", node, now);
        }
        jdbc.update("DELETE FROM cluster_node WHERE last_seen < ?", now - 10 * aliveFor.toMillis());
    }

    /**
     * A node stopping says so at once: counted alive for seconds after, the others kept releasing their surplus to
     * it and took 5.7 s to hold what it gave up, against 1.4 s (found by {@code TwoNodesIT}).
     */
    @PreDestroy
    void leave() {
        stopping = true;
        jdbc.update("DELETE FROM cluster_node WHERE node_id = ?", node);
    }

    /** Releases what this node holds beyond its share of each processor's segments. */
    @Scheduled(fixedDelayString = "${awarding.cluster.balance-every:3s}", initialDelayString = "5s")
    void balance() {
        int nodes = nodesAlive();
        if (nodes < 2) {
            return;
        }
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming && streaming.isRunning()) {
                List<Integer> held =
                        streaming.processingStatus().keySet().stream().sorted().toList();
                int share = share(tokens.fetchSegments(name).length, nodes);
                for (int surplus = held.size() - share; surplus > 0; surplus--) {
                    int segment = held.get(held.size() - surplus);
                    LOG.info("Releasing segment {} of {} for another node ({} nodes alive)", segment, name, nodes);
                    streaming.releaseSegment(segment);
                }
            }
        });
    }

    /** A node's fair share: the segments divided by the nodes, rounded up. */
    static int share(int segments, int nodes) {
        return (segments + nodes - 1) / nodes;
    }

    private int nodesAlive() {
        Integer alive = jdbc.queryForObject(
                "SELECT COUNT(*) FROM cluster_node WHERE last_seen >= ?",
                Integer.class,
                clock.millis() - aliveFor.toMillis());
        return alive == null ? 1 : alive;
    }
}
