package org.awardinghub.command.qualification;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.HashMap;
import java.util.Map;
import org.awardinghub.command.InvalidCommand;
import org.awardinghub.command.Reason;
import org.awardinghub.command.RuleViolation;
import org.awardinghub.events.qualification.PassMarkChanged;
import org.awardinghub.events.qualification.QualificationPublished;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A qualification in the catalogue, identified by its code. Only what later commands need is kept here: the
 * pass mark of each assessment. The item bank lives in the published event.
 */
@Aggregate
public class Qualification {

    @AggregateIdentifier
    private String code;

    private final Map<String, Integer> passPercents = new HashMap<>();

    /** For Axon, which rebuilds the qualification from its events. */
    protected Qualification() {}

    @CommandHandler
    Qualification(PublishQualification command, QualificationDirectory catalogue) {
        String published = CatalogueCode.required("code", command.code());
        if (catalogue.exists(published)) {
            throw new RuleViolation("Qualification " + published + " already exists");
        }
        apply(QualificationContent.checked(published, command, catalogue::assessmentCodeTaken));
    }

    /** A changed pass mark is evidence too: old and new go into the event, with the reason. */
    @CommandHandler
    void handle(ChangePassMark command) {
        String assessmentCode =
                command.assessmentCode() == null ? "" : command.assessmentCode().strip();
        Integer current = passPercents.get(assessmentCode);
        if (current == null) {
            throw new InvalidCommand(
                    "assessmentCode", "qualification " + code + " has no assessment " + assessmentCode);
        }
        int passPercent = QualificationContent.passPercent("passPercent", command.passPercent());
        String reason = Reason.of(command);
        if (passPercent == current) {
            return; // unchanged: nothing to record
        }
        apply(new PassMarkChanged(code, assessmentCode, current, passPercent, reason));
    }

    @EventSourcingHandler
    void on(QualificationPublished event) {
        code = event.code();
        event.assessments().forEach(assessment -> passPercents.put(assessment.code(), assessment.passPercent()));
    }

    @EventSourcingHandler
    void on(PassMarkChanged event) {
        passPercents.put(event.assessmentCode(), event.passPercent());
    }
}
