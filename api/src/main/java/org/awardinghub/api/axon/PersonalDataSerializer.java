package org.awardinghub.api.axon;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.awardinghub.command.privacy.PersonalDataCipher;
import org.awardinghub.events.AuditMetadata;
import org.awardinghub.events.DataSubject;
import org.awardinghub.events.PersonalData;
import org.awardinghub.query.StoredEventSealer;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Converter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * The event serializer: Axon's Jackson serializer, with the personal fields of events sealed per data subject
 * (ADR 0163). Serializing an event whose type names a {@link DataSubject} writes each {@link PersonalData} field as
 * the text {@link PersonalDataCipher} seals it into; serializing the metadata of such an event (it carries
 * {@link AuditMetadata#DATA_SUBJECT}) seals its {@link AuditMetadata#REASON}. Deserializing opens every sealed value
 * again, and one whose subject's key is erased reads as erased: {@link PersonalData#ERASED} for a text, an empty list
 * for a list, null for anything else. An event stored before this serializer (in clear) reads as it was stored.
 * <p>
 * Everything else is Jackson's own: the same types, revisions and converter, so the stored form of events without
 * personal data is unchanged.
 */
final class PersonalDataSerializer implements Serializer {

    private final JacksonSerializer jackson;
    private final ObjectMapper mapper;
    private final PersonalDataCipher cipher;
    private final ClassValue<Optional<Personal>> personal = new ClassValue<>() {
        @Override
        protected Optional<Personal> computeValue(Class<?> type) {
            return Personal.of(type);
        }
    };

    PersonalDataSerializer(JacksonSerializer jackson, PersonalDataCipher cipher) {
        this.jackson = jackson;
        this.mapper = jackson.getObjectMapper();
        this.cipher = cipher;
    }

    /** The personal fields of an event type: the subject's component, and each personal component with its erasure. */
    private record Personal(String subject, Map<String, JsonNode> erasedAs) {

        static Optional<Personal> of(Class<?> type) {
            DataSubject subject = type.getAnnotation(DataSubject.class);
            if (subject == null || !type.isRecord()) {
                return Optional.empty();
            }
            Map<String, JsonNode> erasedAs = new HashMap<>();
            Arrays.stream(type.getRecordComponents())
                    .filter(component -> component.isAnnotationPresent(PersonalData.class))
                    .forEach(component -> erasedAs.put(component.getName(), erased(component)));
            return Optional.of(new Personal(subject.value(), Map.copyOf(erasedAs)));
        }

        private static JsonNode erased(RecordComponent component) {
            if (component.getType() == String.class) {
                return JsonNodeFactory.instance.textNode(PersonalData.ERASED);
            }
            if (Collection.class.isAssignableFrom(component.getType())) {
                return JsonNodeFactory.instance.arrayNode();
            }
            return JsonNodeFactory.instance.nullNode();
        }
    }

    @Override
    public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
        if (object instanceof MetaData metadata && metadata.get(AuditMetadata.DATA_SUBJECT) instanceof String subject) {
            return jackson.serialize(sealedMetaData(metadata, subject), expectedRepresentation);
        }
        Optional<Personal> fields = object == null ? Optional.empty() : personal.get(object.getClass());
        if (fields.isEmpty()) {
            return jackson.serialize(object, expectedRepresentation);
        }
        ObjectNode tree = mapper.valueToTree(object);
        JsonNode subject = tree.get(fields.get().subject());
        if (subject != null && subject.isTextual()) {
            fields.get().erasedAs().forEach((field, erased) -> seal(tree, subject.asText(), field, erased));
        }
        try {
            SerializedObject<byte[]> serialized = new SimpleSerializedObject<>(
                    mapper.writeValueAsBytes(tree), byte[].class, typeForClass(object.getClass()));
            return getConverter().convert(serialized, expectedRepresentation);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An event could not be serialized", e);
        }
    }

    private MetaData sealedMetaData(MetaData metadata, String subject) {
        Object reason = metadata.get(AuditMetadata.REASON);
        if (!(reason instanceof String text) || PersonalDataCipher.isSealed(text)) {
            return metadata;
        }
        String stored = cipher.seal(subject, AuditMetadata.REASON, json(JsonNodeFactory.instance.textNode(text)))
                .orElse(PersonalData.ERASED);
        return metadata.and(AuditMetadata.REASON, stored);
    }

    /**
     * An event stored in clear by an earlier release, sealed as it would be stored now (ADR 0164); empty when its type
     * has no personal fields or none of them is in clear.
     */
    Optional<StoredEventSealer.StoredForm> sealStored(String payloadType, StoredEventSealer.StoredForm stored) {
        Class<?> type = classForType(new SimpleSerializedType(payloadType, null));
        Optional<Personal> fields = personal.get(type);
        if (fields.isEmpty() || stored.payload() == null) {
            return Optional.empty();
        }
        try {
            if (!(mapper.readTree(stored.payload()) instanceof ObjectNode tree)) {
                return Optional.empty();
            }
            JsonNode subject = tree.get(fields.get().subject());
            if (subject == null || !subject.isTextual()) {
                return Optional.empty();
            }
            boolean sealed = false;
            for (Map.Entry<String, JsonNode> field : fields.get().erasedAs().entrySet()) {
                sealed |= seal(tree, subject.asText(), field.getKey(), field.getValue());
            }
            String metadata = stored.metadata();
            if (metadata != null && mapper.readTree(metadata) instanceof ObjectNode meta) {
                JsonNode reason = meta.get(AuditMetadata.REASON);
                if (reason != null && reason.isTextual() && !PersonalDataCipher.isSealed(reason.asText())) {
                    seal(
                            meta,
                            subject.asText(),
                            AuditMetadata.REASON,
                            JsonNodeFactory.instance.textNode(PersonalData.ERASED));
                    sealed = true;
                }
                if (sealed) {
                    meta.put(AuditMetadata.DATA_SUBJECT, subject.asText());
                    metadata = mapper.writeValueAsString(meta);
                }
            }
            return sealed
                    ? Optional.of(new StoredEventSealer.StoredForm(mapper.writeValueAsString(tree), metadata))
                    : Optional.empty();
        } catch (JsonProcessingException e) {
            return Optional.empty(); // not JSON: never one of ours, left as it is
        }
    }

    /** Seals the field in place; answers whether it was in clear. */
    private boolean seal(ObjectNode tree, String subject, String field, JsonNode erased) {
        JsonNode value = tree.get(field);
        if (value == null || value.isNull() || (value.isTextual() && PersonalDataCipher.isSealed(value.asText()))) {
            return false; // nothing recorded, or sealed already
        }
        tree.set(
                field,
                cipher.seal(subject, field, json(value))
                        .<JsonNode>map(JsonNodeFactory.instance::textNode)
                        .orElse(erased));
        return true;
    }

    @Override
    public <S, T> T deserialize(SerializedObject<S> serializedObject) {
        SerializedType type = serializedObject.getType();
        if (SerializedType.isEmptyType(type)) {
            return jackson.deserialize(serializedObject);
        }
        Class<?> target = classForType(type);
        if (MetaData.class.equals(target)) {
            MetaData metadata = jackson.deserialize(serializedObject);
            return cast(opened(metadata));
        }
        Optional<Personal> fields = personal.get(target);
        if (fields.isEmpty()) {
            return jackson.deserialize(serializedObject);
        }
        JsonNode stored =
                getConverter().convert(serializedObject, JsonNode.class).getData();
        if (!(stored instanceof ObjectNode object)) {
            return jackson.deserialize(serializedObject);
        }
        ObjectNode tree = object.deepCopy();
        fields.get().erasedAs().forEach((field, erased) -> open(tree, field, erased));
        return jackson.deserialize(new SimpleSerializedObject<>(tree, JsonNode.class, type));
    }

    private void open(ObjectNode tree, String field, JsonNode erased) {
        JsonNode value = tree.get(field);
        if (value == null || !value.isTextual() || !PersonalDataCipher.isSealed(value.asText())) {
            return; // stored in clear (before sealing), or never given
        }
        tree.set(field, cipher.open(value.asText(), field).map(this::tree).orElse(erased));
    }

    private MetaData opened(MetaData metadata) {
        Object reason = metadata.get(AuditMetadata.REASON);
        if (!PersonalDataCipher.isSealed(reason)) {
            return metadata;
        }
        String opened = cipher.open((String) reason, AuditMetadata.REASON)
                .map(this::tree)
                .map(JsonNode::asText)
                .orElse(PersonalData.ERASED);
        return metadata.and(AuditMetadata.REASON, opened);
    }

    private String json(JsonNode value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A personal value could not be written as JSON", e);
        }
    }

    private JsonNode tree(String json) {
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A sealed personal value held no JSON", e);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object value) {
        return (T) value;
    }

    @Override
    public <T> boolean canSerializeTo(Class<T> expectedRepresentation) {
        return jackson.canSerializeTo(expectedRepresentation);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class classForType(SerializedType type) {
        return jackson.classForType(type);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public SerializedType typeForClass(Class type) {
        return jackson.typeForClass(type);
    }

    @Override
    public Converter getConverter() {
        return jackson.getConverter();
    }
}
