package org.awardinghub.command.user;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.awardinghub.command.CommandLookups;
import org.awardinghub.command.EmailAddress;
import org.awardinghub.events.user.Role;
import org.awardinghub.events.user.UserCreated;
import org.awardinghub.events.user.UserDeactivated;
import org.awardinghub.events.user.UserDetailsAmended;
import org.awardinghub.events.user.UserReactivated;
import org.awardinghub.events.user.UserRolesChanged;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Every user ever created, with their PIN and email: the unique constraints on this table are what make PINs
 * unique and never reused, and an email unique within a centre (or among IMI staff). Also what sign-in reads.
 */
@Component
@ProcessingGroup(CommandLookups.PROCESSING_GROUP)
public class UserDirectory {

    /** Stands for "no centre" in the email key, so that IMI staff share one namespace of their own. */
    static final String IMI = "IMI";

    private static final String COLUMNS = "user_id, pin, name, email, roles, centre_id, active, candidate_id";

    private final JdbcTemplate jdbc;

    public UserDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    public void on(UserCreated event) {
        jdbc.update("INSERT INTO user_directory (user_id, pin, email_key, centre_id, name, email, roles, active,"
                        + " candidate_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                event.userId(), event.pin(), emailKey(event.centreId(), event.email()), event.centreId(),
                event.name(), event.email(), rolesColumn(event.roles()), true, event.candidateId());
    }

    @EventHandler
    public void on(UserRolesChanged event) {
        jdbc.update("UPDATE user_directory SET roles = ? WHERE user_id = ?",
                rolesColumn(event.roles()), event.userId());
    }

    @EventHandler
    public void on(UserDetailsAmended event) {
        jdbc.update("UPDATE user_directory SET name = ?, email = ?, email_key = ? WHERE user_id = ?",
                event.name(), event.email(), emailKey(event.centreId(), event.email()), event.userId());
    }

    @EventHandler
    public void on(UserDeactivated event) {
        jdbc.update("UPDATE user_directory SET active = ? WHERE user_id = ?", false, event.userId());
    }

    @EventHandler
    public void on(UserReactivated event) {
        jdbc.update("UPDATE user_directory SET active = ? WHERE user_id = ?", true, event.userId());
    }

    public Optional<UserAccount> findByPin(String pin) {
        return jdbc.query("SELECT " + COLUMNS + " FROM user_directory WHERE pin = ?", UserDirectory::account, pin)
                .stream().findFirst();
    }

    public Optional<UserAccount> findById(String userId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM user_directory WHERE user_id = ?", UserDirectory::account,
                userId).stream().findFirst();
    }

    /** The candidate's own account, active or not. */
    public Optional<UserAccount> findByCandidate(String candidateId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM user_directory WHERE candidate_id = ?", UserDirectory::account,
                candidateId).stream().findFirst();
    }

    /** Also true for deactivated users' PINs: a PIN is never issued twice. */
    public boolean pinTaken(String pin) {
        return count("SELECT COUNT(*) FROM user_directory WHERE pin = ?", pin) > 0;
    }

    /** Whether any user of the centre (null: IMI staff), active or not, has this email in any letter case. */
    public boolean emailTaken(String centreId, String email) {
        return count("SELECT COUNT(*) FROM user_directory WHERE email_key = ?", emailKey(centreId, email)) > 0;
    }

    /** Whether someone can still administer the system; when not, the application may create the first admin. */
    public boolean anyImiAdmin() {
        // roles are stored comma-separated; framing with commas matches whole role names only
        return count("SELECT COUNT(*) FROM user_directory WHERE active = TRUE AND ',' || roles || ',' LIKE ?",
                "%," + Role.IMI_ADMIN.name() + ",%") > 0;
    }

    /** How many active users hold IMI_ADMIN: the system must always keep at least one. */
    public int activeImiAdmins() {
        return count("SELECT COUNT(*) FROM user_directory WHERE active = TRUE AND ',' || roles || ',' LIKE ?",
                "%," + Role.IMI_ADMIN.name() + ",%");
    }

    static String emailKey(String centreId, String email) {
        return (centreId == null ? IMI : centreId) + ":" + EmailAddress.key(email);
    }

    private static String rolesColumn(Set<Role> roles) {
        return EnumSet.copyOf(roles).stream().map(Role::name).collect(Collectors.joining(","));
    }

    private static UserAccount account(ResultSet row, int rowNumber) throws SQLException {
        Set<Role> roles = Arrays.stream(row.getString("roles").split(","))
                .filter(name -> !name.isBlank())
                .map(Role::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
        return new UserAccount(row.getString("user_id"), row.getString("pin"), row.getString("name"),
                row.getString("email"), roles, row.getString("centre_id"), row.getBoolean("active"),
                row.getString("candidate_id"));
    }

    private int count(String sql, String key) {
        Integer rows = jdbc.queryForObject(sql, Integer.class, key);
        return rows == null ? 0 : rows;
    }
}
