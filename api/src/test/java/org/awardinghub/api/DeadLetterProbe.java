package org.awardinghub.api;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awardinghub.events.centre.CentreApplied;
import org.awardinghub.events.centre.CentreApproved;
import org.awardinghub.events.centre.CentreSuspended;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;

/**
 * A projection for tests: in a processing group of its own, with a dead-letter queue as the real projections have
 * (set in {@link ApplicationTest}'s properties), it keeps in memory which centre events it has applied, in order,
 * and refuses the application of a centre with the name it is told to refuse. Not a component, so that no
 * application but the shared test one (which imports it) has it.
 */
@ProcessingGroup(DeadLetterProbe.PROCESSING_GROUP)
public class DeadLetterProbe {

    public static final String PROCESSING_GROUP = "dead-letter-probe";

    private final Map<String, List<String>> applied = new ConcurrentHashMap<>();
    private volatile String refusedName;

    /** From now on the application of a centre with this name fails; null: none fails. */
    public void refuse(String centreName) {
        this.refusedName = centreName;
    }

    /** The centre's events this projection has applied, in the order applied. */
    public List<String> applied(String centreId) {
        return List.copyOf(applied.getOrDefault(centreId, List.of()));
    }

    @EventHandler
    public void on(CentreApplied event) {
        if (event.name().equals(refusedName)) {
            throw new IllegalStateException("The probe refuses the centre named " + event.name());
        }
        record(event.centreId(), "CentreApplied");
    }

    @EventHandler
    public void on(CentreApproved event) {
        record(event.centreId(), "CentreApproved");
    }

    @EventHandler
    public void on(CentreSuspended event) {
        record(event.centreId(), "CentreSuspended");
    }

    @ResetHandler
    public void reset() {
        applied.clear();
    }

    private void record(String centreId, String event) {
        applied.computeIfAbsent(centreId, id -> new CopyOnWriteArrayList<>()).add(event);
    }
}
