package org.awardinghub.api.privacy;

import java.sql.Date;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.awardinghub.api.Queries;
import org.awardinghub.api.mail.Mailer;
import org.awardinghub.command.user.UserAccount;
import org.awardinghub.command.user.UserDirectory;
import org.awardinghub.events.user.Role;
import org.awardinghub.query.Page;
import org.awardinghub.query.privacy.CountRetentionDue;
import org.awardinghub.query.privacy.RetentionDue;
import org.awardinghub.query.privacy.RetentionDueDates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily retention review (ADR 0166): lists how many candidate records are due for an IMI decision today and
 * records it ({@code retention_reviews}), and, when records fell due since the review before, emails IMI's active
 * administrators how many, with a link to the Privacy page: counts only, no one is named. The row and the emails'
 * outbox copies commit together, and a day already reviewed (by another node, or before a restart) is not reviewed
 * again, so a day is told once. It never erases anything: erasure is an IMI administrator's decision, one record
 * at a time.
 */
@Component
public class RetentionReview {

    /** The recurring task's name in {@code scheduled_tasks}. */
    public static final String TASK = "retention-review";

    /** What one day's review found. */
    public record Review(
            LocalDate reviewedOn, Instant reviewedAt, long due, long newlyDue, LocalDate oldestDueOn, int notified) {}

    private static final Logger LOG = LoggerFactory.getLogger(RetentionReview.class);

    private final JdbcTemplate jdbc;
    private final Queries queries;
    private final RetentionDueDates dueDates;
    private final UserDirectory users;
    private final Mailer mailer;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final String publicUrl;

    RetentionReview(
            JdbcTemplate jdbc,
            Queries queries,
            RetentionDueDates dueDates,
            UserDirectory users,
            Mailer mailer,
            Clock clock,
            PlatformTransactionManager transactions,
            @Value("${awarding.public-url}") String publicUrl) {
        this.jdbc = jdbc;
        this.queries = queries;
        this.dueDates = dueDates;
        this.users = users;
        this.mailer = mailer;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
        this.publicUrl = publicUrl;
    }

    /** Reviews today, unless today was reviewed already; answers whether it did. */
    public boolean review() {
        int recounted = dueDates.recount();
        if (recounted > 0) {
            LOG.info("Retention: {} due dates counted again with the retention periods now set", recounted);
        }
        LocalDate today = LocalDate.now(clock);
        Boolean reviewed = transaction.execute(status -> {
            if (find(today) != null) {
                return false;
            }
            LocalDate since = jdbc.queryForObject(
                    "SELECT MAX(reviewed_on) FROM retention_reviews WHERE reviewed_on < ?",
                    LocalDate.class,
                    Date.valueOf(today));
            RetentionDue due = queries.one(new CountRetentionDue(today, since), RetentionDue.class)
                    .orElseThrow();
            List<UserAccount> told = due.newlyDue() == 0
                    ? List.of()
                    : users.activeImiStaff(Role.IMI_ADMIN).stream()
                            .filter(user ->
                                    user.email() != null && !user.email().isBlank())
                            .toList();
            int inserted = jdbc.update(
                    "INSERT INTO retention_reviews (reviewed_on, reviewed_at, due, newly_due, oldest_due_on, notified)"
                            + " SELECT ?, ?, ?, ?, ?, ? WHERE NOT EXISTS"
                            + " (SELECT 1 FROM retention_reviews WHERE reviewed_on = ?)",
                    Date.valueOf(today),
                    clock.millis(),
                    due.due(),
                    due.newlyDue(),
                    due.oldestDueOn() == null ? null : Date.valueOf(due.oldestDueOn()),
                    told.size(),
                    Date.valueOf(today));
            if (inserted == 0) {
                return false;
            }
            for (UserAccount admin : told) {
                mailer.send(admin.email(), subject(due), body(admin, due));
            }
            return true;
        });
        if (Boolean.TRUE.equals(reviewed)) {
            LOG.info("Retention review of {}: records due for a decision listed on the Privacy page", today);
        }
        return Boolean.TRUE.equals(reviewed);
    }

    /** The reviews, newest first. */
    public Page<Review> reviews(int page, int size) {
        Long total = jdbc.queryForObject("SELECT COUNT(*) FROM retention_reviews", Long.class);
        List<Review> items = jdbc.query(
                "SELECT reviewed_on, reviewed_at, due, newly_due, oldest_due_on, notified FROM retention_reviews"
                        + " ORDER BY reviewed_on DESC LIMIT " + size + " OFFSET " + (long) page * size,
                (rs, n) -> review(rs));
        return new Page<>(items, page, size, total == null ? 0 : total);
    }

    private Review find(LocalDate day) {
        return jdbc
                .query(
                        "SELECT reviewed_on, reviewed_at, due, newly_due, oldest_due_on, notified FROM retention_reviews"
                                + " WHERE reviewed_on = ?",
                        (rs, n) -> review(rs),
                        Date.valueOf(day))
                .stream()
                .findFirst()
                .orElse(null);
    }

    private static Review review(java.sql.ResultSet rs) throws java.sql.SQLException {
        Date oldest = rs.getDate(5);
        return new Review(
                rs.getDate(1).toLocalDate(),
                Instant.ofEpochMilli(rs.getLong(2)),
                rs.getLong(3),
                rs.getLong(4),
                oldest == null ? null : oldest.toLocalDate(),
                rs.getInt(6));
    }

    private static String subject(RetentionDue due) {
        return "Retention: " + due.newlyDue() + (due.newlyDue() == 1 ? " candidate record" : " candidate records")
                + " newly due for a decision";
    }

    private String body(UserAccount admin, RetentionDue due) {
        return "Dear " + admin.name() + ",\n\n"
                + "Today's retention review found " + due.due()
                + (due.due() == 1 ? " candidate record" : " candidate records")
                + " at the end of its retention period and awaiting a decision, " + due.newlyDue()
                + " of them due since the last review"
                + (due.oldestDueOn() == null ? "" : "; the longest has been due since " + due.oldestDueOn()) + ".\n\n"
                + "Nothing is erased until an IMI administrator decides: erase, hold or keep each record longer on the"
                + " Privacy page:\n" + publicUrl + "/#/privacy\n\n"
                + "Awarding Hub\n";
    }
}
