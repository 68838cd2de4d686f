package org.marugoto.people.linkage;

import java.text.Normalizer;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.marugoto.shared.text.Addresses;
import org.marugoto.shared.text.JapaneseText;
import org.marugoto.shared.text.PhoneNumbers;

/**
 * A record reduced to what the engine compares: readings folded (katakana, half-width kana, long vowels, voiced and
 * small kana), names as written with variant kanji folded, the former family names, phone digits, the address as
 * 町丁目 and 番地 (no prefecture, city or building), the date of birth as far as known.
 */
final class Features {

    // variants that the search table (shared.text) does not fold yet; MJ縮退マップ-style, many to one
    private static final Map<Integer, Integer> EXTRA_VARIANTS = Map.of(
            (int) '栁', (int) '柳',
            (int) '曻', (int) '昇',
            (int) '柗', (int) '松',
            (int) '凛', (int) '凜');

    private static final String SMALL = "ぁぃぅぇぉゃゅょっゎゕゖ";
    private static final String LARGE = "あいうえおやゆよつわかけ";
    private static final Pattern MARKS = Pattern.compile("[\\u3099\\u309A]");
    private static final Pattern PREFECTURE = Pattern.compile("^(?:東京都|北海道|京都府|大阪府|[^\\d-]{2,3}?県)");
    private static final Pattern CITY =
            Pattern.compile("^[^\\d-]{1,6}?市(?:[^\\d-]{1,4}?区)?|^[^\\d-]{1,4}?区|^[^\\d-]{1,4}?郡[^\\d-]{1,4}?[町村]");
    private static final Pattern BLOCK = Pattern.compile("^[^\\d]*?\\d+(?:-\\d+){0,2}");
    private static final Pattern SPACE = Pattern.compile("[\\s\\u3000]+");

    final LinkRecord record;
    /** The reading, or one inferred from the kanji (see {@link #inferReadings}); empty when none. */
    String familyReading;

    String givenReading;

    /** Whether a reading was inferred from the kanji rather than recorded. */
    boolean readingInferred;

    final String familyName;
    final String givenName;
    final String[] formerReadings;
    final String[] formerNames;
    final @Nullable ApproxDate birth;
    final @Nullable String birthDigits;
    final byte sex;
    final String phone;
    final String address;

    Features(LinkRecord r) {
        this.record = r;
        String family = JapaneseText.normalize(r.familyName());
        String given = JapaneseText.normalize(r.givenName());
        if (given.isEmpty() && family.contains(" ")) {
            given = family.substring(family.indexOf(' ') + 1);
            family = family.substring(0, family.indexOf(' '));
        }
        String familyKana = JapaneseText.normalize(r.familyNameKana());
        String givenKana = JapaneseText.normalize(r.givenNameKana());
        if (givenKana.isEmpty() && familyKana.contains(" ")) {
            givenKana = familyKana.substring(familyKana.indexOf(' ') + 1);
            familyKana = familyKana.substring(0, familyKana.indexOf(' '));
        }
        String familyKey = nameKey(family);
        String givenKey = nameKey(given);
        this.familyReading = !familyKana.isEmpty() ? reading(familyKana) : isKana(familyKey) ? reading(family) : "";
        this.givenReading = !givenKana.isEmpty() ? reading(givenKana) : isKana(givenKey) ? reading(given) : "";
        // a name written in kana only says nothing about the kanji
        boolean kanaOnly = isKana(familyKey) && (givenKey.isEmpty() || isKana(givenKey));
        this.familyName = kanaOnly ? "" : familyKey;
        this.givenName = kanaOnly ? "" : givenKey;
        String[] formers = r.formerNames() == null || r.formerNames().isBlank()
                ? new String[0]
                : JapaneseText.normalize(r.formerNames()).split("[ ,、，/／・]+");
        this.formerReadings = new String[formers.length];
        this.formerNames = new String[formers.length];
        for (int i = 0; i < formers.length; i++) {
            String key = nameKey(formers[i]);
            formerNames[i] = isKana(key) ? "" : key;
            formerReadings[i] = isKana(key) ? reading(formers[i]) : "";
        }
        this.birth = r.birth();
        this.birthDigits = birth != null && birth.exact() ? birth.digits() : null;
        String s = r.sex() == null ? "" : r.sex();
        this.sex = (byte) (s.startsWith("M") ? 1 : s.startsWith("F") ? 2 : 0);
        this.phone =
                r.protectedPerson() ? "" : PhoneNumbers.normalize(r.phone()).orElse("");
        this.address = r.protectedPerson() ? "" : block(r.address());
    }

    /** A copy, for a record whose reading may be inferred within one group of records (see {@link #forGroup}). */
    private Features(Features f) {
        this.record = f.record;
        this.familyReading = f.familyReading;
        this.givenReading = f.givenReading;
        this.readingInferred = f.readingInferred;
        this.familyName = f.familyName;
        this.givenName = f.givenName;
        this.formerReadings = f.formerReadings;
        this.formerNames = f.formerNames;
        this.birth = f.birth;
        this.birthDigits = f.birthDigits;
        this.sex = f.sex;
        this.phone = f.phone;
        this.address = f.address;
    }

    /**
     * These features, prepared once, for one group of records compared together: a copy when {@link #inferReadings}
     * may give it a reading within the group, else the same (never changed, so shared between groups and threads).
     */
    Features forGroup() {
        boolean inferable =
                (familyReading.isEmpty() && !familyName.isEmpty()) || (givenReading.isEmpty() && !givenName.isEmpty());
        return inferable ? new Features(this) : this;
    }

    /**
     * Gives records that have kanji but no reading the reading that the other records with the same kanji carry most
     * often (山崎 read やまざき by most records that have both), so that they can be compared with records in kana
     * only and share the blocking keys of readings. A guess, so it is marked: the reasons say that a reading was
     * inferred. Nothing is inferred for kanji no record reads.
     */
    static void inferReadings(Features[] records) {
        java.util.Map<String, java.util.Map<String, Integer>> family = new java.util.HashMap<>();
        java.util.Map<String, java.util.Map<String, Integer>> given = new java.util.HashMap<>();
        for (Features f : records) {
            if (!f.familyName.isEmpty() && !f.familyReading.isEmpty() && !f.readingInferred) {
                family.computeIfAbsent(f.familyName, k -> new java.util.HashMap<>())
                        .merge(f.familyReading, 1, Integer::sum);
            }
            if (!f.givenName.isEmpty() && !f.givenReading.isEmpty() && !f.readingInferred) {
                given.computeIfAbsent(f.givenName, k -> new java.util.HashMap<>())
                        .merge(f.givenReading, 1, Integer::sum);
            }
        }
        for (Features f : records) {
            if (f.familyReading.isEmpty() && !f.familyName.isEmpty()) {
                String reading = commonest(family.get(f.familyName));
                if (reading != null) {
                    f.familyReading = reading;
                    f.readingInferred = true;
                }
            }
            if (f.givenReading.isEmpty() && !f.givenName.isEmpty()) {
                String reading = commonest(given.get(f.givenName));
                if (reading != null) {
                    f.givenReading = reading;
                    f.readingInferred = true;
                }
            }
        }
    }

    private static @Nullable String commonest(java.util.@Nullable Map<String, Integer> readings) {
        if (readings == null) {
            return null;
        }
        String best = null;
        int most = 0;
        for (var e : readings.entrySet()) {
            if (e.getValue() > most
                    || (e.getValue() == most && best != null && e.getKey().compareTo(best) < 0)) {
                best = e.getKey();
                most = e.getValue();
            }
        }
        return best;
    }

    String fullReading() {
        return familyReading + givenReading;
    }

    /** A reading for comparing: hiragana, long vowels and old kana folded, then voiced and small kana folded. */
    static String reading(@Nullable String text) {
        String loose = JapaneseText.looseReadingKey(text);
        String s =
                MARKS.matcher(Normalizer.normalize(loose, Normalizer.Form.NFD)).replaceAll("");
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int small = SMALL.indexOf(c);
            out.append(small >= 0 ? LARGE.charAt(small) : c);
        }
        return out.toString();
    }

    /** A name as written: the search key (width, kana, variant kanji folded) with a few more variants folded. */
    static String nameKey(@Nullable String text) {
        String key = JapaneseText.nameKey(text);
        StringBuilder out = new StringBuilder(key.length());
        key.codePoints().map(c -> EXTRA_VARIANTS.getOrDefault(c, c)).forEach(out::appendCodePoint);
        return out.toString();
    }

    /** The address as 町丁目 and 番地: without prefecture, city, ward or building. Empty when there is none. */
    static String block(@Nullable String address) {
        if (address == null || address.isBlank()) {
            return "";
        }
        String s = Addresses.key(SPACE.matcher(address).replaceAll(""));
        s = PREFECTURE.matcher(s).replaceFirst("");
        s = CITY.matcher(s).replaceFirst("");
        var m = BLOCK.matcher(s);
        return m.find() ? m.group() : s;
    }

    static boolean isKana(String key) {
        if (key.isEmpty()) {
            return false;
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (!((c >= 'ぁ' && c <= 'ゖ') || c == 'ー' || c == 'ゝ' || c == 'ゞ')) {
                return false;
            }
        }
        return true;
    }
}
