package org.awardinghub.api.axon;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.paramnames.ParameterNamesModule;
import org.awardinghub.command.Snapshots;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Snapshots of the long-lived aggregates ({@link Snapshots#LONG_LIVED}): one after every
 * {@code awarding.snapshots.every-events} events (100), taken right after the command's transaction commits, in a
 * transaction of its own, so that the next load reads the snapshot and the few events after it.
 * <p>
 * An aggregate's state is private fields without getters, which the general serializer (tokens, messages) does not
 * see: snapshots have a serializer of their own that reads and writes fields, and constructors by their parameter
 * names, and nothing else. Snapshots are taken on the JPA event store (H2, PostgreSQL) only; with Axon Server, whose
 * store serializes snapshots with the general serializer, aggregates load from their events as before.
 */
@Configuration(proxyBeanMethods = false)
class SnapshotConfiguration {

    @Bean(Snapshots.LONG_LIVED)
    public SnapshotTriggerDefinition longLivedAggregateSnapshots(
            Snapshotter snapshotter,
            @Value("${awarding.snapshots.every-events:100}") int everyEvents,
            @Value("${axon.axonserver.enabled:false}") boolean axonServer) {
        return axonServer
                ? NoSnapshotTriggerDefinition.INSTANCE
                : new EventCountSnapshotTriggerDefinition(snapshotter, everyEvents);
    }

    /** The serializer of aggregate snapshots: fields, not getters (see above). */
    public static Serializer snapshotSerializer() {
        JsonMapper mapper = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(new ParameterNamesModule())
                .visibility(PropertyAccessor.ALL, Visibility.NONE)
                .visibility(PropertyAccessor.FIELD, Visibility.ANY)
                .visibility(PropertyAccessor.CREATOR, Visibility.ANY)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .build();
        return JacksonSerializer.builder().objectMapper(mapper).build();
    }
}
