package org.awardinghub.command.user;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RecordLockOut(@TargetAggregateIdentifier String userId, Instant until) {}
