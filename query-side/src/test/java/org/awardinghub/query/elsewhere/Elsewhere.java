package org.awardinghub.query.elsewhere;

/** Records that are not public, in a package other than the mapper's, as a projection's own stored records are. */
public final class Elsewhere {

    private Elsewhere() {}

    record Hidden(String name, Inner inner) {}

    record Inner(int count) {}

    public static Record hidden(String name, int count) {
        return new Hidden(name, new Inner(count));
    }
}
