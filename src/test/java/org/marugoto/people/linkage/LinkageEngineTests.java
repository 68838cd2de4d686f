package org.marugoto.people.linkage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.marugoto.bench.LinkageData;
import org.marugoto.bench.LinkageEvaluation;

/** The linkage engine: normalisation, comparisons, the household negatives, and its quality on a seeded population. */
class LinkageEngineTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

    @Test
    void onASeededPopulationTheSuggestionsAreRightAndFindAlmostEveryone() {
        LinkageData.Population population = LinkageData.generate(3_000, 7);
        LinkageEngine.Result result = LinkageEngine.link(population.records(), Model.defaults());
        LinkageEvaluation e = LinkageEvaluation.of(population, result);
        assertThat(e.pairwise().precision())
                .as("pairwise precision %s", e.pairwise())
                .isGreaterThan(0.97);
        assertThat(e.pairwise().recall()).as("pairwise recall %s", e.pairwise()).isGreaterThan(0.95);
        assertThat(e.clustered().f1()).as("clustered %s", e.clustered()).isGreaterThan(0.97);
        assertThat(result.candidates()).allSatisfy(c -> assertThat(c.reasons()).isNotEmpty());
        // m is estimated from pairs selected by one key alone: two different men born on one day who share a given
        // name are not learnt as one man whose family name changed (in this population men's names never change)
        assertThat(result.model().m()[LinkageEngine.FAMILY][4]).isLessThan(0.01);
        assertThat(result.model().m()[LinkageEngine.FAMILY][3]).isGreaterThan(0.01);
    }

    @Test
    void readingsFoldKanaWidthVoicingAndSmallKana() {
        assertThat(Features.reading("アカグチ")).isEqualTo(Features.reading("あかくち"));
        assertThat(Features.reading("ｷｸﾔ")).isEqualTo(Features.reading("きくや"));
        assertThat(Features.reading("キョウコ")).isEqualTo(Features.reading("きようこ"));
        assertThat(Features.nameKey("栁田")).isEqualTo(Features.nameKey("柳田"));
        assertThat(Features.nameKey("髙橋")).isEqualTo(Features.nameKey("高橋"));
        assertThat(Features.nameKey("山﨑")).isEqualTo(Features.nameKey("山崎"));
        assertThat(Features.nameKey("渡邊")).isEqualTo(Features.nameKey("渡辺")).isEqualTo(Features.nameKey("渡邉"));
    }

    @Test
    void addressesAreCutToTownBlockAndLotAndPhonesToDigits() {
        assertThat(Features.block("千葉県みなと市桜町二丁目3番5号 コーポ桜101")).isEqualTo("桜町2-3-5");
        assertThat(Features.block("みなと市桜町２丁目３－５")).isEqualTo("桜町2-3-5");
        assertThat(Features.block("桜町2-3-5")).isEqualTo("桜町2-3-5");
        Features a = new Features(record("タナカ", "ハナコ", null, null, "1974-07-03", "０９０（１２３４）５６７８", null, "h1"));
        Features b = new Features(record("田中", "花子", "たなか", "はなこ", "S49.7.3", "090 1234 5678", null, "h2"));
        assertThat(a.phone).isEqualTo(b.phone).isEqualTo("09012345678");
        assertThat(a.birthDigits).isEqualTo(b.birthDigits);
    }

    @Test
    void aKanaOnlyRecordWithAVoicingDifferenceAndAWarekiDateIsSuggested() {
        LinkRecord kana = record("アカクチ", "ヒロシ", null, null, "S49.7.3", "０９０（１２３４）５６７８", null, "h1");
        LinkRecord kanji = record("赤口", "浩", "あかぐち", "ひろし", "1974-07-03", null, "みなと市桜町1-2-3", "h2");
        List<Candidate> found = LinkageEngine.compare(kana, List.of(kanji), Model.defaults());
        assertThat(found).singleElement().satisfies(c -> {
            assertThat(c.decision()).isEqualTo(Decision.MATCH);
            assertThat(c.reasons()).contains(Reason.READING_SAME, Reason.BIRTH_SAME, Reason.NAME_KANA_ONLY);
        });
    }

    @Test
    void aOneDigitSlipASwappedDateAndAnApproximateAgeStillMatch() {
        LinkRecord base = record("柳田", "明", "やなぎだ", "あきら", "1950-03-12", null, null, "h1");
        for (String other : List.of("1956-03-12", "1950-12-03", "76歳くらい", "昭和25年")) {
            LinkRecord r = record("栁田", "明", "ヤナギダ", "アキラ", other, null, null, "h2");
            assertThat(LinkageEngine.compare(base, List.of(r), Model.defaults()))
                    .as(other)
                    .singleElement()
                    .satisfies(c -> assertThat(c.decision()).isNotEqualTo(Decision.NON_MATCH));
        }
    }

    @Test
    void aMarriedNameIsFoundThroughTheFormerName() {
        LinkRecord before = record("秋山", "君子", "あきやま", "きみこ", "1979-04-08", null, null, "h1");
        LinkRecord after = new LinkRecord(
                UUID.randomUUID(),
                null,
                "平田",
                "君子",
                "ひらた",
                "きみこ",
                "秋山",
                "FEMALE",
                ApproxDate.parse("1979-04-08", TODAY).orElseThrow(),
                null,
                null,
                "h2",
                false);
        assertThat(LinkageEngine.compare(before, List.of(after), Model.defaults()))
                .singleElement()
                .satisfies(c -> {
                    assertThat(c.decision()).isEqualTo(Decision.MATCH);
                    assertThat(c.reasons()).contains(Reason.FORMER_NAME);
                });
    }

    @Test
    void membersOfOneHouseholdAndParentAndChildWithOneNameAreNeverSuggested() {
        LinkRecord father = record("菊谷", "明", "きくや", "あきら", "1950-05-01", "043-111-2222", "桜町1-2-3", "h1");
        LinkRecord son = record("菊谷", "明", "きくや", "あきら", "1980-09-09", "043-111-2222", "桜町1-2-3", "h9");
        LinkRecord wife = record("菊谷", "洋子", "きくや", "ようこ", "1952-01-01", "043-111-2222", "桜町1-2-3", "h1");
        assertThat(LinkageEngine.ruledOut(father, son)).isTrue();
        assertThat(LinkageEngine.ruledOut(father, wife)).isTrue();
        assertThat(LinkageEngine.compare(father, List.of(son, wife), Model.defaults()))
                .isEmpty();
    }

    @Test
    void aSharedPhoneAndAddressAloneAreNoDuplicate() {
        LinkRecord a = record("菊池", "陽菜", "きくち", "ひな", "1965-05-23", "043-820-2650", "吉野2-21-2", "h1");
        LinkRecord b = record("菊池", "英樹", "きくち", "ひでき", "1962-04-25", "0438202650", "吉野二丁目21番2号", "h2");
        assertThat(LinkageEngine.compare(a, List.of(b), Model.defaults())).isEmpty();
    }

    @Test
    void aProtectedPersonsAddressAndPhoneAreNeverAReason() {
        LinkRecord open = record("佐藤", "花子", "さとう", "はなこ", "1980-01-01", "090-1111-2222", "桜町1-2-3", "h1");
        LinkRecord hidden = new LinkRecord(
                UUID.randomUUID(),
                null,
                "佐藤",
                "花子",
                "さとう",
                "はなこ",
                null,
                "FEMALE",
                ApproxDate.parse("1980-01-01", TODAY).orElseThrow(),
                "090-1111-2222",
                "桜町1-2-3",
                "h2",
                true);
        assertThat(LinkageEngine.compare(open, List.of(hidden), Model.defaults()))
                .singleElement()
                .satisfies(c -> assertThat(c.reasons()).noneMatch(Reason::aboutContact));
    }

    @Test
    void aCommonSurnamePairScoresBelowARareSurnamePairWithTheSameAgreement() {
        // a town where one record in three is さとう and てしがわら is carried by two records
        List<LinkRecord> town = new java.util.ArrayList<>();
        String[] given = {"はなこ", "ようこ", "けいこ", "さちこ", "かずこ", "くみこ", "ゆみこ", "ゆうこ", "まゆみ", "あけみ"};
        String[] family = {"たかぎ", "こやま", "ひらの", "うえの", "のぐち", "たけだ", "まつい", "ちば", "いわさき", "すがわら"};
        for (int i = 0; i < 2000; i++) {
            String f = i % 3 == 0 ? "さとう" : family[i % family.length] + family[i / 10 % family.length];
            town.add(record("x", "x", f, given[i % given.length] + i, "1950-01-01", null, null, "t" + i));
        }
        LinkRecord sato1 = record("佐藤", "花子", "さとう", "はなこ", "1980-01-01", null, null, "h1");
        LinkRecord sato2 = record("佐藤", "花子", "さとう", "はなこ", "1980-01-01", null, null, "h2");
        LinkRecord rare1 = record("勅使河原", "花子", "てしがわら", "はなこ", "1980-01-01", null, null, "h3");
        LinkRecord rare2 = record("勅使河原", "花子", "てしがわら", "はなこ", "1980-01-01", null, null, "h4");
        town.addAll(List.of(sato1, sato2, rare1, rare2));
        NameFrequencies frequencies = NameFrequencies.of(town);
        Candidate common = LinkageEngine.compare(sato1, List.of(sato2), Model.defaults(), frequencies)
                .getFirst();
        Candidate rare = LinkageEngine.compare(rare1, List.of(rare2), Model.defaults(), frequencies)
                .getFirst();
        assertThat(common.weight()).isLessThan(rare.weight() - 5);
        assertThat(common.reasons()).contains(Reason.NAME_COMMON).doesNotContain(Reason.NAME_RARE);
        assertThat(rare.reasons()).contains(Reason.NAME_RARE).doesNotContain(Reason.NAME_COMMON);
        // without frequencies both weigh the same and say nothing of frequency
        double plain = LinkageEngine.compare(sato1, List.of(sato2), Model.defaults())
                .getFirst()
                .weight();
        assertThat(plain)
                .isEqualTo(LinkageEngine.compare(rare1, List.of(rare2), Model.defaults())
                        .getFirst()
                        .weight());
        assertThat(common.weight()).isLessThan(plain).isLessThan(rare.weight());
    }

    @Test
    void aRecordWithoutReadingIsComparedWithAKanaOnlyRecordThroughTheReadingOfItsKanjiElsewhere() {
        LinkRecord kana = record("ヤマザキ", "ハナコ", null, null, "1961-02-03", null, null, "h1");
        LinkRecord kanji = record("山﨑", "花子", null, null, "S36.2.3", null, null, "h2");
        LinkRecord read = record("山崎", "太郎", "やまざき", "たろう", "1990-01-01", null, null, "h3");
        LinkRecord read2 = record("佐藤", "花子", "さとう", "はなこ", "1970-01-01", null, null, "h4");
        assertThat(LinkageEngine.compare(kana, List.of(kanji, read, read2), Model.defaults()))
                .filteredOn(c -> c.b().equals(kanji.id()))
                .singleElement()
                .satisfies(c -> {
                    assertThat(c.decision()).isEqualTo(Decision.MATCH);
                    assertThat(c.reasons()).contains(Reason.READING_INFERRED, Reason.READING_SAME);
                });
        // with nothing to learn the reading from, the two cannot be compared by name
        assertThat(LinkageEngine.compare(kana, List.of(kanji), Model.defaults()))
                .allSatisfy(c -> assertThat(c.decision()).isNotEqualTo(Decision.MATCH));
    }

    @Test
    void anotherFamilyNameSaysLessAgainstTwoWomenThanAgainstTwoMen() {
        LinkRecord woman1 = withSex(record("秋山", "明美", "あきやま", "あけみ", "1979-04-08", null, null, "h1"), "FEMALE");
        LinkRecord woman2 = withSex(record("平田", "明美", "ひらた", "あけみ", "1979-04-08", null, null, "h2"), "FEMALE");
        LinkRecord man1 = withSex(record("秋山", "明", "あきやま", "あきら", "1979-04-08", null, null, "h3"), "MALE");
        LinkRecord man2 = withSex(record("平田", "明", "ひらた", "あきら", "1979-04-08", null, null, "h4"), "MALE");
        double women = LinkageEngine.compare(woman1, List.of(woman2), Model.defaults())
                .getFirst()
                .weight();
        List<Candidate> men = LinkageEngine.compare(man1, List.of(man2), Model.defaults());
        assertThat(men).allSatisfy(c -> assertThat(c.weight()).isLessThan(women - 2));
    }

    @Test
    void oneReadingWrittenWithOtherKanjiSaysTwoPeopleMoreOftenThanOne() {
        LinkRecord yoko1 = record("菊谷", "陽子", "きくや", "ようこ", "1961-02-03", null, null, "h1");
        LinkRecord yoko2 = record("菊谷", "洋子", "きくや", "ようこ", "1961-02-03", null, null, "h2");
        LinkRecord yoko3 = record("菊谷", "陽子", "キクヤ", "ヨウコ", "1961-02-03", null, null, "h3");
        LinkRecord kana = record("キクヤ", "ヨウコ", null, null, "1961-02-03", null, null, "h4");
        List<Candidate> found = LinkageEngine.compare(yoko1, List.of(yoko2, yoko3, kana), Model.defaults());
        Candidate other =
                found.stream().filter(c -> c.b().equals(yoko2.id())).findFirst().orElseThrow();
        Candidate same =
                found.stream().filter(c -> c.b().equals(yoko3.id())).findFirst().orElseThrow();
        assertThat(other.reasons()).contains(Reason.NAME_HOMOPHONE);
        assertThat(other.weight()).isLessThan(same.weight() - 3);
        assertThat(same.reasons()).doesNotContain(Reason.NAME_HOMOPHONE);
        // a record in kana only has no kanji to differ, and variants folded are the same kanji (髙/高)
        assertThat(found)
                .filteredOn(c -> c.b().equals(kana.id()))
                .singleElement()
                .satisfies(c -> assertThat(c.reasons()).doesNotContain(Reason.NAME_HOMOPHONE));
        LinkRecord taka1 = record("高木", "明", "たかぎ", "あきら", "1950-01-01", null, null, "h5");
        LinkRecord taka2 = record("髙木", "明", "たかぎ", "あきら", "1950-01-01", null, null, "h6");
        assertThat(LinkageEngine.compare(taka1, List.of(taka2), Model.defaults()))
                .singleElement()
                .satisfies(c -> assertThat(c.reasons()).doesNotContain(Reason.NAME_HOMOPHONE));
    }

    @Test
    void theWeightOfAHomophoneIsLearntFromNamesakesBornOnOneDayAgainstOnOtherDays() {
        // ten pairs of one person (one date) whose kanji agree, and namesakes on other days: half write it otherwise
        List<Features> records = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String day = "1960-01-%02d".formatted(i + 1);
            records.add(new Features(record("秋山", "洋子", "あきやま", "ようこ", day, null, null, "a" + i)));
            records.add(new Features(record("秋山", "洋子", "あきやま", "ようこ", day, null, null, "b" + i)));
            records.add(new Features(
                    record("秋山", "陽子", "あきやま", "ようこ", "1970-05-%02d".formatted(i + 1), null, null, "c" + i)));
        }
        Features[] f = records.toArray(Features[]::new);
        java.util.List<Long> pairs = new java.util.ArrayList<>();
        for (int a = 0; a < f.length; a++) {
            for (int b = a + 1; b < f.length; b++) {
                pairs.add(((long) a << 32) | b);
            }
        }
        double[][] m = Model.defaults().m(), u = Model.defaults().u();
        LinkageEngine.homophoneWeights(
                f, pairs.stream().mapToLong(Long::longValue).toArray(), m, u);
        double weight = Math.log(
                        m[LinkageEngine.NAME][LinkageEngine.HOMOPHONE] / u[LinkageEngine.NAME][LinkageEngine.HOMOPHONE])
                / Math.log(2);
        // one person: never (smoothed, at least 1 %); two people: most pairs born on other days
        assertThat(weight).isBetween(-7.0, -3.0);
    }

    @Test
    void aPhoneThatDiffersWhereTheAddressIsMissingSaysLessThanAMove() {
        LinkRecord a = record("菊谷", "明", "きくや", "あきら", "1950-05-01", "090-1111-2222", "桜町1-2-3", "h1");
        LinkRecord noAddress = record("菊谷", "明", "きくや", "あきら", "1950-05-01", "043-111-2222", null, "h2");
        LinkRecord moved = record("菊谷", "明", "きくや", "あきら", "1950-05-01", "043-111-2222", "緑町4-5-6", "h3");
        List<Candidate> found = LinkageEngine.compare(a, List.of(noAddress, moved), Model.defaults());
        assertThat(found).hasSize(2);
        assertThat(found.get(0).b()).isEqualTo(noAddress.id());
        assertThat(found.get(0).weight()).isGreaterThan(found.get(1).weight());
        assertThat(found).allSatisfy(c -> assertThat(c.reasons()).noneMatch(Reason::aboutContact));
    }

    @Test
    void datesTwoDigitsApartWeighBetweenASlipAndAnotherDate() {
        LinkRecord a = record("柳田", "明", "やなぎだ", "あきら", "1950-03-12", null, null, "h1");
        LinkRecord slip = record("柳田", "明", "やなぎだ", "あきら", "1950-04-12", null, null, "h2");
        LinkRecord two = record("柳田", "明", "やなぎだ", "あきら", "1950-04-11", null, null, "h3");
        LinkRecord other = record("柳田", "明", "やなぎだ", "あきら", "1957-09-28", null, null, "h4");
        List<Candidate> found =
                LinkageEngine.compare(a, List.of(slip, two, other), Model.defaults(), NameFrequencies.none());
        java.util.Map<UUID, Candidate> byId = new java.util.HashMap<>();
        found.forEach(c -> byId.put(c.b(), c));
        assertThat(byId.get(two.id()).reasons()).contains(Reason.BIRTH_TWO_DIGITS);
        assertThat(byId.get(two.id()).weight()).isLessThan(byId.get(slip.id()).weight());
        assertThat(byId.get(other.id())).as("another date: not even to review").isNull();
    }

    @Test
    void clusteringKeepsApartWhatANegativeForbidsAndSendsTheSuggestedPairToReview() {
        // 田中花子 born 1970 and 田中花子 born 1985 are two people; a record without a date matches either
        Features born1970 = new Features(record("田中", "花子", "たなか", "はなこ", "1970-01-01", null, null, "h1"));
        Features noDate = new Features(record("田中", "花子", "たなか", "はなこ", "", null, null, "h2"));
        Features born1985 = new Features(record("田中", "花子", "たなか", "はなこ", "1985-05-05", null, null, "h3"));
        Features[] f = {born1970, noDate, born1985};
        List<long[]> matches = new java.util.ArrayList<>();
        matches.add(new long[] {1L, Double.doubleToLongBits(20)}); // 0-1
        matches.add(new long[] {(1L << 32) | 2, Double.doubleToLongBits(15)}); // 1-2
        List<List<UUID>> clusters = Clusters.of(f, matches);
        assertThat(clusters).singleElement().satisfies(c -> assertThat(c)
                .containsExactlyInAnyOrder(born1970.record.id(), noDate.record.id()));
        List<Candidate> candidates = List.of(
                new Candidate(
                        born1970.record.id(),
                        noDate.record.id(),
                        20,
                        0.9,
                        Decision.MATCH,
                        List.of(Reason.READING_SAME)),
                new Candidate(
                        noDate.record.id(),
                        born1985.record.id(),
                        15,
                        0.7,
                        Decision.MATCH,
                        List.of(Reason.READING_SAME)));
        List<Candidate> decided = LinkageEngine.apartInClusters(candidates, clusters);
        assertThat(decided.get(0).decision()).isEqualTo(Decision.MATCH);
        assertThat(decided.get(1).decision()).isEqualTo(Decision.REVIEW);
        assertThat(decided.get(1).reasons()).contains(Reason.CLUSTER_CONFLICT, Reason.READING_SAME);
    }

    @Test
    void twoSlipsOfOneDateDoNotKeepOnePersonsRecordsApart() {
        Features right = new Features(record("田中", "花子", "たなか", "はなこ", "1950-03-12", null, null, "h1"));
        Features slip1 = new Features(record("田中", "花子", "たなか", "はなこ", "1950-04-12", null, null, "h2"));
        Features slip2 = new Features(record("田中", "花子", "たなか", "はなこ", "1950-03-11", null, null, "h3"));
        Features[] f = {right, slip1, slip2};
        List<long[]> matches = new java.util.ArrayList<>();
        matches.add(new long[] {1L, Double.doubleToLongBits(20)});
        matches.add(new long[] {2L, Double.doubleToLongBits(19)});
        assertThat(Clusters.of(f, matches)).singleElement().satisfies(c -> assertThat(c)
                .hasSize(3));
    }

    private static LinkRecord withSex(LinkRecord r, String sex) {
        return new LinkRecord(
                r.id(),
                r.agencyId(),
                r.familyName(),
                r.givenName(),
                r.familyNameKana(),
                r.givenNameKana(),
                r.formerNames(),
                sex,
                r.birth(),
                r.phone(),
                r.address(),
                r.household(),
                r.protectedPerson());
    }

    private static LinkRecord record(
            String family,
            String given,
            @Nullable String familyKana,
            @Nullable String givenKana,
            String birth,
            @Nullable String phone,
            @Nullable String address,
            String household) {
        return new LinkRecord(
                UUID.randomUUID(),
                null,
                family,
                given,
                familyKana,
                givenKana,
                null,
                null,
                ApproxDate.parse(birth, TODAY).orElse(null),
                phone,
                address,
                household,
                false);
    }
}
