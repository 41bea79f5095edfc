package org.awardinghub.api.axon;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.JpaEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.util.RegisterDefaultEntities;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The JPA event store (H2 or PostgreSQL), as Axon's auto-configuration builds it, but with a longer gap timeout.
 * <p>A global index can be taken by a transaction that commits after later ones; a streaming processor that reads
 * past it remembers the gap and looks again. Axon forgets a gap once the event after it is older than the gap
 * timeout (60 s by default), counted from the events' timestamps. A processor that lags more than that behind the
 * head (a replay, a busy machine, a burst of time limits firing at once) could then read past a gap whose event
 * commits a moment later and never see it: a projection would miss an event, and the audit chain would report it
 * as never hashed. With {@code awarding.event-store.gap-timeout} (10 minutes) a gap is kept until its event is
 * read or it is certainly a rolled-back transaction's; the cost is re-reading the few open gaps meanwhile.
 * Not used with Axon Server, which has no gaps.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false")
@RegisterDefaultEntities(packages = "org.axonframework.eventsourcing.eventstore.jpa") // as the auto-configuration does
class EventStoreConfiguration {

    @Bean
    public EventStorageEngine eventStorageEngine(
            PersistenceExceptionResolver persistenceExceptionResolver,
            @Qualifier("eventSerializer") Serializer eventSerializer,
            org.axonframework.config.Configuration configuration,
            EntityManagerProvider entityManagerProvider,
            TransactionManager transactionManager,
            @Value("${awarding.event-store.gap-timeout:10m}") java.time.Duration gapTimeout) {
        return JpaEventStorageEngine.builder()
                .snapshotSerializer(SnapshotConfiguration.snapshotSerializer())
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .entityManagerProvider(entityManagerProvider)
                .transactionManager(transactionManager)
                .gapTimeout((int) gapTimeout.toMillis())
                .build();
    }
}
