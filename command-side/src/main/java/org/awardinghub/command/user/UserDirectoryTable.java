package org.awardinghub.command.user;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.awardinghub.command.CommandLookups;
import org.awardinghub.command.EmailAddress;
import org.awardinghub.events.PersonalData;
import org.awardinghub.events.user.Role;
import org.awardinghub.events.user.UserCreated;
import org.awardinghub.events.user.UserDeactivated;
import org.awardinghub.events.user.UserDetailsAmended;
import org.awardinghub.events.user.UserErased;
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
final class UserDirectoryTable implements UserDirectory {

    /** Stands for "no centre" in the email key, so that IMI staff share one namespace of their own. */
    static final String IMI = "IMI";

    private static final String COLUMNS = "user_id, pin, name, email, roles, centre_id, active, candidate_id";

    private final JdbcTemplate jdbc;

    UserDirectoryTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(UserCreated event) {
        jdbc.update(
                "INSERT INTO user_directory (user_id, pin, email_key, centre_id, name, email, roles, active,"
                        + " candidate_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                event.userId(),
                event.pin(),
                emailKey(event.centreId(), event.email()),
                event.centreId(),
                event.name(),
                event.email(),
                rolesColumn(event.roles()),
                true,
                event.candidateId());
    }

    @EventHandler
    void on(UserRolesChanged event) {
        jdbc.update(
                "UPDATE user_directory SET roles = ? WHERE user_id = ?", rolesColumn(event.roles()), event.userId());
    }

    @EventHandler
    void on(UserDetailsAmended event) {
        jdbc.update(
                "UPDATE user_directory SET name = ?, email = ?, email_key = ? WHERE user_id = ?",
                event.name(),
                event.email(),
                emailKey(event.centreId(), event.email()),
                event.userId());
    }

    @EventHandler
    void on(UserDeactivated event) {
        jdbc.update("UPDATE user_directory SET active = ? WHERE user_id = ?", false, event.userId());
    }

    /** Closed, with no name or email kept; the key of the email is freed for someone else's. */
    @EventHandler
    void on(UserErased event) {
        jdbc.update(
                "UPDATE user_directory SET active = ?, name = ?, email = ?, email_key = ? WHERE user_id = ?",
                false,
                PersonalData.ERASED,
                PersonalData.ERASED,
                "erased:" + event.userId(),
                event.userId());
    }

    @EventHandler
    void on(UserReactivated event) {
        jdbc.update("UPDATE user_directory SET active = ? WHERE user_id = ?", true, event.userId());
    }

    @Override
    public Optional<UserAccount> findByPin(String pin) {
        return jdbc
                .query("SELECT " + COLUMNS + " FROM user_directory WHERE pin = ?", UserDirectoryTable::account, pin)
                .stream()
                .findFirst();
    }

    @Override
    public Optional<UserAccount> findById(String userId) {
        return jdbc
                .query(
                        "SELECT " + COLUMNS + " FROM user_directory WHERE user_id = ?",
                        UserDirectoryTable::account,
                        userId)
                .stream()
                .findFirst();
    }

    @Override
    public Optional<UserAccount> findByCandidate(String candidateId) {
        return jdbc
                .query(
                        "SELECT " + COLUMNS + " FROM user_directory WHERE candidate_id = ?",
                        UserDirectoryTable::account,
                        candidateId)
                .stream()
                .findFirst();
    }

    @Override
    public List<UserAccount> activeAtCentre(String centreId) {
        if (centreId == null) {
            return List.of();
        }
        return jdbc.query(
                "SELECT " + COLUMNS
                        + " FROM user_directory WHERE centre_id = ? AND active = TRUE ORDER BY name, user_id",
                UserDirectoryTable::account,
                centreId);
    }

    @Override
    public List<UserAccount> activeImiStaff(Role role) {
        // roles are stored comma-separated; framing with commas matches whole role names only
        return jdbc.query(
                "SELECT " + COLUMNS + " FROM user_directory WHERE centre_id IS NULL AND active = TRUE"
                        + " AND ',' || roles || ',' LIKE ? ORDER BY name, user_id",
                UserDirectoryTable::account,
                "%," + role.name() + ",%");
    }

    @Override
    public boolean pinTaken(String pin) {
        return count("SELECT COUNT(*) FROM user_directory WHERE pin = ?", pin) > 0;
    }

    @Override
    public boolean emailTaken(String centreId, String email) {
        return count("SELECT COUNT(*) FROM user_directory WHERE email_key = ?", emailKey(centreId, email)) > 0;
    }

    @Override
    public boolean anyImiAdmin() {
        // roles are stored comma-separated; framing with commas matches whole role names only
        return count(
                        "SELECT COUNT(*) FROM user_directory WHERE active = TRUE AND ',' || roles || ',' LIKE ?",
                        "%," + Role.IMI_ADMIN.name() + ",%")
                > 0;
    }

    @Override
    public int activeImiAdmins() {
        return count(
                "SELECT COUNT(*) FROM user_directory WHERE active = TRUE AND ',' || roles || ',' LIKE ?",
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
        return new UserAccount(
                row.getString("user_id"),
                row.getString("pin"),
                row.getString("name"),
                row.getString("email"),
                roles,
                row.getString("centre_id"),
                row.getBoolean("active"),
                row.getString("candidate_id"));
    }

    private int count(String sql, String key) {
        Integer rows = jdbc.queryForObject(sql, Integer.class, key);
        return rows == null ? 0 : rows;
    }
}
