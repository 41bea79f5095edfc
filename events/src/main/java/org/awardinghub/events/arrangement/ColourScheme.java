package org.awardinghub.events.arrangement;

/**
 * The colour schemes the test page can show instead of its standard black on white: the on-screen counterparts of
 * the coloured overlays and papers UK centres use (dark text on cream, light blue or pale yellow) and yellow text on
 * black for candidates who need a dark background.
 */
public enum ColourScheme {
    CREAM,
    LIGHT_BLUE,
    PALE_YELLOW,
    YELLOW_ON_BLACK
}
