package org.awardinghub.api.axon;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.awardinghub.command.privacy.PersonalDataCipher;
import org.awardinghub.events.PersonalData;
import org.awardinghub.query.SealedValues;
import org.springframework.stereotype.Component;

/**
 * Opens a sealed personal value a relational read model kept as stored (the audit log): its JSON read back as
 * maps, lists, texts and numbers, or {@link PersonalData#ERASED} once its subject's key is erased.
 */
@Component
class OpenedValues implements SealedValues {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final PersonalDataCipher cipher;

    OpenedValues(PersonalDataCipher cipher) {
        this.cipher = cipher;
    }

    @Override
    public Object open(String field, Object stored) {
        if (!PersonalDataCipher.isSealed(stored)) {
            return stored;
        }
        return cipher.open((String) stored, field).map(OpenedValues::value).orElse(PersonalData.ERASED);
    }

    private static Object value(String json) {
        try {
            return JSON.readValue(json, Object.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A sealed personal value held no JSON", e);
        }
    }
}
