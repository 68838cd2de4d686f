package org.marugoto.shared.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.LocalDate;
import java.time.chrono.JapaneseDate;
import java.time.format.TextStyle;
import java.time.temporal.ChronoField;
import java.util.Locale;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.marugoto.shared.text.DateParse.Invalid;
import org.marugoto.shared.text.DateParse.Parsed;
import org.marugoto.shared.text.DateParse.Reason;

class JapaneseDatesTests {

    private static final LocalDate TODAY = LocalDate.of(2025, 6, 15);

    @Nested
    class Parse {

        @ParameterizedTest(name = "[{index}] \"{0}\" -> {1}")
        @CsvSource(
                delimiter = '|',
                value = {
                    // era dates
                    "昭和45年4月1日 | 1970-04-01",
                    "昭和４５年４月１日 | 1970-04-01",
                    "昭和 45 年 4 月 1 日 | 1970-04-01",
                    "昭和　４５年　４月　１日 | 1970-04-01",
                    "昭和45年04月01日 | 1970-04-01",
                    "昭和45年4月1 | 1970-04-01",
                    "昭和45.4.1 | 1970-04-01",
                    "昭45.4.1 | 1970-04-01",
                    "昭45年4月1日 | 1970-04-01",
                    "S45.4.1 | 1970-04-01",
                    "s45.4.1 | 1970-04-01",
                    "s45/4/1 | 1970-04-01",
                    "S45-4-1 | 1970-04-01",
                    "Ｓ４５．４．１ | 1970-04-01",
                    "Ｓ４５／４／１ | 1970-04-01",
                    "S 45.4.1 | 1970-04-01",
                    "S45.04.01 | 1970-04-01",
                    "S450401 | 1970-04-01",
                    "㍼45年4月1日 | 1970-04-01",
                    "昭和四十五年四月一日 | 1970-04-01",
                    "昭和45年4月1日生 | 1970-04-01",
                    "昭和45年4月1日生まれ | 1970-04-01",
                    "H2.1.3 | 1990-01-03",
                    "h2.1.3 | 1990-01-03",
                    "平成2年1月3日 | 1990-01-03",
                    "平2.1.3 | 1990-01-03",
                    "㍻2年1月3日 | 1990-01-03",
                    "平成元年1月8日 | 1989-01-08",
                    "H1.1.8 | 1989-01-08",
                    "平成31年4月30日 | 2019-04-30",
                    "令和元年5月1日 | 2019-05-01",
                    "令和1年5月1日 | 2019-05-01",
                    "R1.5.1 | 2019-05-01",
                    "R元.5.1 | 2019-05-01",
                    "r元/5/1 | 2019-05-01",
                    "令元.5.1 | 2019-05-01",
                    "㋿元年5月1日 | 2019-05-01",
                    "令和7年6月15日 | 2025-06-15",
                    "M6.1.1 | 1873-01-01",
                    "明治6年1月1日 | 1873-01-01",
                    "明6.1.1 | 1873-01-01",
                    "明治45年7月29日 | 1912-07-29",
                    "大正元年7月30日 | 1912-07-30",
                    "T1.7.30 | 1912-07-30",
                    "T12.9.1 | 1923-09-01",
                    "大正12年9月1日 | 1923-09-01",
                    "大正15年12月24日 | 1926-12-24",
                    "昭和元年12月25日 | 1926-12-25",
                    "S1.12.25 | 1926-12-25",
                    "昭和64年1月7日 | 1989-01-07",
                    "S64.1.7 | 1989-01-07",
                    "昭和20年8月15日 | 1945-08-15",
                    "平成12年2月29日 | 2000-02-29",
                    "令和6年2月29日 | 2024-02-29",
                    // Gregorian dates
                    "1970-04-01 | 1970-04-01",
                    "1970/4/1 | 1970-04-01",
                    "1970/04/01 | 1970-04-01",
                    "1970.4.1 | 1970-04-01",
                    "1970年4月1日 | 1970-04-01",
                    "1970 年 4 月 1 日 | 1970-04-01",
                    "19700401 | 1970-04-01",
                    "１９７０年４月１日 | 1970-04-01",
                    "１９７０－０４－０１ | 1970-04-01",
                    "２０２０年１月２日 | 2020-01-02",
                    "西暦1970年4月1日 | 1970-04-01",
                    "千九百七十年四月一日 | 1970-04-01",
                    "' 1970-04-01 ' | 1970-04-01",
                    "1873-01-01 | 1873-01-01",
                    "2000-02-29 | 2000-02-29",
                    "2099-12-31 | 2099-12-31",
                })
        void readsTheDate(String text, LocalDate expected) {
            assertThat(JapaneseDates.parse(text)).isEqualTo(new Parsed(expected));
        }

        @ParameterizedTest(name = "[{index}] \"{0}\" -> {1}")
        @CsvSource(
                delimiter = '|',
                value = {
                    // era years that do not exist
                    "平成32年1月1日 | ERA_YEAR_OUT_OF_RANGE",
                    "H32.1.1 | ERA_YEAR_OUT_OF_RANGE",
                    "昭和65年1月1日 | ERA_YEAR_OUT_OF_RANGE",
                    "S65.1.1 | ERA_YEAR_OUT_OF_RANGE",
                    "大正16年1月1日 | ERA_YEAR_OUT_OF_RANGE",
                    "明治46年1月1日 | ERA_YEAR_OUT_OF_RANGE",
                    "R0.5.1 | ERA_YEAR_OUT_OF_RANGE",
                    "令和0年5月1日 | ERA_YEAR_OUT_OF_RANGE",
                    "H0.1.8 | ERA_YEAR_OUT_OF_RANGE",
                    "昭和100年1月1日 | ERA_YEAR_OUT_OF_RANGE",
                    // era years that exist, days outside the era
                    "平成31年5月1日 | ERA_YEAR_OUT_OF_RANGE",
                    "H31.5.1 | ERA_YEAR_OUT_OF_RANGE",
                    "平成31年12月31日 | ERA_YEAR_OUT_OF_RANGE",
                    "令和元年4月30日 | ERA_YEAR_OUT_OF_RANGE",
                    "R1.1.1 | ERA_YEAR_OUT_OF_RANGE",
                    "昭和64年1月8日 | ERA_YEAR_OUT_OF_RANGE",
                    "S64.12.31 | ERA_YEAR_OUT_OF_RANGE",
                    "平成元年1月7日 | ERA_YEAR_OUT_OF_RANGE",
                    "H1.1.1 | ERA_YEAR_OUT_OF_RANGE",
                    "大正15年12月25日 | ERA_YEAR_OUT_OF_RANGE",
                    "昭和元年12月24日 | ERA_YEAR_OUT_OF_RANGE",
                    "S1.1.1 | ERA_YEAR_OUT_OF_RANGE",
                    "明治45年7月30日 | ERA_YEAR_OUT_OF_RANGE",
                    "大正元年7月29日 | ERA_YEAR_OUT_OF_RANGE",
                    // before the Gregorian calendar
                    "明治5年12月31日 | BEFORE_MEIJI_6",
                    "M5.12.31 | BEFORE_MEIJI_6",
                    "明治元年1月1日 | BEFORE_MEIJI_6",
                    "1872-12-31 | BEFORE_MEIJI_6",
                    "1850/1/1 | BEFORE_MEIJI_6",
                    "0001-01-01 | BEFORE_MEIJI_6",
                    // days that do not exist
                    "2021-02-30 | NO_SUCH_DAY",
                    "2021年2月29日 | NO_SUCH_DAY",
                    "1900-02-29 | NO_SUCH_DAY",
                    "昭和45年2月30日 | NO_SUCH_DAY",
                    "S45.2.30 | NO_SUCH_DAY",
                    "令和5年2月29日 | NO_SUCH_DAY",
                    "平成2年4月31日 | NO_SUCH_DAY",
                    "1970-13-01 | NO_SUCH_DAY",
                    "1970-00-10 | NO_SUCH_DAY",
                    "1970-04-00 | NO_SUCH_DAY",
                    "1970-04-32 | NO_SUCH_DAY",
                    "19701301 | NO_SUCH_DAY",
                    "S45.13.1 | NO_SUCH_DAY",
                    // no date at all
                    "昭和45年 | FORMAT",
                    "昭和45年4月 | FORMAT",
                    "1970 | FORMAT",
                    "1970/4 | FORMAT",
                    "70/4/1 | FORMAT",
                    "4/1/1970 | FORMAT",
                    "X45.4.1 | FORMAT",
                    "昭和 | FORMAT",
                    "不明 | FORMAT",
                    "abc | FORMAT",
                    "1970-04-01T10:00 | FORMAT",
                    "1970--04-01 | FORMAT",
                    "197041 | FORMAT",
                    "'' | EMPTY",
                    "'   ' | EMPTY",
                    "'　' | EMPTY",
                })
        void tellsWhyTheTextIsNoDate(String text, Reason reason) {
            assertThat(JapaneseDates.parse(text)).isEqualTo(new Invalid(reason));
        }

        @Test
        void treatsNullAsEmpty() {
            assertThat(JapaneseDates.parse(null)).isEqualTo(new Invalid(Reason.EMPTY));
        }

        @Test
        void neverReportsFutureWithoutToday() {
            assertThat(JapaneseDates.parse("2999-01-01")).isEqualTo(new Parsed(LocalDate.of(2999, 1, 1)));
        }

        @Test
        void offersTheDateAsOptional() {
            assertThat(JapaneseDates.parse("S45.4.1").toOptional()).contains(LocalDate.of(1970, 4, 1));
            assertThat(JapaneseDates.parse("S45.2.30").toOptional()).isEmpty();
        }
    }

    @Nested
    class ParseBirthDate {

        @ParameterizedTest(name = "[{index}] \"{0}\" -> {1}")
        @CsvSource(
                delimiter = '|',
                value = {
                    "令和7年6月15日 | 2025-06-15",
                    "R7.6.14 | 2025-06-14",
                    "昭和45年4月1日 | 1970-04-01",
                    "M6.1.1 | 1873-01-01",
                })
        void acceptsDatesUpToToday(String text, LocalDate expected) {
            assertThat(JapaneseDates.parseBirthDate(text, TODAY)).isEqualTo(new Parsed(expected));
        }

        @ParameterizedTest(name = "[{index}] \"{0}\"")
        @ValueSource(strings = {"令和7年6月16日", "R7.6.16", "2025-06-16", "2026/1/1", "令和10年1月1日", "20300101"})
        void refusesDatesAfterToday(String text) {
            assertThat(JapaneseDates.parseBirthDate(text, TODAY)).isEqualTo(new Invalid(Reason.FUTURE));
        }

        @ParameterizedTest(name = "[{index}] \"{0}\" -> {1}")
        @CsvSource(
                delimiter = '|',
                value = {
                    "平成32年1月1日 | ERA_YEAR_OUT_OF_RANGE",
                    "2030-02-30 | NO_SUCH_DAY",
                    "1870-01-01 | BEFORE_MEIJI_6",
                    "明日 | FORMAT",
                    "'' | EMPTY",
                })
        void reportsOtherReasonsFirst(String text, Reason reason) {
            assertThat(JapaneseDates.parseBirthDate(text, TODAY)).isEqualTo(new Invalid(reason));
        }
    }

    @Nested
    class ParseForSearch {

        @ParameterizedTest(name = "[{index}] \"{0}\" -> {1} .. {2}")
        @CsvSource(
                delimiter = '|',
                value = {
                    // years
                    "昭和45年 | 1970-01-01 | 1970-12-31",
                    "昭和４５年 | 1970-01-01 | 1970-12-31",
                    "昭和45 | 1970-01-01 | 1970-12-31",
                    "S45 | 1970-01-01 | 1970-12-31",
                    "s45 | 1970-01-01 | 1970-12-31",
                    "昭45 | 1970-01-01 | 1970-12-31",
                    "1970 | 1970-01-01 | 1970-12-31",
                    "1970年 | 1970-01-01 | 1970-12-31",
                    "１９７０ | 1970-01-01 | 1970-12-31",
                    "令和元年 | 2019-05-01 | 2019-12-31",
                    "R1 | 2019-05-01 | 2019-12-31",
                    "平成元年 | 1989-01-08 | 1989-12-31",
                    "平成31年 | 2019-01-01 | 2019-04-30",
                    "昭和64年 | 1989-01-01 | 1989-01-07",
                    "S64 | 1989-01-01 | 1989-01-07",
                    "昭和元年 | 1926-12-25 | 1926-12-31",
                    "大正15年 | 1926-01-01 | 1926-12-24",
                    "大正元年 | 1912-07-30 | 1912-12-31",
                    "明治45年 | 1912-01-01 | 1912-07-29",
                    "明治6年 | 1873-01-01 | 1873-12-31",
                    "1873 | 1873-01-01 | 1873-12-31",
                    // months
                    "昭和45年4月 | 1970-04-01 | 1970-04-30",
                    "S45.4 | 1970-04-01 | 1970-04-30",
                    "S45/4 | 1970-04-01 | 1970-04-30",
                    "1970/4 | 1970-04-01 | 1970-04-30",
                    "1970-04 | 1970-04-01 | 1970-04-30",
                    "1970年4月 | 1970-04-01 | 1970-04-30",
                    "2000年2月 | 2000-02-01 | 2000-02-29",
                    "1900年2月 | 1900-02-01 | 1900-02-28",
                    "平成元年1月 | 1989-01-08 | 1989-01-31",
                    "昭和64年1月 | 1989-01-01 | 1989-01-07",
                    "平成31年4月 | 2019-04-01 | 2019-04-30",
                    "令和元年5月 | 2019-05-01 | 2019-05-31",
                    // full dates
                    "昭和45年4月1日 | 1970-04-01 | 1970-04-01",
                    "S45.4.1 | 1970-04-01 | 1970-04-01",
                    "1970-04-01 | 1970-04-01 | 1970-04-01",
                    "19700401 | 1970-04-01 | 1970-04-01",
                })
        void givesTheRange(String text, LocalDate from, LocalDate to) {
            assertThat(JapaneseDates.parseForSearch(text)).contains(new DateRange(from, to));
        }

        @ParameterizedTest(name = "[{index}] \"{0}\"")
        @ValueSource(
                strings = {
                    "平成32年",
                    "昭和65年",
                    "大正16年",
                    "R0",
                    "平成31年5月",
                    "令和元年4月",
                    "昭和64年2月",
                    "昭和45年13月",
                    "1970/13",
                    "1970/0",
                    "明治5年",
                    "M1",
                    "1872",
                    "1872/12",
                    "平成32年1月1日",
                    "2021-02-30",
                    "1850-01-01",
                    "昭和",
                    "197",
                    "不明",
                    "",
                    "  ",
                })
        void isEmptyForTextThatNamesNoDays(String text) {
            assertThat(JapaneseDates.parseForSearch(text)).isEmpty();
        }

        @Test
        void isEmptyForNull() {
            assertThat(JapaneseDates.parseForSearch(null)).isEmpty();
        }
    }

    @Nested
    class Wareki {

        @ParameterizedTest(name = "[{index}] {0} -> {1}")
        @CsvSource(
                delimiter = '|',
                value = {
                    "1970-04-01 | 昭和45年4月1日",
                    "2019-05-01 | 令和元年5月1日",
                    "2019-04-30 | 平成31年4月30日",
                    "2020-01-02 | 令和2年1月2日",
                    "1989-01-07 | 昭和64年1月7日",
                    "1989-01-08 | 平成元年1月8日",
                    "1926-12-24 | 大正15年12月24日",
                    "1926-12-25 | 昭和元年12月25日",
                    "1912-07-29 | 明治45年7月29日",
                    "1912-07-30 | 大正元年7月30日",
                    "1873-01-01 | 明治6年1月1日",
                    "1990-01-03 | 平成2年1月3日",
                    "2025-12-31 | 令和7年12月31日",
                    "1872-12-31 | 1872-12-31",
                    "1850-06-01 | 1850-06-01",
                })
        void writesTheEraDate(LocalDate date, String expected) {
            assertThat(JapaneseDates.wareki(date)).isEqualTo(expected);
        }

        @Test
        void agreesWithJavaTimeAndParsesBackForEveryDaySinceMeiji6() {
            for (LocalDate day = JapaneseDates.FIRST_GREGORIAN_DAY;
                    day.isBefore(LocalDate.of(2040, 1, 1));
                    day = day.plusDays(1)) {
                JapaneseDate japanese = JapaneseDate.from(day);
                int year = japanese.get(ChronoField.YEAR_OF_ERA);
                String expected = japanese.getEra().getDisplayName(TextStyle.FULL, Locale.JAPAN)
                        + (year == 1 ? "元" : Integer.toString(year))
                        + "年" + day.getMonthValue() + "月" + day.getDayOfMonth() + "日";
                String wareki = JapaneseDates.wareki(day);
                assertThat(wareki).as("%s", day).isEqualTo(expected);
                assertThat(JapaneseDates.parse(wareki)).as("%s", day).isEqualTo(new Parsed(day));
            }
        }
    }

    @Nested
    class Format {

        @ParameterizedTest(name = "[{index}] {0} -> {1}")
        @CsvSource(
                delimiter = '|',
                value = {
                    "1970-04-01 | 昭和45年4月1日（1970-04-01）",
                    "2019-05-01 | 令和元年5月1日（2019-05-01）",
                    "1989-01-07 | 昭和64年1月7日（1989-01-07）",
                    "1873-01-01 | 明治6年1月1日（1873-01-01）",
                    "1872-12-31 | 1872-12-31",
                })
        void showsEraAndGregorianDate(LocalDate date, String expected) {
            assertThat(JapaneseDates.format(date)).isEqualTo(expected);
        }
    }

    @Nested
    class Ranges {

        @Test
        void containsItsBoundaries() {
            DateRange range = new DateRange(LocalDate.of(1970, 4, 1), LocalDate.of(1970, 4, 30));
            assertThat(range.contains(LocalDate.of(1970, 4, 1))).isTrue();
            assertThat(range.contains(LocalDate.of(1970, 4, 30))).isTrue();
            assertThat(range.contains(LocalDate.of(1970, 3, 31))).isFalse();
            assertThat(range.contains(LocalDate.of(1970, 5, 1))).isFalse();
        }

        @Test
        void ofOneDayStartsAndEndsOnIt() {
            assertThat(DateRange.of(LocalDate.of(1970, 4, 1)))
                    .isEqualTo(new DateRange(LocalDate.of(1970, 4, 1), LocalDate.of(1970, 4, 1)));
        }

        @Test
        void refusesToEndBeforeItStarts() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> new DateRange(LocalDate.of(1970, 4, 2), LocalDate.of(1970, 4, 1)));
        }
    }

    @ParameterizedTest
    @EnumSource(Reason.class)
    void everyReasonIsReachable(Reason reason) {
        String example =
                switch (reason) {
                    case EMPTY -> "";
                    case FORMAT -> "昭和";
                    case ERA_YEAR_OUT_OF_RANGE -> "平成32年1月1日";
                    case BEFORE_MEIJI_6 -> "明治5年1月1日";
                    case NO_SUCH_DAY -> "2021-02-30";
                    case FUTURE -> "2999-01-01";
                };
        assertThat(JapaneseDates.parseBirthDate(example, TODAY)).isEqualTo(new Invalid(reason));
    }
}
