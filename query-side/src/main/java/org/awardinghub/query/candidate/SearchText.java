package org.awardinghub.query.candidate;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a candidate search's text asks for, decided once for both search indexes.
 *
 * <ul>
 *   <li>null or blank: everyone (of the centre, or of every centre), filtered by status and qualification;</li>
 *   <li>a registration number (8 characters of {@value #REGISTRATION_ALPHABET}, any case): that candidate. An
 *       8-letter word such as "STEPHENS" has the same shape, so when no candidate in the searched centre (or
 *       anywhere, for IMI) has that number, the text is searched as a name instead;</li>
 *   <li>10 digits: the candidates with that ULN;</li>
 *   <li>anything else: names, every word the start of one of the candidate's name tokens
 *       ({@link CandidateNames}).</li>
 * </ul>
 *
 * @param registrationNumber upper-cased, when the text has that shape
 * @param uln                when the text is 10 digits
 * @param words              the name words (also for a registration-number-shaped text, as its fallback)
 */
record SearchText(String registrationNumber, String uln, List<String> words) {

    public static final String REGISTRATION_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ";

    private static final Pattern REGISTRATION_NUMBER =
            Pattern.compile("[" + REGISTRATION_ALPHABET + "]{8}", Pattern.CASE_INSENSITIVE);
    private static final Pattern ULN = Pattern.compile("[0-9]{10}");

    public static SearchText of(String text) {
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.isEmpty()) {
            return new SearchText(null, null, List.of());
        }
        if (ULN.matcher(trimmed).matches()) {
            return new SearchText(null, trimmed, List.of());
        }
        String registrationNumber =
                REGISTRATION_NUMBER.matcher(trimmed).matches() ? trimmed.toUpperCase(Locale.ROOT) : null;
        return new SearchText(registrationNumber, null, CandidateNames.searchWords(trimmed));
    }

    /** No text: everyone passes (a text of punctuation alone has no words, and passes too). */
    public boolean isEveryone() {
        return registrationNumber == null && uln == null && words.isEmpty();
    }
}
