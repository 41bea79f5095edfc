package org.awardinghub.command.centre;

import org.awardinghub.command.EmailAddress;
import org.awardinghub.command.Text;

/** A centre's name, address and contact email, checked the same way when it applies and when it amends them. */
record CentreDetails(String name, String address, String contactEmail) {

    static final int NAME_MAX_LENGTH = 200;
    static final int ADDRESS_MAX_LENGTH = 500;

    static CentreDetails checked(String name, String address, String contactEmail) {
        return new CentreDetails(
                Text.required("name", name, NAME_MAX_LENGTH),
                Text.requiredLines("address", address, ADDRESS_MAX_LENGTH),
                EmailAddress.required("contactEmail", contactEmail));
    }
}
