package org.awardinghub.command.investigation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** IMI adopts a proposed rule as it was tried. */
public record AdoptRule(@TargetAggregateIdentifier String proposalId) {}
