package org.awardinghub.events;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the field of an event that identifies the person its {@link PersonalData} fields are about: a candidate's
 * or a user's id. That id is pseudonymous (random, meaning nothing outside the system) and stays in clear; the
 * personal fields are encrypted with a key kept for that id alone, and erasing the key forgets them.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface DataSubject {

    /** The record component that holds the data subject's id, for example {@code "candidateId"}. */
    String value();
}
