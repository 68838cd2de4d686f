package org.marugoto.shared.table;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** How the imports read a cell: lists, yes/no, names compared whatever their width and case, the file's hash. */
public final class Cells {

    private static final Pattern LIST = Pattern.compile("[、,，;；/／\\s]+");

    private Cells() {}

    /** A value compared whatever its width, spaces and case. */
    public static String key(String value) {
        return Normalizer.normalize(value, Normalizer.Form.NFKC)
                .strip()
                .replaceAll("\\s+", "")
                .toLowerCase(Locale.ROOT);
    }

    /** The items of a list cell, separated by 、 , ; / or spaces. */
    public static List<String> items(String value) {
        return Arrays.stream(LIST.split(value.strip()))
                .filter(s -> !s.isBlank())
                .toList();
    }

    /** はい／いいえ (○／×, 1／0, yes／no); empty is {@code empty}; null (and an error) for anything else. */
    public static @Nullable Boolean yesNo(int line, String column, String value, boolean empty, List<RowError> errors) {
        switch (key(value)) {
            case "" -> {
                return empty;
            }
            case "はい", "○", "◯", "1", "yes", "true", "可", "あり" -> {
                return true;
            }
            case "いいえ", "×", "0", "no", "false", "不可", "なし" -> {
                return false;
            }
            default -> {
                errors.add(new RowError(line, column, "dirimport.error.yesNo", List.of(value)));
                return null;
            }
        }
    }

    /** The SHA-256 of a file, for the audit record of its import. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
