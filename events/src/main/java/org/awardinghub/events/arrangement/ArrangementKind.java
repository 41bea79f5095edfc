package org.awardinghub.events.arrangement;

/**
 * The kinds of access arrangement a centre can request for a candidate (JCQ's access arrangements, as UK centres
 * know them; ADR 0153). {@code EXTRA_TIME} carries a percentage, {@code ENLARGED_TEXT} a {@link TextSize},
 * {@code COLOUR_SCHEME} a {@link ColourScheme}; the others carry nothing beyond their kind.
 */
public enum ArrangementKind {
    EXTRA_TIME,
    REST_BREAKS,
    READER,
    SCREEN_READER,
    ENLARGED_TEXT,
    COLOUR_SCHEME,
    SEPARATE_ROOM
}
