package org.awardinghub.command.candidate;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.awardinghub.command.InvalidCommand;

/**
 * A candidate's first or last name, as printed on the certificate: letters of any alphabet with their accents,
 * and the spaces, apostrophes, hyphens and full stops real names hold ("Zoë O'Brien-Łukasiewicz", "St. John").
 * Digits and control characters are refused: they are typing or export errors, never part of a name. The form is
 * narrower than the rule every text keeps ({@link org.awardinghub.command.Text}, ADR 0139): no control or
 * formatting character passes it but the two zero-width joiners that rule allows too.
 */
final class CandidateName {

    public static final int MAX_LENGTH = 100;

    /**
     * Letters, combining marks, space, apostrophes (' ’ ‘), hyphens (- ‐), full stop; and the zero-width
     * (non-)joiners that Persian and Indic spellings need between letters.
     */
    private static final Pattern FORM = Pattern.compile("[\\p{L}\\p{M} '’‘.\\-‐\u200C\u200D]+");

    private static final Pattern LETTER = Pattern.compile("\\p{L}");
    /**
     * The combining diacritics that accented letters decompose into (Latin, Greek, Cyrillic, Vietnamese). Not
     * every mark: in Indic and other scripts marks are vowels, and dropping them would match different names.
     */
    private static final Pattern ACCENTS =
            Pattern.compile("[\u0300-\u036F\u1AB0-\u1AFF\u1DC0-\u1DFF\u20D0-\u20FF\uFE20-\uFE2F]+");

    private static final Pattern SPACES = Pattern.compile(" +");

    /** Letters that carry their accent in the letter itself, so that decomposing them leaves no mark to drop. */
    private static final Map<Character, String> FOLDED = Map.ofEntries(
            Map.entry('ł', "l"),
            Map.entry('ø', "o"),
            Map.entry('đ', "d"),
            Map.entry('ð', "d"),
            Map.entry('ħ', "h"),
            Map.entry('ŧ', "t"),
            Map.entry('ı', "i"),
            Map.entry('ŀ', "l"),
            Map.entry('ß', "ss"),
            Map.entry('æ', "ae"),
            Map.entry('œ', "oe"),
            Map.entry('þ', "th"),
            Map.entry('ς', "σ"),
            Map.entry('’', "'"),
            Map.entry('‘', "'"),
            Map.entry('ʼ', "'"),
            Map.entry('‐', "-"));

    private CandidateName() {}

    /**
     * The name trimmed, in composed Unicode form (so that "Zoë" is stored one way however it was typed), or
     * {@link InvalidCommand} naming {@code field}.
     */
    public static String checked(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidCommand(field, field + " is required");
        }
        String name = Normalizer.normalize(value.strip(), Normalizer.Form.NFC);
        if (name.length() > MAX_LENGTH) {
            throw new InvalidCommand(field, field + " must be at most " + MAX_LENGTH + " characters");
        }
        if (!FORM.matcher(name).matches() || !LETTER.matcher(name).find()) {
            throw new InvalidCommand(
                    field, field + " may hold only letters, spaces, apostrophes, hyphens and" + " full stops");
        }
        return name;
    }

    /**
     * What two spellings of one name have in common, for finding duplicates: no letter case, no accents
     * ("Zoë" and "ZOE", "Łukasiewicz" and "Lukasiewicz" match), one kind of apostrophe and hyphen, no
     * zero-width joiners, single spaces. At most twice as long as the name.
     */
    public static String matchKey(String name) {
        String decomposed =
                Normalizer.normalize(name.strip(), Normalizer.Form.NFD).toLowerCase(Locale.ROOT);
        String unaccented = ACCENTS.matcher(decomposed).replaceAll("");
        StringBuilder key = new StringBuilder(unaccented.length());
        for (int i = 0; i < unaccented.length(); i++) {
            char c = unaccented.charAt(i);
            if (c == '\u200C' || c == '\u200D') {
                continue;
            }
            String folded = FOLDED.get(c);
            if (folded == null) {
                key.append(c);
            } else {
                key.append(folded);
            }
        }
        // recomposes what NFD split without being an accent: Hangul syllables, for one
        return SPACES.matcher(Normalizer.normalize(key, Normalizer.Form.NFC))
                .replaceAll(" ")
                .strip();
    }
}
