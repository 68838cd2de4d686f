package org.marugoto.shared.text;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Search keys for names and their readings. Users type the same person in many ways (full or half width, kana or
 * romaji, old or new kanji, with or without spaces), and what matters for case work is finding the existing record
 * instead of creating a duplicate. So the application stores the text exactly as typed plus these keys, and
 * compares keys built the same way from the query.
 *
 * <p>Methods accept {@code null} and treat it as empty text, because form fields arrive that way.
 */
public final class JapaneseText {

    private static final String VARIANT_TABLE = "variant-kanji.tsv";
    private static final Map<Integer, Integer> VARIANT_KANJI = loadVariantKanji();

    private static final Pattern WHITESPACE = Pattern.compile("\\p{IsWhite_Space}+");
    // pasted text often carries invisible characters that would make two equal names differ
    private static final Pattern INVISIBLE = Pattern.compile("[\\u200B-\\u200D\\u2060\\uFEFF]");
    private static final Pattern ROMAJI_WORD_SEPARATORS = Pattern.compile("[\\p{IsWhite_Space}\\-‐‑‒–—―−・·=゠]+");

    // separate family and given name, or the parts of a foreign name; they carry no identity
    private static final String NAME_SEPARATORS = "・·=゠";
    // hyphens are typed for ー after katakana and as separators elsewhere
    private static final String DASHES = "-‐‑‒–—―−－";
    private static final String READING_PUNCTUATION = ",、.。'’";

    private static final String A_ROW = "あかがさざただなはばぱまやゃらわゕ";
    private static final String I_ROW = "いきぎしじちにひびぴみり";
    private static final String U_ROW = "うくぐすずつぬふぶぷむゆゅるゔ";
    private static final String E_ROW = "えけげせぜてでねへべぺめれゖ";
    private static final String O_ROW = "おこごそぞとどのほぼぽもよょろ";
    private static final String LOOSE_FROM = "ぁぃぅぇぉゎゐゑぢづを";
    private static final String LOOSE_TO = "あいうえおわいえじずお";

    private JapaneseText() {}

    /**
     * NFKC (full-width latin and digits to ASCII, half-width kana to full width), then trimmed with inner whitespace
     * collapsed to one space. This is the form in which free text is worth storing and displaying. Kanji stay as
     * typed, except CJK compatibility ideographs, which NFKC turns into the unified character they are canonically
     * equal to.
     */
    public static String normalize(@Nullable String text) {
        if (text == null) {
            return "";
        }
        // the spacing voiced sound marks would not combine with the kana before them under NFKC
        String s = text.replace('\u309B', '\u3099').replace('\u309C', '\u309A');
        s = Normalizer.normalize(s, Normalizer.Form.NFKC);
        s = INVISIBLE.matcher(s).replaceAll("");
        return WHITESPACE.matcher(s).replaceAll(" ").strip();
    }

    /**
     * Key for a name as written (kanji, kana or latin): normalized, without spaces and separators, with variant
     * kanji folded to their standard form (髙橋 = 高橋, 齋藤 = 斎藤), 々 spelled out (佐々木 = 佐佐木), latin in lower
     * case and katakana as hiragana, so that a name typed in kana has the same key as its {@link #readingKey reading}.
     */
    public static String nameKey(@Nullable String text) {
        String s = normalize(text);
        StringBuilder out = new StringBuilder(s.length());
        int previous = -1;
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            if (Character.isWhitespace(c) || NAME_SEPARATORS.indexOf(c) >= 0 || isVariationSelector(c)) {
                continue;
            }
            if ((c == '々' || c == '〻') && previous >= 0) {
                c = previous;
            }
            c = Character.toLowerCase(toHiragana(VARIANT_KANJI.getOrDefault(c, c)));
            out.appendCodePoint(c);
            previous = c;
        }
        return out.toString();
    }

    /**
     * Folds variant kanji to the standard form of the search table and drops ideographic variation selectors
     * (which pick a glyph, not a different character). Other characters are left alone, so this also serves
     * addresses.
     */
    public static String foldVariantKanji(@Nullable String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints()
                .filter(c -> !isVariationSelector(c))
                .map(c -> VARIANT_KANJI.getOrDefault(c, c))
                .forEach(out::appendCodePoint);
        return out.toString();
    }

    /**
     * Key for a reading (furigana): in hiragana, without spaces and separators. Romaji is read as kana first
     * ("Yamada Taro" = やまだたろ), word by word, so that mixed input still works; a word that is not romaji is kept
     * in lower case. A hyphen right after katakana is taken as ー (マリ- = まりー), since that is how it gets typed.
     */
    public static String readingKey(@Nullable String text) {
        String s = romajiRunsToHiragana(normalize(text).toLowerCase(Locale.ROOT).replace('’', '\''));
        StringBuilder out = new StringBuilder(s.length());
        int previous = -1;
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            int before = previous;
            previous = c;
            if (DASHES.indexOf(c) >= 0) {
                if (isKatakana(before)) {
                    out.append('ー');
                }
            } else if (Character.isWhitespace(c)
                    || NAME_SEPARATORS.indexOf(c) >= 0
                    || READING_PUNCTUATION.indexOf(c) >= 0
                    || isVariationSelector(c)) {
                // separators carry no sound
            } else if ((c == 'ゝ' || c == 'ヽ' || c == 'ゞ' || c == 'ヾ') && !out.isEmpty()) {
                // iteration marks repeat the kana before them, voiced for ゞ: さゝき = ささき, いすゞ = いすず
                int last = out.codePointBefore(out.length());
                out.appendCodePoint(c == 'ゞ' || c == 'ヾ' ? voiced(last) : last);
            } else {
                out.appendCodePoint(toHiragana(c));
            }
        }
        return out.toString();
    }

    /**
     * {@link #readingKey} folded further so that different spellings of long vowels and of old or small kana compare
     * equal: さとう, さとお, サトー, "Satoh" and "Sato" all give さと; おおの and おの give おの; けいこ gives けこ. The result
     * is not a reading anymore and must only be used for matching, never shown or stored as the reading; a few
     * distinct names collide (いいだ and いだ), which costs an extra hit in a result list, not a missed person.
     */
    public static String looseReadingKey(@Nullable String text) {
        String s = readingKey(text);
        StringBuilder out = new StringBuilder(s.length());
        char vowel = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int loose = LOOSE_FROM.indexOf(c);
            if (loose >= 0) {
                c = LOOSE_TO.charAt(loose);
            }
            if (c == 'ー') {
                continue;
            }
            boolean lengthensVowel =
                    switch (c) {
                        case 'あ' -> vowel == 'a';
                        case 'い' -> vowel == 'i' || vowel == 'e';
                        case 'う' -> vowel == 'u' || vowel == 'o';
                        case 'え' -> vowel == 'e';
                        case 'お' -> vowel == 'o';
                        default -> false;
                    };
            if (lengthensVowel) {
                continue;
            }
            out.append(c);
            vowel = vowelOf(c);
        }
        return out.toString();
    }

    /**
     * True when the text is only kana (hiragana, katakana, half-width katakana), ー, ・ and spaces, as a reading
     * must be; false for blank text and for anything with kanji, latin letters or digits, so that a form can reject
     * a reading typed in kanji by mistake.
     */
    public static boolean isReading(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return false;
        }
        return text.codePoints()
                .allMatch(c -> isKanaOrReadingMark(c) || Character.isWhitespace(c) || Character.isSpaceChar(c));
    }

    /**
     * The text read as romaji, in hiragana, words separated by one space ("Yamada Taro" = やまだ たろ); empty when some
     * word cannot be read as romaji or there is no word at all. Accepts Hepburn, Kunrei and Nihon-shiki, macrons and
     * circumflexes (ō = おう, ū = うう, ā = ああ), "n'" and "nn" for ん, and any letter case.
     */
    public static Optional<String> romajiToHiragana(@Nullable String text) {
        String s = normalize(text).toLowerCase(Locale.ROOT).replace('’', '\'');
        List<String> words = new ArrayList<>();
        for (String word : ROMAJI_WORD_SEPARATORS.split(s)) {
            if (word.isEmpty()) {
                continue;
            }
            Optional<String> kana = Romaji.toHiragana(word);
            if (kana.isEmpty()) {
                return Optional.empty();
            }
            words.add(kana.get());
        }
        return words.isEmpty() ? Optional.empty() : Optional.of(String.join(" ", words));
    }

    /** Katakana to hiragana; everything else unchanged. */
    static String toHiragana(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().map(JapaneseText::toHiragana).forEach(out::appendCodePoint);
        return out.toString();
    }

    /** The loaded variant table, variant code point to standard code point; visible for tests. */
    static Map<Integer, Integer> variantKanji() {
        return VARIANT_KANJI;
    }

    /**
     * Parses the variant table: {@code variant<TAB>standard} per line, {@code #} starts a comment. Strict, because a
     * broken line would silently stop two spellings of a name from matching.
     */
    static Map<Integer, Integer> parseVariantTable(String tsv) {
        Map<Integer, Integer> table = new HashMap<>();
        String[] lines = tsv.replace("\uFEFF", "").split("\\R");
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n];
            int comment = line.indexOf('#');
            String content = (comment >= 0 ? line.substring(0, comment) : line).strip();
            if (content.isEmpty()) {
                continue;
            }
            String[] fields = content.split("\\s+");
            if (fields.length != 2) {
                throw invalidLine(n + 1, "expected variant<TAB>standard but got '" + content + "'");
            }
            int variant = singleCodePoint(fields[0], n + 1);
            int standard = singleCodePoint(fields[1], n + 1);
            if (variant == standard) {
                throw invalidLine(n + 1, "variant and standard are the same character");
            }
            if (table.putIfAbsent(variant, standard) != null) {
                throw invalidLine(n + 1, "variant " + fields[0] + " is listed twice");
            }
        }
        for (var entry : table.entrySet()) {
            if (table.containsKey(entry.getValue())) {
                // folding is applied once; a chain would give different keys depending on the spelling
                throw new IllegalStateException(VARIANT_TABLE + ": standard form "
                        + Character.toString(entry.getValue()) + " is itself listed as a variant");
            }
        }
        return Map.copyOf(table);
    }

    private static Map<Integer, Integer> loadVariantKanji() {
        try (InputStream in = JapaneseText.class.getResourceAsStream(VARIANT_TABLE)) {
            if (in == null) {
                throw new IllegalStateException(VARIANT_TABLE + " is missing from the classpath");
            }
            return parseVariantTable(new String(in.readAllBytes(), UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int singleCodePoint(String field, int line) {
        if (field.codePointCount(0, field.length()) != 1) {
            throw invalidLine(line, "'" + field + "' is not a single character");
        }
        return field.codePointAt(0);
    }

    private static IllegalStateException invalidLine(int line, String problem) {
        return new IllegalStateException(VARIANT_TABLE + " line " + line + ": " + problem);
    }

    private static String romajiRunsToHiragana(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            if (!Romaji.isLetter(text.charAt(i))) {
                out.append(text.charAt(i));
                i++;
                continue;
            }
            int end = i;
            while (end < text.length()
                    && (Romaji.isLetter(text.charAt(end))
                            || (text.charAt(end) == '\''
                                    && end + 1 < text.length()
                                    && Romaji.isLetter(text.charAt(end + 1))))) {
                end++;
            }
            String word = text.substring(i, end);
            out.append(Romaji.toHiragana(word).orElse(word));
            i = end;
        }
        return out.toString();
    }

    private static int toHiragana(int c) {
        // ァ..ヶ and ヽヾ sit exactly 0x60 above their hiragana
        if ((c >= 'ァ' && c <= 'ヶ') || c == 'ヽ' || c == 'ヾ') {
            return c - 0x60;
        }
        return c;
    }

    private static boolean isKatakana(int c) {
        return c >= 'ァ' && c <= 'ヺ';
    }

    private static boolean isKanaOrReadingMark(int c) {
        return (c >= 'ぁ' && c <= 'ゖ') // hiragana
                || (c >= '\u3099' && c <= 'ゞ') // voiced sound marks, iteration marks
                || (c >= 'ァ' && c <= 'ヾ') // katakana, ・, ー, iteration marks
                || (c >= 'ㇰ' && c <= 'ㇿ') // small katakana extensions
                || (c >= '･' && c <= 'ﾟ'); // half-width katakana, ･ and ｰ
    }

    private static boolean isVariationSelector(int c) {
        return (c >= 0xFE00 && c <= 0xFE0F) || (c >= 0xE0100 && c <= 0xE01EF);
    }

    private static int voiced(int kana) {
        String composed = Normalizer.normalize(Character.toString(kana) + "\u3099", Normalizer.Form.NFC);
        return composed.codePointCount(0, composed.length()) == 1 ? composed.codePointAt(0) : kana;
    }

    private static char vowelOf(char kana) {
        if (A_ROW.indexOf(kana) >= 0) {
            return 'a';
        }
        if (I_ROW.indexOf(kana) >= 0) {
            return 'i';
        }
        if (U_ROW.indexOf(kana) >= 0) {
            return 'u';
        }
        if (E_ROW.indexOf(kana) >= 0) {
            return 'e';
        }
        if (O_ROW.indexOf(kana) >= 0) {
            return 'o';
        }
        return 0;
    }
}
