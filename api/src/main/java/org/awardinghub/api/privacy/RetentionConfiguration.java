package org.awardinghub.api.privacy;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneOffset;
import org.awardinghub.query.privacy.RetentionPolicy;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The retention policy and its daily review (ADR 0166), from {@code awarding.retention.*}: how long a candidate's
 * record is kept after certification, after withdrawal, and after its last activity when neither; and when, each day
 * (UTC), the review lists the records due for an IMI decision. The review is a recurring task of the application's
 * one db-scheduler ({@code DeadlineConfiguration}): its one row in {@code scheduled_tasks} is picked by one node.
 */
@Configuration
class RetentionConfiguration {

    @Bean
    RetentionPolicy retentionPolicy(
            @Value("${awarding.retention.candidate.after-certification:P40Y}") Period afterCertification,
            @Value("${awarding.retention.candidate.after-withdrawal:P6Y}") Period afterWithdrawal,
            @Value("${awarding.retention.candidate.after-last-activity:P6Y}") Period afterLastActivity) {
        return new RetentionPolicy(afterCertification, afterWithdrawal, afterLastActivity);
    }

    /** Runs {@link RetentionReview#review} once a day; the review itself is looked up when it runs. */
    @Bean
    RecurringTask<Void> retentionReviewTask(
            ObjectProvider<RetentionReview> review,
            @Value("${awarding.retention.review-at:06:00}") LocalTime reviewAt) {
        return Tasks.recurring(RetentionReview.TASK, Schedules.daily(ZoneOffset.UTC, reviewAt))
                .execute((instance, context) -> review.getObject().review());
    }
}
