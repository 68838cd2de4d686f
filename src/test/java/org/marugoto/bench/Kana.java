package org.marugoto.bench;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Writing a reading the ways users type it: katakana, half-width katakana, romaji; full-width digits. */
final class Kana {

    private Kana() {}

    private static final Map<Character, String> HALF_WIDTH = halfWidth();
    private static final Map<Character, String> ROMAJI = romaji();

    static String toKatakana(String hiragana) {
        StringBuilder out = new StringBuilder(hiragana.length());
        for (char c : hiragana.toCharArray()) {
            out.append(c >= 'ぁ' && c <= 'ゖ' ? (char) (c + 0x60) : c);
        }
        return out.toString();
    }

    static String toHiragana(String katakana) {
        StringBuilder out = new StringBuilder(katakana.length());
        for (char c : katakana.toCharArray()) {
            out.append(c >= 'ァ' && c <= 'ヶ' ? (char) (c - 0x60) : c);
        }
        return out.toString();
    }

    /** Full-width katakana to half-width (ﾔﾏﾀﾞ), as older systems and some keyboards produce it. */
    static String toHalfWidth(String katakana) {
        StringBuilder out = new StringBuilder(katakana.length() * 2);
        for (char c : katakana.toCharArray()) {
            out.append(HALF_WIDTH.getOrDefault(c, String.valueOf(c)));
        }
        return out.toString();
    }

    /** ASCII to full width (０９０－１２３４), as text copied from documents comes. */
    static String toFullWidth(String ascii) {
        StringBuilder out = new StringBuilder(ascii.length());
        for (char c : ascii.toCharArray()) {
            out.append(c == ' ' ? '　' : c > ' ' && c < 0x7F ? (char) (c + 0xFEE0) : c);
        }
        return out.toString();
    }

    /** 1 to 一, ..., 10 to 十: block numbers as registers print them (三丁目). */
    static String kanjiNumeral(int n) {
        String digits = "〇一二三四五六七八九";
        if (n < 10) {
            return String.valueOf(digits.charAt(n));
        }
        return (n / 10 == 1 ? "" : String.valueOf(digits.charAt(n / 10))) + "十"
                + (n % 10 == 0 ? "" : String.valueOf(digits.charAt(n % 10)));
    }

    /** How a long vowel (おう, おお, うう) is written in romaji. */
    enum LongVowel {
        /** Sato, Ono, Yuki: the common simplified Hepburn. */
        DROPPED,
        /** Satou: as typed on a keyboard. */
        KEPT,
        /** Satoh, Ohno: passport Hepburn. */
        H,
        /** Satō: with a macron. */
        MACRON
    }

    /** The reading (hiragana) in Hepburn romaji, or null when it holds a character this table does not know. */
    static @Nullable String toRomaji(String hiragana, LongVowel style) {
        StringBuilder out = new StringBuilder(hiragana.length() * 3);
        boolean doubleNext = false;
        for (int i = 0; i < hiragana.length(); i++) {
            char c = hiragana.charAt(i);
            char next = i + 1 < hiragana.length() ? hiragana.charAt(i + 1) : 0;
            String syllable;
            if (c == 'っ') {
                doubleNext = true;
                continue;
            } else if (c == 'ー') {
                continue;
            } else if (c == 'ん') {
                syllable = "aiueoy".indexOf(first(next)) >= 0 ? "n'" : "n";
            } else if (next == 'ゃ' || next == 'ゅ' || next == 'ょ') {
                String base = ROMAJI.get(c);
                if (base == null || !base.endsWith("i")) {
                    return null;
                }
                String consonant = base.substring(0, base.length() - 1);
                String vowel = next == 'ゃ' ? "a" : next == 'ゅ' ? "u" : "o";
                syllable = consonant.equals("sh") || consonant.equals("ch") || consonant.equals("j")
                        ? consonant + vowel
                        : consonant + "y" + vowel;
                i++;
            } else {
                syllable = ROMAJI.get(c);
                if (syllable == null) {
                    return null;
                }
            }
            if (doubleNext) {
                out.append(syllable.startsWith("ch") ? 't' : syllable.charAt(0));
                doubleNext = false;
            }
            out.append(syllable);
        }
        String romaji = out.toString();
        return switch (style) {
            case KEPT -> romaji;
            case DROPPED -> romaji.replaceAll("o[ou](?![aiueo])", "o").replaceAll("uu(?![aiueo])", "u");
            case H -> romaji.replaceAll("o[ou](?![aiueo])", "oh").replaceAll("uu(?![aiueo])", "u");
            case MACRON -> romaji.replaceAll("o[ou](?![aiueo])", "ō").replaceAll("uu(?![aiueo])", "ū");
        };
    }

    private static char first(char kana) {
        String r = kana == 0 ? null : ROMAJI.get(kana);
        return r == null ? 0 : r.charAt(0);
    }

    private static Map<Character, String> romaji() {
        String[] table = {
            "あa", "いi", "うu", "えe", "おo", "かka", "きki", "くku", "けke", "こko", "がga", "ぎgi", "ぐgu", "げge", "ごgo", "さsa",
            "しshi", "すsu", "せse", "そso", "ざza", "じji", "ずzu", "ぜze", "ぞzo", "たta", "ちchi", "つtsu", "てte", "とto", "だda",
            "ぢji", "づzu", "でde", "どdo", "なna", "にni", "ぬnu", "ねne", "のno", "はha", "ひhi", "ふfu", "へhe", "ほho", "ばba",
            "びbi", "ぶbu", "べbe", "ぼbo", "ぱpa", "ぴpi", "ぷpu", "ぺpe", "ぽpo", "まma", "みmi", "むmu", "めme", "もmo", "やya",
            "ゆyu", "よyo", "らra", "りri", "るru", "れre", "ろro", "わwa", "ゐi", "ゑe", "をo",
        };
        Map<Character, String> map = new HashMap<>();
        for (String entry : table) {
            map.put(entry.charAt(0), entry.substring(1));
        }
        return Map.copyOf(map);
    }

    /** The reverse of NFKC over the half-width katakana block, voiced forms included (ﾀﾞ for ダ). */
    private static Map<Character, String> halfWidth() {
        Map<Character, String> map = new HashMap<>();
        for (char h = '\uFF61'; h <= '\uFF9D'; h++) {
            String full = Normalizer.normalize(String.valueOf(h), Normalizer.Form.NFKC);
            if (full.length() == 1) {
                map.putIfAbsent(full.charAt(0), String.valueOf(h));
            }
            for (char mark : new char[] {'\uFF9E', '\uFF9F'}) {
                String voiced = Normalizer.normalize(String.valueOf(h) + mark, Normalizer.Form.NFKC);
                if (voiced.length() == 1) {
                    map.putIfAbsent(voiced.charAt(0), String.valueOf(h) + mark);
                }
            }
        }
        map.put('ー', "ｰ");
        return Map.copyOf(map);
    }
}
