package org.marugoto.bench;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayInputStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.marugoto.shared.Ids;
import org.marugoto.shared.Japan;
import org.marugoto.shared.text.Addresses;
import org.marugoto.shared.text.JapaneseText;
import org.marugoto.shared.text.PhoneNumbers;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Generates households of 1-5 members for the search benchmark and loads them with COPY. The search keys are computed
 * with exactly the methods {@code PeopleService.personParams} uses, so that the rows are what the application would
 * have written. Rows are marked {@code created_by = 'bench'}.
 */
final class BenchData {

    static final String CREATED_BY = "bench";
    private static final LocalDate FIRST_BIRTH = LocalDate.of(1925, 1, 1);
    private static final LocalDate LAST_BIRTH = LocalDate.of(2025, 12, 31);

    /** How often each agency registers a household (agencies not listed register none). */
    private static final Map<String, Integer> OWNER_WEIGHTS = Map.ofEntries(
            Map.entry("HOKATSU-N", 20),
            Map.entry("HOKATSU-C", 12),
            Map.entry("HOKATSU-E", 10),
            Map.entry("HOKATSU-S", 9),
            Map.entry("HOKATSU-W", 8),
            Map.entry("WELFARE-OFFICE", 10),
            Map.entry("JIRITSU", 10),
            Map.entry("KODOMO", 8),
            Map.entry("KOSODATE-HIROBA", 3),
            Map.entry("DISABILITY-HUB", 5),
            Map.entry("DISABILITY-AOBA", 3),
            Map.entry("SHAKYO", 5),
            Map.entry("HEALTH", 3),
            Map.entry("CITY-WELFARE", 2),
            Map.entry("HUB", 2));

    private final UUID municipalityId;
    private final List<String> agencyCodes = new ArrayList<>();
    private final Map<String, UUID> agencies = new HashMap<>();
    private final int[] cumulativeWeights;
    private final Map<String, UUID> areas;
    private final List<String[]> surnames = new ArrayList<>();
    private final double[] surnameCumulative;
    private final Random random;
    private final String now;
    private long caseCounter;

    // statistics of what was generated
    long households;
    long persons;
    long members;
    long involvements;

    BenchData(UUID municipalityId, Map<String, UUID> agencies, Map<String, UUID> areas, long seed, long caseStart) {
        this.municipalityId = municipalityId;
        this.areas = areas;
        this.random = new Random(seed);
        this.caseCounter = caseStart;
        this.now = java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).toString();
        agencies.forEach((code, id) -> {
            if (OWNER_WEIGHTS.getOrDefault(code, 0) > 0) {
                agencyCodes.add(code);
                this.agencies.put(code, id);
            }
        });
        agencyCodes.sort(String::compareTo);
        if (agencyCodes.isEmpty()) {
            // no demo directory: every agency registers equally
            agencies.forEach((code, id) -> {
                agencyCodes.add(code);
                this.agencies.put(code, id);
            });
        }
        cumulativeWeights = new int[agencyCodes.size()];
        int sum = 0;
        for (int i = 0; i < agencyCodes.size(); i++) {
            sum += OWNER_WEIGHTS.getOrDefault(agencyCodes.get(i), 1);
            cumulativeWeights[i] = sum;
        }
        // surnames: 65% of households from the common list with falling frequency (佐藤 about 1.7%),
        // 35% from a long tail of rarer names
        List<String[]> tail = BenchNames.tailSurnames();
        surnames.addAll(Arrays.asList(BenchNames.COMMON_SURNAMES));
        surnames.addAll(tail);
        surnameCumulative = new double[surnames.size()];
        double common = 0;
        for (int i = 0; i < BenchNames.COMMON_SURNAMES.length; i++) {
            common += 1.0 / (i + 15);
        }
        double total = 0;
        for (int i = 0; i < surnames.size(); i++) {
            total += i < BenchNames.COMMON_SURNAMES.length ? 0.65 * (1.0 / (i + 15)) / common : 0.35 / tail.size();
            surnameCumulative[i] = total;
        }
        for (var variant : BenchNames.VARIANTS.entrySet()) {
            if (!JapaneseText.nameKey(String.valueOf(variant.getKey()))
                    .equals(JapaneseText.nameKey(String.valueOf(variant.getValue())))) {
                throw new IllegalStateException("variant " + variant.getValue() + " is not folded by nameKey");
            }
        }
    }

    // ---- loading --------------------------------------------------------------------------------------------

    /** Generates and COPYs households until {@code count} persons were written, in transactions of a batch each. */
    void load(Connection connection, long count, java.util.function.LongConsumer progress) throws SQLException {
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        connection.setAutoCommit(false);
        try (Statement s = connection.createStatement()) {
            s.execute("set synchronous_commit = off");
            s.execute("set work_mem = '256MB'");
            s.execute("set maintenance_work_mem = '512MB'");
            // bulk load: the generator writes consistent rows and the visible agencies itself, so the visibility
            // triggers need not run per row. The owner may switch off its own (user) triggers; session_replication_role
            // would also skip the foreign-key checks, but needs a superuser, which the application no longer has.
            for (String table : LOADED) {
                s.execute("alter table " + table + " disable trigger user");
            }
        }
        connection.commit();
        try {
            copyAll(copy, connection, count, progress);
        } finally {
            connection.rollback();
            try (Statement s = connection.createStatement()) {
                for (String table : LOADED) {
                    s.execute("alter table " + table + " enable trigger user");
                }
            }
            connection.commit();
            connection.setAutoCommit(true);
        }
    }

    static final List<String> LOADED = List.of("household", "person", "household_member", "household_agency");

    private void copyAll(CopyManager copy, Connection connection, long count, java.util.function.LongConsumer progress)
            throws SQLException {
        long loaded = 0;
        while (loaded < count) {
            Batch batch = new Batch();
            while (loaded + batch.persons < count && batch.persons < 50_000) {
                household(batch, (int) Math.min(5, count - loaded - batch.persons));
            }
            copyIn(copy, "household", HOUSEHOLD_COLUMNS, batch.household);
            copyIn(copy, "person", PERSON_COLUMNS, batch.person);
            copyIn(copy, "household_member", MEMBER_COLUMNS, batch.member);
            copyIn(copy, "household_agency", AGENCY_COLUMNS, batch.agency);
            connection.commit();
            if (loaded == 0) {
                // statistics once there is data, so that the foreign-key checks of the next batches plan well
                try (Statement s = connection.createStatement()) {
                    s.execute("analyze household, person");
                }
                connection.commit();
            }
            loaded += batch.persons;
            progress.accept(loaded);
        }
    }

    private static final boolean DEBUG = Boolean.getBoolean("bench.debug");

    private static void copyIn(CopyManager copy, String table, String columns, StringBuilder rows) throws SQLException {
        long t0 = System.nanoTime();
        try {
            copy.copyIn(
                    "copy " + table + " (" + columns + ") from stdin",
                    new ByteArrayInputStream(rows.toString().getBytes(UTF_8)));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        if (DEBUG) {
            System.err.printf("    copy %s: %.2f s%n", table, (System.nanoTime() - t0) / 1e9);
        }
    }

    private static final String HOUSEHOLD_COLUMNS = "municipality_id, id, case_number, name, address, address_key,"
            + " area_id, owner_agency_id, note, created_at, created_by, updated_at, updated_by, version";
    private static final String PERSON_COLUMNS = "municipality_id, id, owner_agency_id, family_name, given_name,"
            + " family_name_kana, given_name_kana, former_names, sex, birth_date, deceased_on, address, area_id,"
            + " living_situation, phone, email, nationality, preferred_language, note, name_key, reading_key,"
            + " loose_reading_key, former_name_keys, phone_key, address_key, created_at, created_by, updated_at,"
            + " updated_by, version, visible_agencies";
    private static final String MEMBER_COLUMNS = "municipality_id, id, household_id, person_id, relationship,"
            + " lives_together, member_from, member_to, end_reason, created_at, created_by, updated_at, updated_by,"
            + " version";
    private static final String AGENCY_COLUMNS = "municipality_id, household_id, agency_id, reason, created_at,"
            + " created_by, updated_at, updated_by, version";

    private static final class Batch {
        final StringBuilder household = new StringBuilder(1 << 22);
        final StringBuilder person = new StringBuilder(1 << 24);
        final StringBuilder member = new StringBuilder(1 << 22);
        final StringBuilder agency = new StringBuilder(1 << 21);
        int persons;
    }

    // ---- generating -----------------------------------------------------------------------------------------

    private record Person(
            String familyName,
            @Nullable String givenName,
            String familyKana,
            @Nullable String givenKana,
            @Nullable String formerNames,
            String sex,
            LocalDate birthDate,
            @Nullable LocalDate deceasedOn,
            String livingSituation,
            @Nullable String phone,
            @Nullable String nationality,
            @Nullable String language,
            String relationship) {}

    private void household(Batch batch, int maxMembers) {
        String[] street = BenchNames.STREETS[random.nextInt(BenchNames.STREETS.length)];
        String area = street[0];
        String address = address(street[1]);
        String addressKey = Addresses.key(address);
        UUID owner = owner(area);
        UUID second = null;
        if (random.nextInt(100) < 30) {
            UUID other = owner(area);
            for (int tries = 0; other.equals(owner) && tries < 10; tries++) {
                other = owner(area);
            }
            second = other.equals(owner) ? null : other;
        }
        // what the triggers keep in production; the loader writes it itself with triggers off (see load)
        String visible = second == null ? "{" + owner + "}" : "{" + owner + "," + second + "}";
        boolean foreign = random.nextInt(100) < 2;
        String[] surname = foreign ? foreignSurname() : surname();
        String familyName = surname[0];
        String reading = surname[1];
        KanaStyle kanaStyle = kanaStyle();
        List<Person> people =
                foreign ? foreignMembers(familyName, maxMembers) : members(surname, maxMembers, kanaStyle);

        UUID householdId = Ids.newId();
        int registered = 2005 + random.nextInt(22);
        String caseNumber = "H%d-%06d".formatted(registered, caseCounter++);
        UUID areaId = areas.get(area);
        row(
                batch.household,
                municipalityId,
                householdId,
                caseNumber,
                familyName + "家",
                address,
                addressKey,
                areaId,
                owner,
                null,
                now,
                CREATED_BY,
                now,
                CREATED_BY,
                0);
        households++;
        String headPhone = null;
        for (Person p : people) {
            UUID personId = Ids.newId();
            String fullName = p.familyName() + (p.givenName() == null ? "" : p.givenName());
            String fullKana = p.familyKana() + (p.givenKana() == null ? "" : p.givenKana());
            String formerKeys = p.formerNames() == null
                    ? ""
                    : Arrays.stream(p.formerNames().split("[,、，\\n]"))
                            .map(String::strip)
                            .filter(s -> !s.isEmpty())
                            .map(JapaneseText::nameKey)
                            .collect(Collectors.joining(" "));
            row(
                    batch.person,
                    municipalityId,
                    personId,
                    owner,
                    p.familyName(),
                    p.givenName(),
                    p.familyKana(),
                    p.givenKana(),
                    p.formerNames(),
                    p.sex(),
                    p.birthDate(),
                    p.deceasedOn(),
                    address,
                    areaId,
                    p.livingSituation(),
                    p.phone(),
                    null,
                    p.nationality(),
                    p.language(),
                    null,
                    JapaneseText.nameKey(fullName),
                    JapaneseText.readingKey(fullKana),
                    JapaneseText.looseReadingKey(fullKana),
                    formerKeys,
                    p.phone() == null ? null : PhoneNumbers.normalize(p.phone()).orElse(null),
                    Addresses.key(address),
                    now,
                    CREATED_BY,
                    now,
                    CREATED_BY,
                    0,
                    visible);
            boolean died = p.deceasedOn() != null;
            boolean bornInto =
                    p.relationship().equals("CHILD") || p.relationship().equals("GRANDCHILD");
            row(
                    batch.member,
                    municipalityId,
                    Ids.newId(),
                    householdId,
                    personId,
                    p.relationship(),
                    !died,
                    bornInto ? p.birthDate() : null,
                    died ? p.deceasedOn() : null,
                    died ? "DIED" : null,
                    now,
                    CREATED_BY,
                    now,
                    CREATED_BY,
                    0);
            batch.persons++;
            persons++;
            members++;
            if (headPhone == null) {
                headPhone = p.phone();
            }
        }
        row(batch.agency, municipalityId, householdId, owner, "REGISTERED", now, CREATED_BY, now, CREATED_BY, 0);
        involvements++;
        if (second != null) {
            row(
                    batch.agency,
                    municipalityId,
                    householdId,
                    second,
                    random.nextBoolean() ? "CONSULTATION" : "REFERRAL_WITH_CONSENT",
                    now,
                    CREATED_BY,
                    now,
                    CREATED_BY,
                    0);
            involvements++;
        }
    }

    /** The agency that registered a household: weighted, and a 地域包括 centre is usually the one of the area. */
    private UUID owner(String area) {
        int pick = random.nextInt(cumulativeWeights[cumulativeWeights.length - 1]);
        int i = 0;
        while (cumulativeWeights[i] <= pick) {
            i++;
        }
        String code = agencyCodes.get(i);
        if (code.startsWith("HOKATSU-") && random.nextInt(100) < 75 && agencies.containsKey("HOKATSU-" + area)) {
            code = "HOKATSU-" + area;
        }
        return agencies.get(code);
    }

    private enum KanaStyle {
        HIRAGANA,
        KATAKANA,
        HALF_WIDTH
    }

    private KanaStyle kanaStyle() {
        int r = random.nextInt(100);
        return r < 75 ? KanaStyle.HIRAGANA : r < 97 ? KanaStyle.KATAKANA : KanaStyle.HALF_WIDTH;
    }

    private static String kana(String hiragana, KanaStyle style) {
        return switch (style) {
            case HIRAGANA -> hiragana;
            case KATAKANA -> Kana.toKatakana(hiragana);
            case HALF_WIDTH -> Kana.toHalfWidth(Kana.toKatakana(hiragana));
        };
    }

    private String[] surname() {
        double r = random.nextDouble() * surnameCumulative[surnameCumulative.length - 1];
        int i = Arrays.binarySearch(surnameCumulative, r);
        String[] name = surnames.get(i < 0 ? -i - 1 : i);
        String[] readings = name[1].split("\\|");
        return new String[] {name[0], readings[random.nextInt(readings.length)]};
    }

    private String[] foreignSurname() {
        String family = BenchNames.FOREIGN_FAMILY[random.nextInt(BenchNames.FOREIGN_FAMILY.length)];
        return new String[] {family, Kana.toHiragana(family)};
    }

    /** Writes the name with variant kanji (髙橋, 山﨑, 齋藤, 渡邉, 澤田, 濱田, ...) where it has any. */
    private static String withVariants(String name) {
        StringBuilder out = new StringBuilder(name.length());
        for (char c : name.toCharArray()) {
            out.append(BenchNames.VARIANTS.getOrDefault(c, c));
        }
        return out.toString();
    }

    private List<Person> members(String[] surname, int maxMembers, KanaStyle style) {
        // a household's surname is written with variant kanji by a quarter of the families whose name has one
        String written = random.nextInt(100) < 25 ? withVariants(surname[0]) : surname[0];
        String familyKana = kana(surname[1], style);
        List<Person> people = new ArrayList<>();
        int type = random.nextInt(100);
        if (maxMembers == 1 || type < 38) {
            // single: many of them elderly
            boolean elderly = random.nextInt(100) < 45;
            int year = elderly ? year(1925, 1960) : year(1961, 2006);
            String sex = elderly ? (random.nextInt(100) < 65 ? "FEMALE" : "MALE") : sex();
            people.add(person(written, familyKana, style, sex, year, "SELF", true, false));
        } else if (maxMembers == 2 || type < 58) {
            // couple
            int year = random.nextInt(100) < 60 ? year(1925, 1965) : year(1966, 2000);
            String sex = sex();
            people.add(person(written, familyKana, style, sex, year, "SELF", false, false));
            people.add(person(written, familyKana, style, opposite(sex), spouseYear(year), "SPOUSE", false, true));
        } else if (type < 83) {
            // couple and children
            int year = year(1960, 1998);
            String sex = sex();
            people.add(person(written, familyKana, style, sex, year, "SELF", false, false));
            people.add(person(written, familyKana, style, opposite(sex), spouseYear(year), "SPOUSE", false, true));
            int children = 1 + random.nextInt(Math.min(3, maxMembers - 2));
            for (int i = 0; i < children; i++) {
                people.add(person(written, familyKana, style, sex(), childYear(year, 22, 42), "CHILD", false, false));
            }
        } else if (type < 92) {
            // single parent
            int year = year(1965, 2000);
            people.add(person(
                    written,
                    familyKana,
                    style,
                    random.nextInt(100) < 85 ? "FEMALE" : "MALE",
                    year,
                    "SELF",
                    false,
                    false));
            int children = 1 + random.nextInt(Math.min(2, maxMembers - 1));
            for (int i = 0; i < children; i++) {
                people.add(person(written, familyKana, style, sex(), childYear(year, 18, 40), "CHILD", false, false));
            }
        } else {
            // three generations: the parent of the key person, often written with the old kanji of the register
            int year = year(1955, 1985);
            String sex = sex();
            people.add(person(written, familyKana, style, sex, year, "SELF", false, false));
            int parentYear = Math.max(1925, year - 22 - random.nextInt(17));
            String parentName = random.nextBoolean() ? withVariants(surname[0]) : written;
            people.add(person(parentName, familyKana, style, sex(), parentYear, "PARENT", false, false));
            int room = maxMembers - 2;
            if (room > 0 && random.nextInt(100) < 70) {
                people.add(person(written, familyKana, style, opposite(sex), spouseYear(year), "SPOUSE", false, true));
                room--;
            }
            int children = room <= 0 ? 0 : 1 + random.nextInt(Math.min(2, room));
            for (int i = 0; i < children; i++) {
                people.add(person(written, familyKana, style, sex(), childYear(year, 22, 40), "CHILD", false, false));
            }
        }
        return people;
    }

    private List<Person> foreignMembers(String family, int maxMembers) {
        int index = random.nextInt(BenchNames.FOREIGN_NATIONALITIES.length);
        String nationality = BenchNames.FOREIGN_NATIONALITIES[index];
        String language = BenchNames.FOREIGN_LANGUAGES[index];
        List<Person> people = new ArrayList<>();
        int year = year(1960, 2004);
        String sex = sex();
        people.add(foreigner(family, sex, year, "SELF", nationality, language, true));
        int others = random.nextInt(Math.min(3, maxMembers));
        for (int i = 0; i < others; i++) {
            boolean spouse = i == 0 && random.nextBoolean();
            people.add(foreigner(
                    family,
                    spouse ? opposite(sex) : sex(),
                    spouse ? spouseYear(year) : childYear(year, 20, 40),
                    spouse ? "SPOUSE" : "CHILD",
                    nationality,
                    language,
                    false));
        }
        return people;
    }

    private Person foreigner(
            String family,
            String sex,
            int year,
            String relationship,
            String nationality,
            String language,
            boolean phone) {
        String[] names = sex.equals("FEMALE") ? BenchNames.FOREIGN_GIVEN_FEMALE : BenchNames.FOREIGN_GIVEN_MALE;
        String given = names[random.nextInt(names.length)];
        return new Person(
                family,
                given,
                family,
                given,
                null,
                sex,
                birthDate(year),
                null,
                "WITH_FAMILY",
                phone && random.nextInt(100) < 80 ? mobile() : null,
                nationality,
                language,
                relationship);
    }

    private Person person(
            String familyName,
            String familyKana,
            KanaStyle style,
            String sex,
            int year,
            String relationship,
            boolean alone,
            boolean marriedIn) {
        String[] given = given(sex, year);
        LocalDate birth = birthDate(year);
        LocalDate deceased = null;
        if (year < 1945 && random.nextInt(100) < 3) {
            deceased = LocalDate.of(2023, 1, 1).plusDays(random.nextInt(1050));
        }
        String formerNames = null;
        if (marriedIn && sex.equals("FEMALE") && random.nextInt(100) < 50) {
            formerNames = surname()[0] + given[0];
        }
        int age = 2026 - year;
        String phone = null;
        if (relationship.equals("SELF")) {
            phone = random.nextInt(100) < 78 ? (age >= 70 && random.nextInt(100) < 70 ? landline() : mobile()) : null;
        } else if (age >= 16 && random.nextInt(100) < 35) {
            phone = mobile();
        }
        String living = "WITH_FAMILY";
        if (alone) {
            int r = random.nextInt(100);
            living = age >= 75 && r < 6 ? "FACILITY" : age >= 75 && r < 9 ? "HOSPITAL" : "ALONE";
        }
        return new Person(
                familyName,
                given[0],
                familyKana,
                kana(given[1], style),
                formerNames,
                random.nextInt(1000) < 2 ? "NOT_STATED" : sex,
                birth,
                deceased,
                living,
                phone,
                null,
                null,
                relationship);
    }

    private String[] given(String sex, int year) {
        int era = year < 1950 ? 0 : year < 1975 ? 1 : year < 2000 ? 2 : 3;
        // a neighbouring era now and then, so that names overlap between generations as they do
        if (random.nextInt(100) < 15) {
            era = Math.max(0, Math.min(3, era + (random.nextBoolean() ? 1 : -1)));
        }
        String[][] names = (sex.equals("FEMALE") ? BenchNames.FEMALE_BY_ERA : BenchNames.MALE_BY_ERA)[era];
        // popular names are more frequent: 1/(i+4)
        double total = 0;
        for (int i = 0; i < names.length; i++) {
            total += 1.0 / (i + 4);
        }
        double r = random.nextDouble() * total;
        for (int i = 0; i < names.length; i++) {
            r -= 1.0 / (i + 4);
            if (r <= 0) {
                return names[i];
            }
        }
        return names[names.length - 1];
    }

    private String sex() {
        return random.nextBoolean() ? "FEMALE" : "MALE";
    }

    private static String opposite(String sex) {
        return sex.equals("FEMALE") ? "MALE" : "FEMALE";
    }

    private int year(int from, int to) {
        return from + random.nextInt(to - from + 1);
    }

    private int spouseYear(int year) {
        return Math.max(1925, Math.min(2006, year - 4 + random.nextInt(9)));
    }

    private int childYear(int parentYear, int minGap, int maxGap) {
        return Math.min(2025, parentYear + minGap + random.nextInt(maxGap - minGap + 1));
    }

    private LocalDate birthDate(int year) {
        LocalDate date = LocalDate.of(year, 1, 1)
                .plusDays(random.nextInt(LocalDate.of(year, 1, 1).lengthOfYear()));
        return date.isBefore(FIRST_BIRTH) ? FIRST_BIRTH : date.isAfter(LAST_BIRTH) ? LAST_BIRTH : date;
    }

    /** As typed into the form: with hyphens mostly, sometimes digits only, with spaces, or in full width. */
    private String mobile() {
        String prefix =
                switch (random.nextInt(10)) {
                    case 0, 1, 2, 3, 4 -> "090";
                    case 5, 6, 7 -> "080";
                    default -> "070";
                };
        return phoneText(prefix, "%04d".formatted(random.nextInt(10000)), "%04d".formatted(random.nextInt(10000)));
    }

    private String landline() {
        return phoneText("0470", "%02d".formatted(11 + random.nextInt(88)), "%04d".formatted(random.nextInt(10000)));
    }

    private String phoneText(String a, String b, String c) {
        int r = random.nextInt(100);
        if (r < 62) {
            return a + "-" + b + "-" + c;
        } else if (r < 77) {
            return a + b + c;
        } else if (r < 85) {
            return a + " " + b + " " + c;
        } else if (r < 95) {
            return Kana.toFullWidth(a + "-" + b + "-" + c);
        }
        return "(" + a + ")" + b + "-" + c;
    }

    /** 美月野市桜台三丁目8番2号 and the other ways registers, residents and staff write the same block. */
    private String address(String street) {
        int chome = 1 + random.nextInt(5);
        int ban = 1 + random.nextInt(30);
        int go = 1 + random.nextInt(20);
        String city = random.nextInt(100) < 92 ? "美月野市" : "";
        String block =
                switch (random.nextInt(6)) {
                    case 0 -> Kana.kanjiNumeral(chome) + "丁目" + ban + "番" + go + "号";
                    case 1 -> chome + "丁目" + ban + "番" + go + "号";
                    case 2 -> chome + "-" + ban + "-" + go;
                    case 3 -> Kana.toFullWidth(chome + "丁目" + ban + "-" + go);
                    case 4 -> chome + "丁目" + ban + "番地" + go;
                    default -> chome + "-" + ban + "-" + go;
                };
        if (street.endsWith("ヶ丘") && random.nextInt(100) < 30) {
            street = street.replace("ヶ丘", "が丘");
        }
        String building = "";
        if (random.nextInt(100) < 22) {
            building = " " + BenchNames.BUILDINGS[random.nextInt(BenchNames.BUILDINGS.length)] + (1 + random.nextInt(5))
                    + "0" + (1 + random.nextInt(9));
        }
        return city + street + block + building;
    }

    // ---- COPY text format -------------------------------------------------------------------------------------

    private static void row(StringBuilder out, @Nullable Object... values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.append('\t');
            }
            Object value = values[i];
            if (value == null) {
                out.append("\\N");
            } else if (value instanceof Boolean b) {
                out.append(b ? 't' : 'f');
            } else {
                String s = value.toString();
                for (int c = 0; c < s.length(); c++) {
                    char ch = s.charAt(c);
                    switch (ch) {
                        case '\\' -> out.append("\\\\");
                        case '\t' -> out.append("\\t");
                        case '\n' -> out.append("\\n");
                        case '\r' -> out.append("\\r");
                        default -> out.append(ch);
                    }
                }
            }
        }
        out.append('\n');
    }

    static Map<String, UUID> codes(Connection connection, String table, UUID municipalityId) throws SQLException {
        Map<String, UUID> result = new HashMap<>();
        try (var s = connection.prepareStatement("select code, id from " + table + " where municipality_id = ?")) {
            s.setObject(1, municipalityId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    result.put(rs.getString(1), rs.getObject(2, UUID.class));
                }
            }
        }
        return result;
    }

    static LocalDate today() {
        return LocalDate.now(Japan.ZONE);
    }
}
