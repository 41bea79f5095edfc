package org.awardinghub.api.axon;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import org.awardinghub.command.privacy.PersonalDataCipher;
import org.awardinghub.events.AuditMetadata;
import org.awardinghub.events.DataSubject;
import org.awardinghub.query.StoredEventSealer;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Personal data in the event store (ADR 0163): the event serializer seals it per data subject
 * ({@link PersonalDataSerializer}), and every event published names its data subject in its metadata
 * ({@link AuditMetadata#DATA_SUBJECT}), so that the reason the metadata carries is sealed with the subject's key too.
 */
@Configuration(proxyBeanMethods = false)
class PersonalDataConfiguration {

    /** Takes the place of Axon's event serializer: its general Jackson serializer, sealing personal fields. */
    @Bean
    @Qualifier("eventSerializer")
    public static Serializer eventSerializer(@Qualifier("serializer") Serializer general, PersonalDataCipher cipher) {
        if (!(general instanceof JacksonSerializer jackson)) {
            throw new IllegalStateException("The general serializer must be Jackson's (axon.serializer.general)");
        }
        return new PersonalDataSerializer(jackson, cipher);
    }

    /** Seals what an earlier release stored in clear, as the event serializer seals what is stored now. */
    @Bean
    public static StoredEventSealer storedEventSealer(@Qualifier("eventSerializer") Serializer eventSerializer) {
        return ((PersonalDataSerializer) eventSerializer)::sealStored;
    }

    @Autowired
    public void nameDataSubjects(EventBus eventBus) {
        eventBus.registerDispatchInterceptor(new DataSubjectInterceptor());
    }

    /** Adds the payload's data subject to the metadata of each event about one; leaves the others as they are. */
    static final class DataSubjectInterceptor implements MessageDispatchInterceptor<EventMessage<?>> {

        private static final ClassValue<Optional<RecordComponent>> SUBJECT = new ClassValue<>() {
            @Override
            protected Optional<RecordComponent> computeValue(Class<?> type) {
                DataSubject subject = type.getAnnotation(DataSubject.class);
                if (subject == null || !type.isRecord()) {
                    return Optional.empty();
                }
                return Arrays.stream(type.getRecordComponents())
                        .filter(component -> component.getName().equals(subject.value()))
                        .findFirst();
            }
        };

        @Override
        public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
            return (index, event) -> subjectOf(event.getPayload())
                    .<EventMessage<?>>map(subject -> event.andMetaData(Map.of(AuditMetadata.DATA_SUBJECT, subject)))
                    .orElse(event);
        }

        static Optional<String> subjectOf(Object payload) {
            if (payload == null) {
                return Optional.empty();
            }
            return SUBJECT.get(payload.getClass())
                    .map(component -> {
                        try {
                            return component.getAccessor().invoke(payload);
                        } catch (ReflectiveOperationException e) {
                            throw new IllegalStateException("An event's data subject could not be read", e);
                        }
                    })
                    .filter(String.class::isInstance)
                    .map(String.class::cast);
        }
    }
}
