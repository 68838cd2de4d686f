package org.marugoto.shared.text;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Romaji to hiragana for one word, accepting the spellings people actually use for names: Hepburn (passport style
 * included: "Satoh", "Ohno", "Homma"), Kunrei and Nihon-shiki, and word-processor input ("nn", "jya", "xtsu").
 * Package private: {@link JapaneseText} decides what a word is.
 */
final class Romaji {

    private static final int LONGEST_SYLLABLE = 4;
    private static final Map<String, String> SYLLABLES = syllables();

    private Romaji() {}

    static boolean isLetter(int c) {
        return (c >= 'a' && c <= 'z') || "āīūēōâîûêô".indexOf(c) >= 0;
    }

    /** The word in hiragana, or empty when some letters form no syllable ("smith", "xyz"). */
    static Optional<String> toHiragana(String lowerCaseWord) {
        String word = expandLongVowels(lowerCaseWord);
        if (word.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder out = new StringBuilder(word.length());
        int i = 0;
        while (i < word.length()) {
            char c = word.charAt(i);
            char next = at(word, i + 1);
            if (c == 'n' && !isVowel(next) && next != 'y') {
                // ん: before a consonant, at the end, before an apostrophe ("Shin'ichi"), or as "nn";
                // "nn" before a vowel is Hepburn for ん + n-syllable ("Annaka" = あんなか, "Shinnosuke")
                out.append('ん');
                boolean wordProcessorNn = next == 'n' && !isVowel(at(word, i + 2)) && at(word, i + 2) != 'y';
                i += next == '\'' || wordProcessorNn ? 2 : 1;
                continue;
            }
            if (c == 'm' && (next == 'b' || next == 'm' || next == 'p')) {
                // traditional Hepburn writes ん as m before labials: "Shimbashi", "Homma", "Namba"
                out.append('ん');
                i++;
                continue;
            }
            if (isConsonant(c) && (next == c || (c == 't' && next == 'c' && at(word, i + 2) == 'h'))) {
                // a doubled consonant is the small っ: "Hattori", "Ippei", "Matcha"
                out.append('っ');
                i++;
                continue;
            }
            if (c == 'h' && i > 0 && word.charAt(i - 1) == 'o' && !isVowel(next) && next != 'y') {
                // passport Hepburn marks a long o with h: "Satoh" = さとう, "Ohno" = おうの
                out.append('う');
                i++;
                continue;
            }
            String kana = null;
            int length = Math.min(LONGEST_SYLLABLE, word.length() - i);
            for (; length > 0; length--) {
                kana = SYLLABLES.get(word.substring(i, i + length));
                if (kana != null) {
                    break;
                }
            }
            if (kana == null) {
                return Optional.empty();
            }
            out.append(kana);
            i += length;
        }
        return Optional.of(out.toString());
    }

    /** Macrons and circumflexes write a long vowel; the kana spelling doubles it (ō as おう, the usual spelling). */
    private static String expandLongVowels(String word) {
        StringBuilder out = new StringBuilder(word.length() + 4);
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            switch (c) {
                case 'ā', 'â' -> out.append("aa");
                case 'ī', 'î' -> out.append("ii");
                case 'ū', 'û' -> out.append("uu");
                case 'ē', 'ê' -> out.append("ee");
                case 'ō', 'ô' -> out.append("ou");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static char at(String word, int index) {
        return index < word.length() ? word.charAt(index) : '\0';
    }

    private static boolean isVowel(char c) {
        return c == 'a' || c == 'i' || c == 'u' || c == 'e' || c == 'o';
    }

    private static boolean isConsonant(char c) {
        return c >= 'a' && c <= 'z' && !isVowel(c) && c != 'n';
    }

    private static Map<String, String> syllables() {
        String[] table = {
            "a", "あ", "i", "い", "u", "う", "e", "え", "o", "お", "ka", "か", "ki", "き", "ku", "く", "ke", "け", "ko", "こ",
            "kya", "きゃ", "kyu", "きゅ", "kyo", "きょ", "ga", "が", "gi", "ぎ", "gu", "ぐ", "ge", "げ", "go", "ご", "gya", "ぎゃ",
            "gyu", "ぎゅ", "gyo", "ぎょ", "sa", "さ", "si", "し", "shi", "し", "su", "す", "se", "せ", "so", "そ", "sha", "しゃ",
            "shu", "しゅ", "sho", "しょ", "she", "しぇ", "sya", "しゃ", "syu", "しゅ", "syo", "しょ", "za", "ざ", "zi", "じ", "ji",
            "じ", "zu", "ず", "ze", "ぜ", "zo", "ぞ", "ja", "じゃ", "ju", "じゅ", "jo", "じょ", "je", "じぇ", "zya", "じゃ", "zyu",
            "じゅ", "zyo", "じょ", "jya", "じゃ", "jyu", "じゅ", "jyo", "じょ", "ta", "た", "ti", "ち", "chi", "ち", "tu", "つ",
            "tsu", "つ", "te", "て", "to", "と", "cha", "ちゃ", "chu", "ちゅ", "cho", "ちょ", "che", "ちぇ", "tya", "ちゃ", "tyu",
            "ちゅ", "tyo", "ちょ", "cya", "ちゃ", "cyu", "ちゅ", "cyo", "ちょ", "tsa", "つぁ", "thi", "てぃ", "da", "だ", "di", "ぢ",
            "du", "づ", "dzu", "づ", "de", "で", "do", "ど", "dya", "ぢゃ", "dyu", "ぢゅ", "dyo", "ぢょ", "dhi", "でぃ", "na", "な",
            "ni", "に", "nu", "ぬ", "ne", "ね", "no", "の", "nya", "にゃ", "nyu", "にゅ", "nyo", "にょ", "ha", "は", "hi", "ひ",
            "hu", "ふ", "fu", "ふ", "he", "へ", "ho", "ほ", "hya", "ひゃ", "hyu", "ひゅ", "hyo", "ひょ", "fa", "ふぁ", "fi", "ふぃ",
            "fe", "ふぇ", "fo", "ふぉ", "ba", "ば", "bi", "び", "bu", "ぶ", "be", "べ", "bo", "ぼ", "bya", "びゃ", "byu", "びゅ",
            "byo", "びょ", "pa", "ぱ", "pi", "ぴ", "pu", "ぷ", "pe", "ぺ", "po", "ぽ", "pya", "ぴゃ", "pyu", "ぴゅ", "pyo", "ぴょ",
            "ma", "ま", "mi", "み", "mu", "む", "me", "め", "mo", "も", "mya", "みゃ", "myu", "みゅ", "myo", "みょ", "ya", "や",
            "yu", "ゆ", "yo", "よ", "ye", "いぇ", "ra", "ら", "ri", "り", "ru", "る", "re", "れ", "ro", "ろ", "rya", "りゃ", "ryu",
            "りゅ", "ryo", "りょ", "wa", "わ", "wi", "うぃ", "we", "うぇ", "wo", "を", "va", "ゔぁ", "vi", "ゔぃ", "vu", "ゔ", "ve",
            "ゔぇ", "vo", "ゔぉ", "xa", "ぁ", "xi", "ぃ", "xu", "ぅ", "xe", "ぇ", "xo", "ぉ", "xya", "ゃ", "xyu", "ゅ", "xyo", "ょ",
            "xtu", "っ", "xtsu", "っ", "xwa", "ゎ",
        };
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i < table.length; i += 2) {
            map.put(table[i], table[i + 1]);
        }
        return Map.copyOf(map);
    }
}
