package org.awardinghub.command.user;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The first IMI_ADMIN of a new install, created at start-up when none exists. The installer may choose the PIN
 * ({@code null}: one is issued as for any user). Answers the PIN.
 */
public record RegisterBootstrapAdmin(
        @TargetAggregateIdentifier String userId, String pin, String name, String email) {}
