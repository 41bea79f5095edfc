package org.awardinghub.api.axon;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.serialization.Serializer;
import org.axonframework.tracing.SpanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

/**
 * Deadlines that survive a restart: Axon's deadline manager on db-scheduler, whose tasks live in the
 * {@code scheduled_tasks} table of the application's own database (H2 or PostgreSQL; {@code db/scheduler.sql}).
 * With several nodes on one database, exactly one node runs each deadline. The scheduler reads the application's
 * clock, so what is due is judged by the same time as the attempt's own rules. Axon's auto-configuration for
 * db-scheduler is excluded (application.properties): this is the one place deadlines are configured.
 * <p>
 * The scheduler reaches the database through a {@link TransactionAwareDataSourceProxy}: a deadline scheduled or
 * cancelled by a command is written on the command's own connection, in its transaction (db-scheduler leaves the
 * commit to whoever turned auto-commit off). Without it every such command held one pooled connection while asking
 * the pool for a second, and a room of candidates pressing Start together exhausted the pool: each waited for a
 * connection only another waiting start could give back. It also makes a deadline commit or roll back with its
 * command. Outside a transaction (the scheduler's own polling and bookkeeping) the proxy hands out an ordinary
 * pooled connection.
 * <p>
 * The application's recurring tasks (the daily retention review, ADR 0166) run on the same scheduler: each is one
 * row of {@code scheduled_tasks}, picked by one node when due, and scheduled at start-up when missing.
 */
@Configuration
class DeadlineConfiguration {

    @Bean
    public Scheduler deadlineScheduler(
            DataSource dataSource,
            Clock clock,
            ObjectProvider<DbSchedulerDeadlineManager> deadlineManager,
            List<RecurringTask<?>> recurringTasks,
            @Value("${awarding.deadlines.polling-interval:1s}") Duration pollingInterval,
            @Value("${awarding.deadlines.threads:2}") int threads) {
        return Scheduler.create(
                        new TransactionAwareDataSourceProxy(dataSource),
                        List.of(DbSchedulerDeadlineManager.binaryTask(deadlineManager::getObject)))
                .clock(clock::instant)
                .pollingInterval(pollingInterval)
                .threads(threads)
                .startTasks(recurringTasks)
                .tableName("scheduled_tasks")
                .alwaysPersistTimestampInUTC()
                .build();
    }

    /** Started and stopped with Axon's own lifecycle, after the aggregates it delivers deadlines to exist. */
    @Bean
    public DbSchedulerDeadlineManager deadlineManager(
            Scheduler deadlineScheduler,
            org.axonframework.config.Configuration axon,
            @Qualifier("eventSerializer") Serializer serializer,
            TransactionManager transactionManager,
            SpanFactory spanFactory) {
        return DbSchedulerDeadlineManager.builder()
                .scheduler(deadlineScheduler)
                .scopeAwareProvider(new ConfigurationScopeAwareProvider(axon))
                .serializer(serializer)
                .transactionManager(transactionManager)
                .spanFactory(spanFactory)
                .startScheduler(true)
                .stopScheduler(true)
                .build();
    }
}
