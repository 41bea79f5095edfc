package org.awardinghub.command.appeal;

import java.util.Optional;

/**
 * Which attempts have an enquiry about results, as of the transaction that raised it. Read-only: kept from the events
 * by {@link EnquiryDirectoryTable}, in the transaction that stores them.
 */
public interface EnquiryDirectory {

    Optional<String> enquiryFor(String attemptId);
}
