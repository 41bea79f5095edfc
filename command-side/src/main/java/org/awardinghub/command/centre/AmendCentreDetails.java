package org.awardinghub.command.centre;

import org.awardinghub.command.Reasoned;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** {@code expectedVersion}, when given, is the version the amender saw: refused if the centre changed since. */
public record AmendCentreDetails(
        @TargetAggregateIdentifier String centreId,
        String name,
        String address,
        String contactEmail,
        String reason,
        @TargetAggregateVersion Long expectedVersion)
        implements Reasoned {

    /** Whatever the centre's version: the last write wins. */
    public AmendCentreDetails(String centreId, String name, String address, String contactEmail, String reason) {
        this(centreId, name, address, contactEmail, reason, null);
    }
}
