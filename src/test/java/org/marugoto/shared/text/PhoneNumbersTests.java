package org.marugoto.shared.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumbersTests {

    @ParameterizedTest(name = "[{index}] \"{0}\" -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                // the notations found on forms and in documents from other offices
                "0470-21-3301 | 0470213301",
                "０４７０（２１）３３０１ | 0470213301",
                "０４７０－２１－３３０１ | 0470213301",
                "0470(21)3301 | 0470213301",
                "(0470)21-3301 | 0470213301",
                "（０４７０）２１－３３０１ | 0470213301",
                "0470 21 3301 | 0470213301",
                "０４７０　２１　３３０１ | 0470213301",
                "'  0470-21-3301  ' | 0470213301",
                "0470.21.3301 | 0470213301",
                "0470213301 | 0470213301",
                "090-1234-5678 | 09012345678",
                "090‐1234‐5678 | 09012345678",
                "090‑1234‑5678 | 09012345678",
                "090–1234–5678 | 09012345678",
                "090—1234—5678 | 09012345678",
                "090―1234―5678 | 09012345678",
                "090−1234−5678 | 09012345678",
                "090ー1234ー5678 | 09012345678",
                "０９０ー１２３４ー５６７８ | 09012345678",
                "090ｰ1234ｰ5678 | 09012345678",
                "03-1234-5678 | 0312345678",
                "06 6123 4567 | 0661234567",
                "0120-123-456 | 0120123456",
                "0570-000-123 | 0570000123",
                "050-1234-5678 | 05012345678",
                "#7119 | ''",
                // international notation
                "+81 90-1234-5678 | 09012345678",
                "+81-90-1234-5678 | 09012345678",
                "+819012345678 | 09012345678",
                "+81 (0)90-1234-5678 | 09012345678",
                "+81(0)3-1234-5678 | 0312345678",
                "＋８１　９０－１２３４－５６７８ | 09012345678",
                "+81 090-1234-5678 | 09012345678",
                "+81 3 1234 5678 | 0312345678",
                // short local numbers and the limits
                "21-3301 | 213301",
                "12345 | 12345",
                "123456789012345 | 123456789012345",
            })
    void keepsTheDigits(String input, String expected) {
        if (expected.isEmpty()) {
            assertThat(PhoneNumbers.normalize(input)).isEmpty();
        } else {
            assertThat(PhoneNumbers.normalize(input)).contains(expected);
        }
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @ValueSource(
            strings = {
                "090-1234-abcd",
                "090-1234-ABCD",
                "０９０－１２３４－ａｂｃｄ",
                "TEL 0470-21-3301",
                "0470-21-3301（自宅）",
                "0470-21-3301 内線123",
                "0470-21-3301 ext. 12",
                "0470-21-3301/090-1234-5678",
                "0470-21-3301、090-1234-5678",
                "+1 202 555 0100",
                "+44 20 7946 0958",
                "81 90 1234 5678 #",
                "090_1234_5678",
                "090*1234*5678",
                "なし",
                "不明",
                "1234",
                "12-34",
                "+81",
                "+81 (0)",
                "1234567890123456",
                "",
                "   ",
                "---",
                "()",
            })
    void refusesWhatIsNotOnePhoneNumber(String input) {
        assertThat(PhoneNumbers.normalize(input)).isEmpty();
    }

    @Test
    void refusesNull() {
        assertThat(PhoneNumbers.normalize(null)).isEmpty();
    }

    @Test
    void givesTheSameNumberForEveryNotationOfIt() {
        assertThat(PhoneNumbers.normalize("+81 (0)470-21-3301"))
                .isEqualTo(PhoneNumbers.normalize("０４７０（２１）３３０１"))
                .isEqualTo(PhoneNumbers.normalize("0470 21 3301"))
                .contains("0470213301");
    }
}
