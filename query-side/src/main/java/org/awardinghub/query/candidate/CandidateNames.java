package org.awardinghub.query.candidate;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.awardinghub.query.Erased;

/**
 * How candidates' names are compared when searching: folded (case and accents ignored), cut into tokens, and
 * ordered. Both search indexes and the stored {@code nameTokens} / {@code sortKey} use these, so that they agree.
 */
final class CandidateNames {

    /** Separates last and first name in a sort key; folding removes every character at or below it. */
    static final char SORT_SEPARATOR = '\u0001';

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NAME_SEPARATORS = Pattern.compile("[\\s\\-']+");
    private static final Pattern WORD_SEPARATORS = Pattern.compile("[\\s\\-]+");
    private static final Pattern QUERY_SEPARATORS = Pattern.compile("[\\s,\\-]+");

    private CandidateNames() {}

    /**
     * The name as search compares it: accents and other combining marks stripped (after NFD), lower case, the
     * letters that do not decompose folded by hand (ł→l, ø→o, æ→ae, ß→ss, đ→d, …), every apostrophe as
     * {@code '}, every dash as {@code -}, every space and control character as a space.
     */
    public static String fold(String name) {
        if (name == null) {
            return "";
        }
        if (isPlainAscii(name)) {
            return name.toLowerCase(Locale.ROOT).trim(); // most names: nothing to strip or fold
        }
        String stripped =
                MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFD)).replaceAll("");
        String lower = stripped.toLowerCase(Locale.ROOT);
        StringBuilder folded = new StringBuilder(lower.length());
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            switch (c) {
                case 'ł' -> folded.append('l');
                case 'ø' -> folded.append('o');
                case 'æ' -> folded.append("ae");
                case 'œ' -> folded.append("oe");
                case 'ß' -> folded.append("ss");
                case 'đ', 'ð' -> folded.append('d');
                case 'þ' -> folded.append("th");
                case 'ı' -> folded.append('i');
                case 'ħ' -> folded.append('h');
                case '\u2018', '\u2019', '\u02bc', '`', '\u00b4' -> folded.append('\'');
                case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014' -> folded.append('-');
                default ->
                    folded.append(
                            c <= ' '
                                            || Character.isWhitespace(c)
                                            || Character.isSpaceChar(c)
                                            || Character.isISOControl(c)
                                    ? ' '
                                    : c);
            }
        }
        return folded.toString().trim();
    }

    /** A candidate's names as search uses them: its {@link #tokens} and its {@link #sortKey}. */
    public record Searchable(List<String> tokens, String sortKey) {}

    /**
     * Both at once, folding each name once. An erased name ({@link Erased}) is no name: an erased candidate has no
     * tokens, so that no name search finds them (a search for "(erased)" included), and sorts before every name.
     */
    public static Searchable searchable(String firstName, String lastName) {
        String first = fold(named(firstName));
        String last = fold(named(lastName));
        return new Searchable(foldedTokens(first, last), foldedSortKey(first, last));
    }

    /** The name, or null for one erased. */
    private static String named(String name) {
        return Erased.is(name) ? null : name;
    }

    /**
     * The tokens a search word may be the start of: each name split on spaces, hyphens and apostrophes, and also
     * split on spaces and hyphens only with the apostrophes removed, so that "obrien" finds O'Brien as "brien"
     * and "o" do.
     */
    public static List<String> tokens(String firstName, String lastName) {
        return foldedTokens(fold(named(firstName)), fold(named(lastName)));
    }

    /**
     * The key candidates are listed by: last name, then first name, both folded and without apostrophes (so that
     * O'Brien sorts as Obrien). Ties are broken by the candidate id wherever this key is used.
     */
    public static String sortKey(String firstName, String lastName) {
        return foldedSortKey(fold(named(firstName)), fold(named(lastName)));
    }

    private static List<String> foldedTokens(String firstName, String lastName) {
        Set<String> tokens = new LinkedHashSet<>();
        for (String folded : new String[] {firstName, lastName}) {
            addNonEmpty(tokens, NAME_SEPARATORS.split(folded));
            addNonEmpty(tokens, WORD_SEPARATORS.split(folded.replace("'", "")));
        }
        return List.copyOf(tokens);
    }

    private static String foldedSortKey(String firstName, String lastName) {
        return lastName.replace("'", "") + SORT_SEPARATOR + firstName.replace("'", "");
    }

    /** Printable ASCII but the backtick (which folds to an apostrophe): lower case is all there is to do. */
    private static boolean isPlainAscii(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < ' ' || c > '~' || c == '`') {
                return false;
            }
        }
        return true;
    }

    /**
     * The words of a name search: the folded text split on spaces, commas and hyphens, apostrophes removed from
     * each word ("O'Bri" is the start of "obrien"), empty words dropped, each word once.
     */
    public static List<String> searchWords(String text) {
        Set<String> words = new LinkedHashSet<>();
        for (String word : QUERY_SEPARATORS.split(fold(text))) {
            String bare = word.replace("'", "");
            if (!bare.isEmpty()) {
                words.add(bare);
            }
        }
        return new ArrayList<>(words);
    }

    private static void addNonEmpty(Set<String> tokens, String[] parts) {
        for (String part : parts) {
            if (!part.isEmpty()) {
                tokens.add(part);
            }
        }
    }
}
