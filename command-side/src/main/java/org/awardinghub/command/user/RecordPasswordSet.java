package org.awardinghub.command.user;

import org.awardinghub.events.user.PasswordSetBy;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RecordPasswordSet(@TargetAggregateIdentifier String userId, PasswordSetBy how) {}
