package org.awardinghub.events;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A field of an event that is personal data of the event's {@link DataSubject}: a name, a date of birth, a ULN, an
 * email address, a free-text reason or description that may name people, a reference to an uploaded file. It is
 * stored encrypted with the data subject's own key, never in clear; once the key is erased it reads as
 * {@link #ERASED} (a text), an empty list, or null (anything else), and the stored event itself is never rewritten.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD})
public @interface PersonalData {

    /** What a text field reads as once its data subject has been erased. */
    String ERASED = "(erased)";
}
