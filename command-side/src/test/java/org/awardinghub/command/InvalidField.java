package org.awardinghub.command;

import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/** Matches an {@link InvalidCommand} that names the given field, as the problem response will. */
public final class InvalidField extends TypeSafeMatcher<InvalidCommand> {

    private final String field;

    private InvalidField(String field) {
        this.field = field;
    }

    public static Matcher<InvalidCommand> named(String field) {
        return new InvalidField(field);
    }

    @Override
    protected boolean matchesSafely(InvalidCommand refusal) {
        return field.equals(refusal.field());
    }

    @Override
    public void describeTo(Description description) {
        description.appendText("InvalidCommand naming field ").appendValue(field);
    }

    @Override
    protected void describeMismatchSafely(InvalidCommand refusal, Description mismatch) {
        mismatch.appendText("named field ")
                .appendValue(refusal.field())
                .appendText(" (")
                .appendText(refusal.getMessage())
                .appendText(")");
    }
}
