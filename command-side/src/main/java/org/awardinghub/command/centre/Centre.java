package org.awardinghub.command.centre;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.awardinghub.command.ExpectedVersion;
import org.awardinghub.command.InvalidCommand;
import org.awardinghub.command.Reason;
import org.awardinghub.command.RuleViolation;
import org.awardinghub.command.Snapshots;
import org.awardinghub.command.Text;
import org.awardinghub.command.qualification.CatalogueCode;
import org.awardinghub.command.qualification.QualificationDirectory;
import org.awardinghub.events.centre.CentreApplied;
import org.awardinghub.events.centre.CentreApproved;
import org.awardinghub.events.centre.CentreDetailsAmended;
import org.awardinghub.events.centre.CentreQualificationApproved;
import org.awardinghub.events.centre.CentreQualificationRemoved;
import org.awardinghub.events.centre.CentreReinstated;
import org.awardinghub.events.centre.CentreSanctionImposed;
import org.awardinghub.events.centre.CentreSanctionLifted;
import org.awardinghub.events.centre.CentreStatus;
import org.awardinghub.events.centre.CentreSuspended;
import org.awardinghub.events.centre.CentreWithdrawn;
import org.awardinghub.events.centre.DirectClaimStatusGranted;
import org.awardinghub.events.centre.DirectClaimStatusRemoved;
import org.awardinghub.events.centre.Sanction;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.eventsourcing.conflictresolution.ConflictResolver;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A centre: applied, then approved (with a centre number) and possibly suspended and reinstated, until it is
 * withdrawn for good. It holds the qualifications it may offer, Direct Claim Status and sanctions.
 */
@Aggregate(snapshotTriggerDefinition = Snapshots.LONG_LIVED)
public class Centre {

    @AggregateIdentifier
    private String centreId;

    private CentreStatus status;
    private CentreDetails details;
    private boolean directClaimStatus;
    private final Set<String> qualificationCodes = new HashSet<>();
    private final EnumSet<Sanction> sanctions = EnumSet.noneOf(Sanction.class);

    /** For Axon, which rebuilds the centre from its events. */
    protected Centre() {}

    @CommandHandler
    Centre(CreateCentre command) {
        String id = Text.identifier("centreId", command.centreId());
        CentreDetails applied = CentreDetails.checked(command.name(), command.address(), command.contactEmail());
        apply(new CentreApplied(id, applied.name(), applied.address(), applied.contactEmail()));
    }

    /** Answers the centre number assigned. */
    @CommandHandler
    String handle(ApproveCentre command, QualificationDirectory catalogue, CentreDirectory directory) {
        requireStatus("approved", CentreStatus.APPLIED);
        List<String> codes = knownQualifications(command.qualificationCodes(), catalogue);
        String number = directory.nextCentreNumber();
        apply(new CentreApproved(centreId, number, codes, command.directClaimStatus()));
        return number;
    }

    @CommandHandler
    void handle(SuspendCentre command) {
        requireStatus("suspended", CentreStatus.APPROVED);
        apply(new CentreSuspended(centreId, Reason.of(command)));
    }

    @CommandHandler
    void handle(ReinstateCentre command) {
        requireStatus("reinstated", CentreStatus.SUSPENDED);
        apply(new CentreReinstated(centreId, Reason.of(command)));
    }

    @CommandHandler
    void handle(WithdrawCentre command) {
        requireStatus("withdrawn", CentreStatus.APPLIED, CentreStatus.APPROVED, CentreStatus.SUSPENDED);
        apply(new CentreWithdrawn(centreId, Reason.of(command)));
    }

    @CommandHandler
    void handle(GrantDirectClaimStatus command) {
        requireStatus("granted Direct Claim Status", CentreStatus.APPROVED, CentreStatus.SUSPENDED);
        String reason = Reason.of(command);
        if (directClaimStatus) {
            throw new RuleViolation("Centre already has Direct Claim Status");
        }
        apply(new DirectClaimStatusGranted(centreId, reason));
    }

    @CommandHandler
    void handle(RemoveDirectClaimStatus command) {
        requireStatus("have Direct Claim Status removed", CentreStatus.APPROVED, CentreStatus.SUSPENDED);
        String reason = Reason.of(command);
        if (!directClaimStatus) {
            throw new RuleViolation("Centre does not have Direct Claim Status");
        }
        apply(new DirectClaimStatusRemoved(centreId, reason));
    }

    @CommandHandler
    void handle(ApproveCentreQualification command, QualificationDirectory catalogue) {
        requireStatus("approved for a qualification", CentreStatus.APPROVED, CentreStatus.SUSPENDED);
        String reason = Reason.of(command);
        String code = Text.required("qualificationCode", command.qualificationCode(), CatalogueCode.MAX_LENGTH);
        if (!catalogue.exists(code)) {
            throw new InvalidCommand("qualificationCode", "unknown qualification " + code);
        }
        if (qualificationCodes.contains(code)) {
            throw new RuleViolation("Centre is already approved for qualification " + code);
        }
        apply(new CentreQualificationApproved(centreId, code, reason));
    }

    @CommandHandler
    void handle(RemoveCentreQualification command) {
        requireStatus("have a qualification removed", CentreStatus.APPROVED, CentreStatus.SUSPENDED);
        String reason = Reason.of(command);
        String code = Text.required("qualificationCode", command.qualificationCode(), CatalogueCode.MAX_LENGTH);
        if (!qualificationCodes.contains(code)) {
            throw new RuleViolation("Centre is not approved for qualification " + code);
        }
        apply(new CentreQualificationRemoved(centreId, code, reason));
    }

    @CommandHandler
    void handle(ImposeSanction command) {
        requireStatus("sanctioned", CentreStatus.APPROVED, CentreStatus.SUSPENDED);
        String reason = Reason.of(command);
        Sanction sanction = requiredSanction(command.sanction());
        if (sanctions.contains(sanction)) {
            throw new RuleViolation("Sanction " + sanction + " is already imposed on this centre");
        }
        apply(new CentreSanctionImposed(centreId, sanction, reason));
    }

    @CommandHandler
    void handle(LiftSanction command) {
        requireStatus("have a sanction lifted", CentreStatus.APPROVED, CentreStatus.SUSPENDED);
        String reason = Reason.of(command);
        Sanction sanction = requiredSanction(command.sanction());
        if (!sanctions.contains(sanction)) {
            throw new RuleViolation("Sanction " + sanction + " is not imposed on this centre");
        }
        apply(new CentreSanctionLifted(centreId, sanction, reason));
    }

    /** Answers the centre's version after it (unchanged when nothing changed): the API's next ETag. */
    @CommandHandler
    long handle(AmendCentreDetails command, ConflictResolver conflicts) {
        ExpectedVersion.check(conflicts);
        if (status == CentreStatus.WITHDRAWN) {
            throw new RuleViolation("Centre is WITHDRAWN; a withdrawn centre's details cannot be amended");
        }
        CentreDetails amended = CentreDetails.checked(command.name(), command.address(), command.contactEmail());
        String reason = Reason.of(command);
        if (amended.equals(details)) {
            return getVersion(); // nothing changed, so nothing to record
        }
        apply(new CentreDetailsAmended(
                centreId,
                details.name(),
                amended.name(),
                details.address(),
                amended.address(),
                details.contactEmail(),
                amended.contactEmail(),
                reason));
        return getVersion();
    }

    @EventSourcingHandler
    void on(CentreApplied event) {
        centreId = event.centreId();
        status = CentreStatus.APPLIED;
        details = new CentreDetails(event.name(), event.address(), event.contactEmail());
    }

    @EventSourcingHandler
    void on(CentreApproved event) {
        status = CentreStatus.APPROVED;
        qualificationCodes.addAll(event.qualificationCodes());
        directClaimStatus = event.directClaimStatus();
    }

    @EventSourcingHandler
    void on(CentreSuspended event) {
        status = CentreStatus.SUSPENDED;
    }

    @EventSourcingHandler
    void on(CentreReinstated event) {
        status = CentreStatus.APPROVED;
    }

    @EventSourcingHandler
    void on(CentreWithdrawn event) {
        status = CentreStatus.WITHDRAWN;
    }

    @EventSourcingHandler
    void on(DirectClaimStatusGranted event) {
        directClaimStatus = true;
    }

    @EventSourcingHandler
    void on(DirectClaimStatusRemoved event) {
        directClaimStatus = false;
    }

    @EventSourcingHandler
    void on(CentreQualificationApproved event) {
        qualificationCodes.add(event.qualificationCode());
    }

    @EventSourcingHandler
    void on(CentreQualificationRemoved event) {
        qualificationCodes.remove(event.qualificationCode());
    }

    @EventSourcingHandler
    void on(CentreSanctionImposed event) {
        sanctions.add(event.sanction());
    }

    @EventSourcingHandler
    void on(CentreSanctionLifted event) {
        sanctions.remove(event.sanction());
    }

    @EventSourcingHandler
    void on(CentreDetailsAmended event) {
        details = new CentreDetails(event.name(), event.address(), event.contactEmail());
    }

    /** Refuses naming the current status and those that would allow it: "only an APPLIED centre can be approved". */
    private void requireStatus(String action, CentreStatus... allowed) {
        List<CentreStatus> permitted = List.of(allowed);
        if (permitted.contains(status)) {
            return;
        }
        List<String> names = permitted.stream().map(Enum::name).toList();
        String listed = names.size() == 1
                ? names.get(0)
                : String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
        String article = "AEIOU".indexOf(listed.charAt(0)) >= 0 ? "an " : "a ";
        throw new RuleViolation("Centre is " + status + "; only " + article + listed + " centre can be " + action);
    }

    private static List<String> knownQualifications(List<String> codes, QualificationDirectory catalogue) {
        if (codes == null || codes.isEmpty()) {
            throw new InvalidCommand("qualificationCodes", "at least one qualification is required");
        }
        Set<String> known = new LinkedHashSet<>();
        for (String given : codes) {
            String code = Text.required("qualificationCodes", given, CatalogueCode.MAX_LENGTH);
            if (!known.add(code)) {
                throw new InvalidCommand("qualificationCodes", "qualification " + code + " is listed twice");
            }
            if (!catalogue.exists(code)) {
                throw new InvalidCommand("qualificationCodes", "unknown qualification " + code);
            }
        }
        return List.copyOf(known);
    }

    private static Sanction requiredSanction(Sanction sanction) {
        if (sanction == null) {
            throw new InvalidCommand("sanction", "a sanction (REGISTRATIONS or CERTIFICATION) is required");
        }
        return sanction;
    }
}
