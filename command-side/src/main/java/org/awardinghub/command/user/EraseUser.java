package org.awardinghub.command.user;

import org.awardinghub.command.Reasoned;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Erases a user's personal data and closes the account, on {@code legalBasis}, for {@code reason}. */
public record EraseUser(@TargetAggregateIdentifier String userId, String reason, String legalBasis)
        implements Reasoned {}
