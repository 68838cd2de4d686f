package org.marugoto.shared.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AddressesTests {

    @ParameterizedTest(name = "[{index}] \"{0}\" -> \"{1}\"")
    @CsvSource(
            delimiter = '|',
            value = {
                // block and lot numbers in every notation
                "美月野市桜台二丁目５番８号 | 美月野市桜台2-5-8",
                "美月野市桜台2丁目5番8号 | 美月野市桜台2-5-8",
                "美月野市 桜台 2-5-8 | 美月野市桜台2-5-8",
                "美月野市　桜台２－５－８ | 美月野市桜台2-5-8",
                "桜台２－５－８ | 桜台2-5-8",
                "桜台2丁目5-8 | 桜台2-5-8",
                "桜台2-5-8 | 桜台2-5-8",
                "桜台２‐５‐８ | 桜台2-5-8",
                "桜台2–5–8 | 桜台2-5-8",
                "桜台2—5—8 | 桜台2-5-8",
                "桜台2―5―8 | 桜台2-5-8",
                "桜台2−5−8 | 桜台2-5-8",
                "桜台２ー５ー８ | 桜台2-5-8",
                "桜台2ｰ5ｰ8 | 桜台2-5-8",
                "桜台二ー五ー八 | 桜台2-5-8",
                "桜台二丁目五番八号 | 桜台2-5-8",
                "桜台2丁目5番地8 | 桜台2-5-8",
                "桜台2丁目5番地の8 | 桜台2-5-8",
                "桜台2の5の8 | 桜台2-5-8",
                "桜台2丁目 | 桜台2",
                "桜台二丁目 | 桜台2",
                "桜台2-5-8- | 桜台2-5-8",
                "本町一丁目1番地の1 | 本町1-1-1",
                "本町一丁目一番地の一 | 本町1-1-1",
                "本町1丁目1番1号 | 本町1-1-1",
                "本町1-1-1 | 本町1-1-1",
                "本町１ノ１ | 本町1-1",
                "本町2丁5番 | 本町2-5",
                // kanji numerals of any size
                "桜台十丁目 | 桜台10",
                "桜台十二丁目 | 桜台12",
                "緑町二十三番地 | 緑町23",
                "緑町百五番地 | 緑町105",
                "緑町百番地 | 緑町100",
                "緑町千二百三十四番地 | 緑町1234",
                "緑町二〇五番地 | 緑町205",
                "緑町一〇番地 | 緑町10",
                "緑町〇番地 | 緑町0",
                "緑町一二三四五六七八九〇一二三四五六番地 | 緑町一二三四五六七八九〇一二三四五六番地",
                "北一条西二丁目 | 北1条西2",
                "北二十四条西五丁目 | 北24条西5",
                // numerals that belong to place names stay kanji
                "千葉県八王子市四日市 | 千葉県八王子市四日市",
                "九十九里町 | 九十九里町",
                "十日町市 | 十日町市",
                "一宮市 | 一宮市",
                "六本木三丁目 | 六本木3",
                "三鷹市下連雀二丁目 | 三鷹市下連雀2",
                "五反田一丁目二番三号 | 五反田1-2-3",
                // 大字 and 字
                "美月野町大字山田字北1234番地 | 美月野町山田北1234",
                "大字山田 | 山田",
                "字北 | 北",
                "美月野町大字山田 | 美月野町山田",
                // variants and particles
                "髙島町1-2 | 高島町1-2",
                "濱町3-4 | 浜町3-4",
                "霞が関三丁目 | 霞ヶ関3",
                "霞ケ関3-1 | 霞ヶ関3-1",
                "霞ヶ関3-1 | 霞ヶ関3-1",
                "自由が丘 | 自由ヶ丘",
                "一ノ瀬 | 一の瀬",
                "一の瀬 | 一の瀬",
                // building names keep their katakana; latin in lower case
                "桜台2-5-8 サンハイツ101号室 | 桜台2-5-8サンハイツ101-室",
                "本町1-1 センタービル | 本町1-1センタービル",
                "本町１－１　ハイツＡ棟 | 本町1-1ハイツa棟",
                "'' | ''",
            })
    void buildsTheKey(String input, String expected) {
        assertThat(Addresses.key(input)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{index}] {0} = {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "美月野市桜台二丁目５番８号 | 美月野市桜台2-5-8",
                "桜台２－５－８ | 桜台2丁目5番8号",
                "本町一丁目1番地の1 | 本町1-1-1",
                "霞が関 | 霞ヶ関",
                "髙島町 | 高島町",
                "美月野町大字山田 | 美月野町山田",
            })
    void matchesNotationsOfTheSameAddress(String one, String other) {
        assertThat(Addresses.key(one)).isEqualTo(Addresses.key(other));
    }

    @ParameterizedTest(name = "[{index}] \"{1}\" in \"{0}\"")
    @CsvSource(
            delimiter = '|',
            value = {
                "美月野市桜台二丁目５番８号 | 桜台2-5",
                "美月野市桜台二丁目５番８号 | 桜台二丁目",
                "美月野市桜台二丁目５番８号 | 桜台２",
                "美月野市桜台二丁目５番８号 | 桜台二",
                "美月野市桜台二丁目５番８号 | 美月野市 桜台",
                "美月野町大字山田字北1234番地 | 山田字北",
                "美月野町大字山田字北1234番地 | 大字山田",
                "赤十字病院前 | 赤十字",
                "霞が関三丁目 | 霞ケ関",
            })
    void findsAFragmentInTheFullAddress(String address, String fragment) {
        assertThat(Addresses.key(address)).contains(Addresses.key(fragment));
    }

    @Test
    void treatsNullAsEmpty() {
        assertThat(Addresses.key(null)).isEmpty();
    }

    @Test
    void keepsDifferentBlocksApart() {
        assertThat(Addresses.key("桜台二丁目5番8号")).isNotEqualTo(Addresses.key("桜台2-5-18"));
        assertThat(Addresses.key("桜台十二丁目")).isNotEqualTo(Addresses.key("桜台1-2"));
    }
}
