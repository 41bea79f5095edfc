package org.awardinghub.api.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.awardinghub.events.user.Role;

/**
 * Who may call an endpoint. Checked by {@link AccessInterceptor} before the request body is even read, so a
 * caller who may not use an endpoint learns nothing from it, not even whether their input would be valid.
 * Every API endpoint carries this or {@link Public}; one without either is refused.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface Allow {

    /** Roles allowed whatever the record's centre: IMI staff roles. */
    Role[] value() default {};

    /** Roles allowed to users of the record's centre. */
    Role[] ofCentre() default {};

    /** Every user of the record's centre, whatever their role. */
    boolean anyOfCentre() default false;

    /**
     * The path variable naming the record whose centre decides: a centre ({@code centreId}), a user
     * ({@code userId}), a candidate ({@code candidateId}) or an assessment attempt ({@code attemptId}).
     */
    String centreOf() default "centreId";

    /** The user named by the {@code userId} path variable, about themselves. */
    boolean self() default false;

    /** Every signed-in user (the endpoint narrows what each sees). */
    boolean anyone() default false;

    /**
     * The candidate sitting the attempt named by the {@code attemptId} path variable, with that attempt's token
     * (no PIN, no session). An attempt token opens nothing else.
     */
    boolean candidate() default false;

    /**
     * A candidate's own account (role CANDIDATE): only about themselves. With a {@code candidateId} path variable,
     * only when it names their own candidate record; any other record is as unknown as a made-up id. A candidate
     * account is refused every endpoint that does not say this.
     */
    boolean candidateAccount() default false;
}
