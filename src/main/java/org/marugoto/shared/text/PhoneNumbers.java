package org.marugoto.shared.text;

import java.text.Normalizer;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Phone numbers as digits only, so that "０４７０（２１）３３０１", "0470-21-3301" and "0470 21 3301" are one number.
 * Japanese numbers are written with every kind of dash and bracket, and copied from documents in full width; the
 * digits are what identifies the line.
 */
public final class PhoneNumbers {

    /** Shortest useful number: a local number without area code, as older residents still give it. */
    static final int MIN_DIGITS = 5;

    /** ITU-T E.164 allows 15 digits; anything longer is two numbers or a typo. */
    static final int MAX_DIGITS = 15;

    private static final String SEPARATORS = "-‐‑‒–—―−－ーｰ()（）.．";

    private PhoneNumbers() {}

    /**
     * The digits of the number, with a leading +81 replaced by the domestic 0 (and a "(0)" after it dropped, as in
     * "+81 (0)90-1234-5678"). Empty when the text holds anything but digits and separators (a letter, an extension
     * note, a second number), or fewer than {@value #MIN_DIGITS} or more than {@value #MAX_DIGITS} digits: storing a
     * wrong number as if it were right would be worse than asking again.
     */
    public static Optional<String> normalize(@Nullable String text) {
        if (text == null) {
            return Optional.empty();
        }
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
        boolean international = s.startsWith("+81");
        if (international) {
            s = stripLeadingSeparators(s.substring(3));
            if (s.startsWith("(0)")) {
                s = s.substring(3);
            }
        }
        StringBuilder digits = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if (!Character.isWhitespace(c) && !Character.isSpaceChar(c) && SEPARATORS.indexOf(c) < 0) {
                return Optional.empty();
            }
        }
        // "+81 090-..." is a common mix of both notations; the trunk 0 must not be doubled
        if (international && (digits.isEmpty() || digits.charAt(0) != '0')) {
            digits.insert(0, '0');
        }
        if (digits.length() < MIN_DIGITS || digits.length() > MAX_DIGITS) {
            return Optional.empty();
        }
        return Optional.of(digits.toString());
    }

    private static String stripLeadingSeparators(String s) {
        int i = 0;
        while (i < s.length() && (Character.isWhitespace(s.charAt(i)) || "-‐‑‒–—―−ー".indexOf(s.charAt(i)) >= 0)) {
            i++;
        }
        return s.substring(i);
    }
}
