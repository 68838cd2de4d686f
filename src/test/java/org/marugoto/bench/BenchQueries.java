package org.marugoto.bench;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.marugoto.shared.text.Addresses;
import org.marugoto.shared.text.JapaneseDates;
import org.marugoto.shared.text.JapaneseText;
import org.marugoto.shared.text.PhoneNumbers;

/** The query categories of the benchmark and how a user would type each of them for a given person. */
final class BenchQueries {

    private BenchQueries() {}

    /** A person sampled from the loaded data, and whether the caseworker's agency may see them. */
    record Target(
            UUID id,
            String familyName,
            @Nullable String givenName,
            String familyKana,
            @Nullable String givenKana,
            @Nullable LocalDate birthDate,
            @Nullable String phone,
            @Nullable String address,
            boolean foreign,
            boolean visible) {

        String familyReading() {
            return JapaneseText.readingKey(familyKana);
        }

        String givenReading() {
            return JapaneseText.readingKey(givenKana);
        }
    }

    enum Category {
        READING("reading-hiragana", "kana reading in hiragana: さとう / さとうけいこ / さとう けいこ"),
        KATAKANA("katakana/halfwidth", "katakana or half-width kana, long vowels as ー: サトウ ケイコ / ｻﾄｰ"),
        ROMAJI("romaji", "romaji, any case and long-vowel spelling: Sato Keiko / SATOH / satou keiko"),
        KANJI("kanji+variant", "kanji name typed with the other form of a variant kanji: 髙橋 美咲 / 渡邉恵子"),
        WAREKI("wareki-date", "full date of birth in the era calendar: S45.4.1 / 昭和45年4月1日 / 昭45.4.1 / S450401"),
        SEIREKI("seireki-date", "full Gregorian date of birth: 1970-04-01 / 1970/4/1 / 1970年4月1日 / 19700401"),
        YEAR("year-only", "year of birth only: 1970 / 1970年 / 昭和45年 / S45"),
        PHONE("phone", "phone number in any notation: 090-1234-5678 / 09012345678 / ０４７０－２２－４８１１"),
        ADDRESS("address-fragment", "address fragment: 桜台3丁目 / 桜台三丁目8番 / 桜台3-8-2"),
        COMBINED("reading+date", "family reading and date of birth: さとう S45.4.1 / さとう 1970-04-01");

        final String label;
        final String description;

        Category(String label, String description) {
            this.label = label;
            this.description = description;
        }
    }

    /** The query a user would type to find the target, or null when the target does not suit the category. */
    static @Nullable String query(Category category, Target t, Random r) {
        return switch (category) {
            case READING -> name(t.familyReading(), t.givenReading(), r);
            case KATAKANA -> katakana(t, r);
            case ROMAJI -> romaji(t, r);
            case KANJI -> kanji(t, r);
            case WAREKI -> t.birthDate() == null ? null : wareki(t.birthDate(), r);
            case SEIREKI -> t.birthDate() == null ? null : seireki(t.birthDate(), r);
            case YEAR -> t.birthDate() == null ? null : year(t.birthDate(), r);
            case PHONE -> t.phone() == null ? null : phone(t.phone(), r);
            case ADDRESS -> t.address() == null ? null : address(t.address(), r);
            case COMBINED ->
                t.birthDate() == null
                        ? null
                        : t.familyReading() + " "
                                + (r.nextBoolean() ? wareki(t.birthDate(), r) : seireki(t.birthDate(), r));
        };
    }

    /** Family name alone (35%), family and given name run together (35%) or with a space (30%). */
    private static String name(String family, @Nullable String given, Random r) {
        int form = r.nextInt(100);
        if (given == null || given.isEmpty() || form < 35) {
            return family;
        }
        return form < 70 ? family + given : family + " " + given;
    }

    private static final Pattern LONG_O = Pattern.compile("([おこごそぞとどのほぼぽもよょろ])う");

    private static String katakana(Target t, Random r) {
        String hiragana = name(t.familyReading(), t.givenReading(), r);
        if (r.nextInt(100) < 25) {
            hiragana = LONG_O.matcher(hiragana).replaceAll("$1ー");
        }
        String katakana = Kana.toKatakana(hiragana);
        return r.nextBoolean() ? katakana : Kana.toHalfWidth(katakana);
    }

    private static @Nullable String romaji(Target t, Random r) {
        if (t.foreign()) {
            return null;
        }
        Kana.LongVowel style = Kana.LongVowel.values()[r.nextInt(10) < 5 ? 0 : 1 + r.nextInt(3)];
        String family = Kana.toRomaji(t.familyReading(), style);
        String given = Kana.toRomaji(t.givenReading(), style);
        if (family == null || given == null) {
            return null;
        }
        int form = r.nextInt(100);
        if (form < 40) {
            return capital(family) + " " + capital(given);
        } else if (form < 60) {
            return family + " " + given;
        } else if (form < 75) {
            return family.toUpperCase(java.util.Locale.ROOT) + " " + capital(given);
        }
        return capital(family);
    }

    private static String capital(String word) {
        return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    private static final Map<Character, Character> STANDARD_OF = standardOf();

    private static Map<Character, Character> standardOf() {
        var map = new java.util.HashMap<Character, Character>();
        BenchNames.VARIANTS.forEach((standard, variant) -> map.put(variant, standard));
        map.put('斉', '斎');
        return Map.copyOf(map);
    }

    /** The other form of each variant kanji in the name: 高橋 typed for 髙橋, 髙橋 typed for 高橋. */
    private static String swapVariants(String name) {
        StringBuilder out = new StringBuilder(name.length());
        for (char c : name.toCharArray()) {
            Character other = BenchNames.VARIANTS.get(c);
            if (other == null) {
                other = STANDARD_OF.get(c);
            }
            out.append(other == null ? c : other);
        }
        return out.toString();
    }

    private static @Nullable String kanji(Target t, Random r) {
        if (t.foreign()) {
            return null;
        }
        String family = swapVariants(t.familyName());
        String given = t.givenName() == null ? null : swapVariants(t.givenName());
        if (family.equals(t.familyName()) && (given == null || given.equals(t.givenName()))) {
            return null;
        }
        return name(family, given, r);
    }

    private record Era(String name, String letter, LocalDate start) {}

    private static final Era[] ERAS = {
        new Era("令和", "R", LocalDate.of(2019, 5, 1)),
        new Era("平成", "H", LocalDate.of(1989, 1, 8)),
        new Era("昭和", "S", LocalDate.of(1926, 12, 25)),
        new Era("大正", "T", LocalDate.of(1912, 7, 30)),
    };

    private static Era era(LocalDate date) {
        for (Era era : ERAS) {
            if (!date.isBefore(era.start())) {
                return era;
            }
        }
        throw new IllegalArgumentException("no era for " + date);
    }

    private static String wareki(LocalDate date, Random r) {
        Era era = era(date);
        int year = date.getYear() - era.start().getYear() + 1;
        int m = date.getMonthValue();
        int d = date.getDayOfMonth();
        return switch (r.nextInt(4)) {
            case 0 -> era.letter() + year + "." + m + "." + d;
            case 1 -> JapaneseDates.wareki(date);
            case 2 -> era.name().charAt(0) + "" + year + "." + m + "." + d;
            default -> "%s%02d%02d%02d".formatted(era.letter(), year, m, d);
        };
    }

    private static String seireki(LocalDate date, Random r) {
        return switch (r.nextInt(4)) {
            case 0 -> date.toString();
            case 1 -> date.getYear() + "/" + date.getMonthValue() + "/" + date.getDayOfMonth();
            case 2 -> date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
            default -> "%d%02d%02d".formatted(date.getYear(), date.getMonthValue(), date.getDayOfMonth());
        };
    }

    private static String year(LocalDate date, Random r) {
        Era era = era(date);
        int eraYear = date.getYear() - era.start().getYear() + 1;
        return switch (r.nextInt(4)) {
            case 0 -> Integer.toString(date.getYear());
            case 1 -> date.getYear() + "年";
            case 2 -> era.name() + (eraYear == 1 ? "元" : Integer.toString(eraYear)) + "年";
            default -> era.letter() + eraYear;
        };
    }

    private static @Nullable String phone(String stored, Random r) {
        Optional<String> digits = PhoneNumbers.normalize(stored);
        if (digits.isEmpty()) {
            return null;
        }
        String d = digits.get();
        String a;
        String b;
        String c;
        if (d.startsWith("0470") && d.length() == 10) {
            a = d.substring(0, 4);
            b = d.substring(4, 6);
            c = d.substring(6);
        } else if (d.length() == 11) {
            a = d.substring(0, 3);
            b = d.substring(3, 7);
            c = d.substring(7);
        } else {
            return d;
        }
        int form = r.nextInt(100);
        if (form < 40) {
            return a + "-" + b + "-" + c;
        } else if (form < 70) {
            return d;
        } else if (form < 85) {
            return Kana.toFullWidth(a + "-" + b + "-" + c);
        }
        return "(" + a + ")" + b + "-" + c;
    }

    private static final Pattern BLOCK = Pattern.compile("^(?:美月野市)?(\\D+?)(\\d+)-(\\d+)-(\\d+)");

    private static @Nullable String address(String stored, Random r) {
        Matcher m = BLOCK.matcher(Addresses.key(stored));
        if (!m.find()) {
            return null;
        }
        String town = m.group(1);
        int chome = Integer.parseInt(m.group(2));
        int form = r.nextInt(100);
        if (form < 40) {
            return town + chome + "丁目";
        } else if (form < 70) {
            return town + Kana.kanjiNumeral(chome) + "丁目" + m.group(3) + "番";
        }
        return town + chome + "-" + m.group(3) + "-" + m.group(4);
    }
}
