package org.marugoto.shared.text;

/**
 * Kanji numerals to arabic digits, shared by addresses (二丁目) and dates (昭和四十五年). Package private: callers
 * decide in which context a kanji numeral is a number and not part of a name such as 四日市 or 千葉.
 */
final class KanjiNumerals {

    private static final int MAX_RUN = 15;

    private KanjiNumerals() {}

    static boolean isNumeral(int c) {
        return digit(c) >= 0 || unit(c) > 0;
    }

    /** The value of one numeral run, written either positionally (二〇二 = 202) or with units (二百二 = 202). */
    static long value(String run) {
        boolean hasUnits = run.codePoints().anyMatch(c -> unit(c) > 0);
        if (!hasUnits) {
            long value = 0;
            for (int i = 0; i < run.length(); i++) {
                value = value * 10 + digit(run.charAt(i));
            }
            return value;
        }
        long total = 0;
        long current = -1;
        for (int i = 0; i < run.length(); i++) {
            char c = run.charAt(i);
            int unit = unit(c);
            if (unit > 0) {
                // a unit without a multiplier counts once: 十二 = 12, 百五 = 105
                total += (current < 0 ? 1 : current) * unit;
                current = -1;
            } else {
                current = (current < 0 ? 0 : current * 10) + digit(c);
            }
        }
        return total + Math.max(current, 0);
    }

    /**
     * Replaces the numeral runs for which {@code convert} answers true (given the run's start and end index) by
     * their arabic value.
     */
    static String replaceRuns(String text, RunFilter convert) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (!isNumeral(c)) {
                out.append(c);
                i++;
                continue;
            }
            int end = i;
            while (end < text.length() && isNumeral(text.charAt(end))) {
                end++;
            }
            String run = text.substring(i, end);
            // a run this long is no number anybody writes, and its value would overflow
            boolean number = run.length() <= MAX_RUN && convert.test(text, i, end);
            out.append(number ? Long.toString(value(run)) : run);
            i = end;
        }
        return out.toString();
    }

    static String replaceAllRuns(String text) {
        return replaceRuns(text, (t, start, end) -> true);
    }

    @FunctionalInterface
    interface RunFilter {
        boolean test(String text, int start, int end);
    }

    private static int digit(int c) {
        return switch (c) {
            case '〇' -> 0;
            case '一' -> 1;
            case '二' -> 2;
            case '三' -> 3;
            case '四' -> 4;
            case '五' -> 5;
            case '六' -> 6;
            case '七' -> 7;
            case '八' -> 8;
            case '九' -> 9;
            default -> -1;
        };
    }

    private static int unit(int c) {
        return switch (c) {
            case '十' -> 10;
            case '百' -> 100;
            case '千' -> 1000;
            default -> 0;
        };
    }
}
