package org.awardinghub.command.candidate;

import org.awardinghub.command.Text;

/** The legal ground a retention decision rests on, as IMI states it: required, one line, at most 200 characters. */
final class LegalBasis {

    static final int MAX_LENGTH = 200;

    private LegalBasis() {}

    static String of(String value) {
        return Text.required("legalBasis", value, MAX_LENGTH);
    }
}
