package org.marugoto.directory.domain;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.marugoto.shared.text.JapaneseText;

/**
 * The words of a directory search, each compared in two ways: as written ({@link JapaneseText#nameKey}: full- and
 * half-width, hiragana and katakana, variant kanji fold together), and, for a word in kana only, as a reading with
 * long vowels folded ({@link JapaneseText#looseReadingKey}: ふーどばんく = ふうどばんく). Every word must appear in
 * one of the texts.
 */
final class Keywords {

    private record Word(String nameKey, @Nullable String looseKey) {}

    private final List<Word> words;

    private Keywords(List<Word> words) {
        this.words = words;
    }

    static Keywords parse(@Nullable String text) {
        List<Word> words = new ArrayList<>();
        for (String part : JapaneseText.normalize(text).split(" ")) {
            String nameKey = JapaneseText.nameKey(part);
            if (!nameKey.isEmpty()) {
                String looseKey = JapaneseText.isReading(part) ? JapaneseText.looseReadingKey(part) : null;
                words.add(new Word(nameKey, looseKey == null || looseKey.isEmpty() ? null : looseKey));
            }
        }
        return new Keywords(List.copyOf(words));
    }

    boolean isEmpty() {
        return words.isEmpty();
    }

    /** The keys of the texts a search looks in, computed once per text. */
    static final class Haystack {

        private final List<String> nameKeys = new ArrayList<>();
        private final List<String> looseKeys = new ArrayList<>();

        Haystack add(@Nullable String text) {
            if (text != null && !text.isBlank()) {
                nameKeys.add(JapaneseText.nameKey(text));
                looseKeys.add(JapaneseText.looseReadingKey(text));
            }
            return this;
        }

        Haystack addAll(Haystack other) {
            nameKeys.addAll(other.nameKeys);
            looseKeys.addAll(other.looseKeys);
            return this;
        }
    }

    boolean foundIn(Haystack haystack) {
        return words.stream()
                .allMatch(word -> haystack.nameKeys.stream().anyMatch(k -> k.contains(word.nameKey()))
                        || (word.looseKey() != null
                                && haystack.looseKeys.stream().anyMatch(k -> k.contains(word.looseKey()))));
    }
}
