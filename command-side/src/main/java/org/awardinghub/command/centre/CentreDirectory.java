package org.awardinghub.command.centre;

import java.util.Optional;
import java.util.Set;
import org.awardinghub.events.centre.CentreStatus;
import org.awardinghub.events.centre.Sanction;

/**
 * What the command side knows of every centre: its status, number, approved qualifications, sanctions and Direct
 * Claim Status, as of the transaction that changed it. Read-only: kept from the events by {@link
 * CentreDirectoryTable}, in the transaction that stores them.
 */
public interface CentreDirectory {

    Optional<CentreStatus> statusOf(String centreId);

    /** The id of the centre that was issued this number; empty when none was (numbers are never reissued). */
    Optional<String> centreIdOfNumber(String centreNumber);

    /**
     * The centre's status, refusing a centre that does not exist (404) or is withdrawn (409).
     * {@code refusal} completes "Centre is WITHDRAWN; ..." with what cannot happen.
     */
    CentreStatus requireNotWithdrawn(String centreId, String refusal);

    /**
     * Why the centre may not take a candidate on the qualification, or empty when it may. The one statement of
     * the rule: a centre registers (and receives transfers) only when it is APPROVED, under no REGISTRATIONS
     * sanction, and approved for the qualification. One single-row read.
     */
    Optional<RegistrationRefusal> registrationRefusal(String centreId, String qualificationCode);

    /** Whether the centre is approved for the qualification now, whatever its status. */
    boolean approvedFor(String centreId, String qualificationCode);

    /** The sanctions in force on the centre; empty also for an unknown centre. */
    Set<Sanction> sanctionsOn(String centreId);

    /**
     * Whether the centre holds Direct Claim Status now: its claims are then issued at once. False for an unknown
     * centre. Suspension and sanctions leave the status as it is; they stop claims by themselves.
     */
    boolean hasDirectClaimStatus(String centreId);

    /**
     * The number after the highest issued. Approvals take numbers one at a time: the row of
     * {@code centre_number_lock} is locked until the approving transaction ends, so that an approval at the same
     * moment waits and then reads the number just issued (it used to read the same highest number and fail on the
     * UNIQUE constraint, which still guards the numbers).
     */
    String nextCentreNumber();
}
