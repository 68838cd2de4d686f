package org.marugoto.area.demo;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.marugoto.area.AreaLevel;
import org.marugoto.area.AreaView;
import org.marugoto.area.domain.AreaCommand;
import org.marugoto.area.domain.AreaService;
import org.marugoto.area.domain.PopulationService;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The areas of the fictional demo city 美月野市 (Mizukino, about 150,000 residents): five daily-life areas, eight
 * junior-high districts, sixteen elementary districts with their district councils, and some neighbourhood
 * associations. Idempotent: areas are looked up by code first.
 */
@Component
@Order(10)
@ConditionalOnBooleanProperty("marugoto.demo.enabled")
class AreaDemoData implements ApplicationRunner {

    /** code, name, reading, population, households, then junior-high districts. */
    private static final Object[][] DAILY_LIFE_AREAS = {
        {
            "N",
            "北部圏域",
            "ほくぶけんいき",
            27_400,
            12_100,
            new String[][] {
                {"N1", "美月野北中学校区", "みづきのきたちゅうがっこうく", "北小学校区:ほくしょう", "桜台小学校区:さくらだいしょう"},
                {"N2", "月見ヶ丘中学校区", "つきみがおかちゅうがっこうく", "月見小学校区:つきみしょう", "白樺小学校区:しらかばしょう"}
            }
        },
        {
            "C",
            "中央圏域",
            "ちゅうおうけんいき",
            38_900,
            18_700,
            new String[][] {
                {"C1", "美月野中央中学校区", "みづきのちゅうおうちゅうがっこうく", "本町小学校区:ほんまちしょう", "駅前小学校区:えきまえしょう"},
                {"C2", "緑町中学校区", "みどりちょうちゅうがっこうく", "緑町小学校区:みどりちょうしょう", "若葉小学校区:わかばしょう"}
            }
        },
        {
            "E",
            "東部圏域",
            "とうぶけんいき",
            31_200,
            13_900,
            new String[][] {
                {"E1", "東雲中学校区", "しののめちゅうがっこうく", "東雲小学校区:しののめしょう", "旭小学校区:あさひしょう"},
                {"E2", "川端中学校区", "かわばたちゅうがっこうく", "川端小学校区:かわばたしょう", "港小学校区:みなとしょう"}
            }
        },
        {
            "S",
            "南部圏域",
            "なんぶけんいき",
            29_800,
            13_200,
            new String[][] {{"S1", "南台中学校区", "みなみだいちゅうがっこうく", "南台小学校区:みなみだいしょう", "梅林小学校区:ばいりんしょう"}}
        },
        {
            "W",
            "西部圏域",
            "せいぶけんいき",
            22_700,
            10_400,
            new String[][] {{"W1", "西山中学校区", "にしやまちゅうがっこうく", "西山小学校区:にしやましょう", "稲穂小学校区:いなほしょう"}}
        },
    };

    private final AreaService areas;
    private final PopulationService population;
    private final Clock clock;

    AreaDemoData(AreaService areas, PopulationService population, Clock clock) {
        this.areas = areas;
        this.population = population;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (Object[] row : DAILY_LIFE_AREAS) {
            String code = (String) row[0];
            int population = (Integer) row[3];
            int households = (Integer) row[4];
            String[][] juniorHighs = (String[][]) row[5];
            UUID dailyLife = ensure(
                    null, AreaLevel.DAILY_LIFE_AREA, code, (String) row[1], (String) row[2], population, households);
            int elementaryCount = juniorHighs.length * 2;
            for (String[] jh : juniorHighs) {
                UUID juniorHigh = ensure(
                        dailyLife,
                        AreaLevel.JUNIOR_HIGH_DISTRICT,
                        jh[0],
                        jh[1],
                        jh[2],
                        population / juniorHighs.length,
                        households / juniorHighs.length);
                for (int i = 3; i < jh.length; i++) {
                    String[] nameAndReading = jh[i].split(":");
                    String elementaryCode = jh[0] + "-" + (i - 2);
                    String base = nameAndReading[0].replace("小学校区", "");
                    UUID elementary = ensure(
                            juniorHigh,
                            AreaLevel.ELEMENTARY_DISTRICT,
                            elementaryCode,
                            nameAndReading[0],
                            nameAndReading[1] + "がっこうく",
                            population / elementaryCount,
                            households / elementaryCount);
                    UUID council = ensure(
                            elementary,
                            AreaLevel.DISTRICT_COUNCIL,
                            elementaryCode + "-K",
                            base + "地区社会福祉協議会",
                            null,
                            population / elementaryCount,
                            households / elementaryCount);
                    for (int n = 1; n <= 2; n++) {
                        ensure(
                                council,
                                AreaLevel.NEIGHBOURHOOD_ASSOCIATION,
                                elementaryCode + "-J" + n,
                                base + (n == 1 ? "一丁目自治会" : "二丁目町内会"),
                                null,
                                null,
                                null);
                    }
                }
            }
        }
        population.importDemo(populationTable());
    }

    /**
     * The population table of the elementary districts on 1 April of this fiscal year: the district's typed population
     * split into four age bands, with an ageing rate between about 22% and 36% that differs by district, and
     * single-elderly households about a fifth of the residents aged 65 and over.
     */
    private byte[] populationTable() {
        LocalDate today = LocalDate.now(clock);
        LocalDate asOf = LocalDate.of(today.getMonthValue() >= 4 ? today.getYear() : today.getYear() - 1, 4, 1);
        StringBuilder csv = new StringBuilder(String.join(",", PopulationService.COLUMNS)).append('\n');
        for (AreaView area : areas.tree()) {
            Integer persons = area.population();
            if (area.level() != AreaLevel.ELEMENTARY_DISTRICT || persons == null) {
                continue;
            }
            int spread = Math.floorMod(area.code().hashCode(), 15);
            int aged = persons * (22 + spread) / 100;
            int old = aged * (45 + spread) / 100;
            int children = persons * (15 - spread / 3) / 100;
            int working = persons - aged - children;
            int single = aged / 5;
            csv.append(line(area.code(), asOf, "0-14", children, single));
            csv.append(line(area.code(), asOf, "15-64", working, single));
            csv.append(line(area.code(), asOf, "65-74", aged - old, single));
            csv.append(line(area.code(), asOf, "75+", old, single));
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String line(String code, LocalDate asOf, String band, int persons, int single) {
        return code + "," + asOf + "," + band + "," + persons + "," + single + "\n";
    }

    private UUID ensure(
            @Nullable UUID parent,
            AreaLevel level,
            String code,
            String name,
            @Nullable String kana,
            @Nullable Integer population,
            @Nullable Integer households) {
        return areas.ensure(new AreaCommand(parent, level, code, name, kana, population, households, true))
                .id();
    }
}
