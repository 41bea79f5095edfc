package org.awardinghub.events.arrangement;

/** The text sizes the test page can show beyond its standard one: 125 %, 150 % and 200 % of it. */
public enum TextSize {
    LARGE,
    EXTRA_LARGE,
    LARGEST
}
