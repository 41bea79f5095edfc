package org.awardinghub.command.user;

import java.util.List;
import java.util.Optional;
import org.awardinghub.events.user.Role;

/**
 * What the command side knows of every user: their PIN, email, roles, centre and whether active, as of the
 * transaction that changed it. Read-only: kept from the events by {@link UserDirectoryTable}, in the transaction
 * that stores them.
 */
public interface UserDirectory {

    Optional<UserAccount> findByPin(String pin);

    Optional<UserAccount> findById(String userId);

    /** The candidate's own account, active or not. */
    Optional<UserAccount> findByCandidate(String candidateId);

    /** Also true for deactivated users' PINs: a PIN is never issued twice. */
    boolean pinTaken(String pin);

    /** Whether any user of the centre (null: IMI staff), active or not, has this email in any letter case. */
    boolean emailTaken(String centreId, String email);

    /** The centre's active users, in name order (no one for a null centre): whom a notice to the centre reaches. */
    List<UserAccount> activeAtCentre(String centreId);

    /** IMI's own active users with {@code role}, in name order: whom a notice to IMI reaches. */
    List<UserAccount> activeImiStaff(Role role);

    /** Whether someone can still administer the system; when not, the application may create the first admin. */
    boolean anyImiAdmin();

    /** How many active users hold IMI_ADMIN: the system must always keep at least one. */
    int activeImiAdmins();
}
