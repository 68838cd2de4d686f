package org.marugoto.shared.text;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Keys for matching address fragments. The same block is written 二丁目５番８号, 2丁目5-8, ２－５－８ or 2-5-8, and the
 * register, the resident and the case worker each use their own notation; the key keeps the place names and reduces
 * the block and lot numbers to digits joined by "-".
 */
public final class Addresses {

    private static final Pattern WHITESPACE = Pattern.compile("\\p{IsWhite_Space}+");
    private static final Pattern DASHES = Pattern.compile("[-‐‑‒–—―−－]");
    // ー is a long vowel in katakana place names (センター) and a dash only between numbers
    private static final Pattern LONG_MARK_AS_DASH = Pattern.compile("(?<=\\d)[ーｰ](?=\\d)");
    private static final Pattern BLOCK_UNITS = Pattern.compile("(?<=\\d)(?:丁目|番地|番|号|丁(?=\\d))");
    private static final Pattern NO_BETWEEN_NUMBERS = Pattern.compile("(?<=[\\d-])[のノ](?=\\d)");
    // 大字 and 字 only label the place name that follows; registers print them, people leave them out. Also dropped
    // at the end of the text, because a fragment may be cut right after them ("赤十字" must still find 赤十字病院).
    private static final Pattern AZA = Pattern.compile("大?字(?!\\d)");
    // ケ, ヶ, ヵ and が are one and the same particle in place names (霞ヶ関, 霞が関), as are ノ and の (一ノ瀬)
    private static final Pattern GA_PARTICLE = Pattern.compile("(?<=\\p{IsHan})[ケヶヵがガ](?=\\p{IsHan})");
    private static final Pattern NO_PARTICLE = Pattern.compile("(?<=\\p{IsHan})ノ(?=\\p{IsHan})");
    private static final Pattern REPEATED_DASHES = Pattern.compile("-{2,}");

    // a kanji numeral is a number (and not part of a name such as 四日市, 八王子 or 千葉) when a block unit, a
    // separator or another number follows it, or when it ends the text
    private static final Pattern NUMBER_CONTEXT_AFTER =
            Pattern.compile("丁目|丁|番地|番|号|条|線|地割|[のノ][\\d〇一二三四五六七八九十百千]|[-‐‑‒–—―−－ーｰ]|\\d|$");

    private Addresses() {}

    /**
     * Key of an address or address fragment: NFKC, variant kanji folded, no spaces, block numbers in arabic digits
     * joined by "-" (美月野市桜台二丁目５番８号 = 美月野市桜台2-5-8), without a trailing "-", without 大字/字, latin in
     * lower case (A棟 = a棟), ケ/ヶ/が and ノ/の between kanji unified. Only for
     * matching: the key is not a postal address and must not be shown as one.
     */
    public static String key(@Nullable String text) {
        if (text == null) {
            return "";
        }
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC);
        s = JapaneseText.foldVariantKanji(s);
        s = WHITESPACE.matcher(s).replaceAll("");
        s = KanjiNumerals.replaceRuns(
                s,
                (t, start, end) ->
                        NUMBER_CONTEXT_AFTER.matcher(t).region(end, t.length()).lookingAt());
        s = DASHES.matcher(s).replaceAll("-");
        s = LONG_MARK_AS_DASH.matcher(s).replaceAll("-");
        s = BLOCK_UNITS.matcher(s).replaceAll("-");
        s = NO_BETWEEN_NUMBERS.matcher(s).replaceAll("-");
        s = AZA.matcher(s).replaceAll("");
        s = GA_PARTICLE.matcher(s).replaceAll("ヶ");
        s = NO_PARTICLE.matcher(s).replaceAll("の");
        s = REPEATED_DASHES.matcher(s).replaceAll("-").toLowerCase(Locale.ROOT);
        if (s.endsWith("-")) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }
}
