package org.marugoto.people.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.marugoto.access.AccessApi;
import org.marugoto.people.HouseholdView;
import org.marugoto.people.PersonCommand;
import org.marugoto.people.PersonView;
import org.marugoto.shared.Tenancy;
import org.marugoto.shared.text.Addresses;
import org.marugoto.shared.text.DateRange;
import org.marugoto.shared.text.JapaneseDates;
import org.marugoto.shared.text.JapaneseText;
import org.marugoto.shared.text.PhoneNumbers;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds persons from one search box: name (kanji, kana, romaji, variant kanji), reading, date of birth (西暦 or 和暦),
 * phone number, address fragment or household case number, several at once ("やまだ S45.4.1"). Every word of the
 * query is read in each way it can be read; a person matches when any reading matches, and ranks by the sum of what
 * matched. Only persons the user's agency may see are searched; the search is audited with its query.
 */
@Service
public class PersonSearch {

    static final int LIMIT = 50;

    /**
     * Why a protected person may be listed as matching. Address and phone conditions exclude protected persons in SQL
     * (a match would tell where they live); this list is the second lock on the reasons shown.
     */
    private static final java.util.Set<String> REASONS_SHOWN_FOR_PROTECTED = java.util.Set.of(
            "search.reason.nameSame",
            "search.reason.nameStarts",
            "search.reason.nameContains",
            "search.reason.readingSame",
            "search.reason.readingStarts",
            "search.reason.readingContains",
            "search.reason.formerName",
            "search.reason.birthDate",
            "search.reason.birthDateAndFamilyName",
            "search.reason.caseNumber");

    private static final Pattern CASE_NUMBER = Pattern.compile("(?i)h?\\d{4}-\\d{1,6}");

    private final JdbcClient jdbc;
    private final Tenancy tenancy;
    private final AccessApi access;
    private final PersonRows rows;

    PersonSearch(JdbcClient jdbc, Tenancy tenancy, AccessApi access, PersonRows rows) {
        this.rows = rows;
        this.jdbc = jdbc;
        this.tenancy = tenancy;
        this.access = access;
    }

    /** One way of reading a word of the query: an SQL condition, its score, and the reason shown to the user. */
    public record Criterion(String sql, int score, String reason) {}

    @Transactional
    public List<SearchHit> search(String query) {
        String text = JapaneseText.normalize(query);
        if (text.isEmpty()) {
            return List.of();
        }
        UUID agencyId = access.authorizeSearch("person", audited(text), "search");
        return run(prepare(text, agencyId));
    }

    /**
     * The query read as a person, for the "may exist elsewhere" notice of a search that found no record of the user's
     * own (decision 0038): exactly two name words (family and given name, as written or as a reading) and a full date
     * of birth or a phone number of ten or more digits; any other word, a year or month only, or one name word alone
     * gives no probe, so that the search cannot ask "is someone called X known somewhere" from a name alone.
     */
    public Optional<PersonCommand> elsewhereProbe(String query) {
        String[] words = phoneWordsJoined(JapaneseText.normalize(query).split(" "));
        List<String> names = new ArrayList<>();
        java.time.LocalDate birth = null;
        String phone = null;
        for (String word : words) {
            if (word.isEmpty()) {
                continue;
            }
            Optional<String> digits = word.chars().anyMatch(Character::isDigit)
                    ? PhoneNumbers.normalize(word).filter(x -> x.length() >= 10)
                    : Optional.empty();
            if (JapaneseDates.parse(word) instanceof org.marugoto.shared.text.DateParse.Parsed parsed
                    && birth == null) {
                birth = parsed.date();
            } else if (digits.isPresent() && phone == null) {
                phone = word;
            } else if (word.chars().noneMatch(Character::isDigit) && !word.contains("@")) {
                names.add(word);
            } else {
                return Optional.empty();
            }
        }
        if (names.size() != 2 || (birth == null && phone == null)) {
            return Optional.empty();
        }
        String family = names.get(0);
        String given = names.get(1);
        boolean reading = JapaneseText.isReading(family) && JapaneseText.isReading(given);
        return Optional.of(new PersonCommand(
                family,
                given,
                reading ? family : "",
                reading ? given : null,
                null,
                org.marugoto.people.Sex.NOT_STATED,
                birth,
                null,
                null,
                null,
                phone,
                null,
                null,
                null,
                null));
    }

    /**
     * The query as the audit trail keeps it (normalised; a protected person's phone, e-mail or address word replaced):
     * for an export of the search's list, whose audit record names the query as its filter (decision 0033).
     */
    public String auditedQuery(String query) {
        return audited(JapaneseText.normalize(query));
    }

    /**
     * The query as the audit trail keeps it: a word that is a protected person's phone number, e-mail address or part
     * of their address is replaced, so that the trail never holds what protection withholds (the search itself does
     * not match them by it).
     */
    private String audited(String text) {
        String[] words = text.split(" ");
        for (int i = 0; i < words.length; i++) {
            if (revealsProtected(words[i])) {
                words[i] = "[protected]";
            }
        }
        return String.join(" ", words);
    }

    private boolean revealsProtected(String word) {
        if (word.isBlank()) {
            return false;
        }
        ProtectedCheck check = protectedCheck(word);
        return jdbc.sql(check.sql())
                .paramSource(check.params())
                .query(Boolean.class)
                .single();
    }

    /**
     * The question whether a word of a query is a protected person's phone number, e-mail address or part of their
     * address, as SQL. It reads only protected persons' rows (the partial index {@code person_protected}): it runs
     * once per word of every search, and a scan of the whole person table made search 10-500 times slower.
     */
    public ProtectedCheck protectedCheck(String word) {
        Optional<String> phone = PhoneNumbers.normalize(word);
        String address = Addresses.key(word);
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("m", tenancy.municipalityId())
                .addValue(
                        "phone",
                        phone.filter(x -> word.chars().anyMatch(Character::isDigit))
                                .orElse(""))
                .addValue("word", word)
                .addValue("address", address)
                .addValue("addressPart", "%" + escape(address) + "%");
        return new ProtectedCheck(PROTECTED_CHECK, params);
    }

    private static final String PROTECTED_CHECK = """
            select exists (select 1 from person p where p.municipality_id = :m and p.protected
                and (p.phone_key = :phone or lower(p.email) = lower(:word)
                     or (length(:address) >= 3 and p.address_key like :addressPart)))
            """;

    /** The protected-value check of one word: its SQL and parameters. */
    public record ProtectedCheck(String sql, MapSqlParameterSource params) {}

    /**
     * The search as SQL, without access check, audit or loading of households: what the benchmark times as "bare
     * SQL" beside {@link #search}.
     */
    public PreparedSearch prepare(String query, UUID agencyId) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        List<Criterion> criteria = new ArrayList<>();
        String[] words = phoneWordsJoined(JapaneseText.normalize(query).split(" "));
        for (int i = 0; i < words.length; i++) {
            if (!words[i].isEmpty()) {
                criteria.addAll(criteria(words[i], "w" + i, params));
            }
        }
        if (words.length > 1) {
            criteria.addAll(wholeName(String.join("", words), params));
        }
        return prepared(criteria, params, agencyId);
    }

    private static final java.util.regex.Pattern PHONE_PART = java.util.regex.Pattern.compile("[0-9()\\-]+");

    /**
     * A phone number typed in groups with spaces ("043 492 9783") is one word: adjacent words of digits, brackets
     * and hyphens are joined when together they make a phone number of ten or more digits (#18).
     */
    static String[] phoneWordsJoined(String[] words) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < words.length; ) {
            int j = i;
            StringBuilder joined = new StringBuilder();
            while (j < words.length && PHONE_PART.matcher(words[j]).matches()) {
                joined.append(words[j]);
                j++;
            }
            Optional<String> phone = j - i >= 2 ? PhoneNumbers.normalize(joined.toString()) : Optional.empty();
            if (phone.isPresent() && phone.get().length() >= 10) {
                out.add(joined.toString());
                i = j;
            } else {
                out.add(words[i]);
                i++;
            }
        }
        return out.toArray(String[]::new);
    }

    private PreparedSearch prepared(List<Criterion> criteria, MapSqlParameterSource params, UUID agencyId) {
        params.addValue("m", tenancy.municipalityId());
        params.addValue("agency", agencyId);
        params.addValue("limit", LIMIT);
        return new PreparedSearch(criteria, params, agencyId);
    }

    /** A search ready to run: its criteria (each an SQL condition), their parameters, and the searching agency. */
    public record PreparedSearch(List<Criterion> criteria, MapSqlParameterSource params, UUID agencyId) {

        private static final java.util.regex.Pattern WORD = java.util.regex.Pattern.compile(":(w\\d+)");
        private static final java.util.Set<String> PRECISE =
                java.util.Set.of("search.reason.birthDate", "search.reason.phone", "search.reason.caseNumber");

        /**
         * The SQL that finds and ranks the persons. With several words, every word must match (each in any of its
         * readings; a later word may also stand anywhere in the name or reading, so "髙橋 亮" finds 髙橋亮), or the
         * query must match as one whole name: a narrow search that the first word's indexes answer quickly.
         */
        public String sql() {
            return sql(true);
        }

        /**
         * The search to fall back on when the narrow one finds nobody (see below): the first word alone, usually the
         * family name, so that a typo in a later word does not lose the person.
         */
        public String fallbackSql() {
            return sql(false);
        }

        /**
         * Whether falling back is worth a second query when the narrow one finds nobody: when a word is a name or
         * reading, where a typo in one word should not lose the person. A date, phone or household number still has to
         * match in the fallback (one that matches nobody means there is no such person), but it no longer turns the
         * fallback off (#18: "たかしま じょうた S45.4.1" finds 髙嶋譲二).
         */
        public boolean fallbackUseful() {
            if (groups().size() < 2) {
                return false;
            }
            // a typo in a name word must not lose the person when a date (or phone) was typed too (#18): the fallback
            // then keeps the precise words and lets any one name word match
            return textWords().containsValue(true);
        }

        /** Per word of the query: whether it is a name or reading (true) or a date, phone or household number. */
        private Map<String, Boolean> textWords() {
            Map<String, Boolean> textWords = new LinkedHashMap<>();
            for (Criterion c : criteria) {
                java.util.regex.Matcher word = WORD.matcher(c.sql());
                if (word.find()) {
                    boolean text = !PRECISE.contains(c.reason());
                    textWords.merge(word.group(1), text, Boolean::logicalOr);
                }
            }
            return textWords;
        }

        private Map<String, List<String>> groups() {
            Map<String, List<String>> groups = new LinkedHashMap<>();
            for (Criterion c : criteria) {
                java.util.regex.Matcher word = WORD.matcher(c.sql());
                if (word.find()) {
                    groups.computeIfAbsent(word.group(1), k -> new ArrayList<>())
                            .add(c.sql());
                }
            }
            return groups;
        }

        private String sql(boolean narrow) {
            StringBuilder score = new StringBuilder();
            StringBuilder flags = new StringBuilder();
            List<String> alternatives = new ArrayList<>();
            for (int i = 0; i < criteria.size(); i++) {
                Criterion c = criteria.get(i);
                score.append(i == 0 ? "" : " + ")
                        .append("(case when ")
                        .append(c.sql())
                        .append(" then ")
                        .append(c.score())
                        .append(" else 0 end)");
                flags.append(", (").append(c.sql()).append(") as c").append(i);
                if (!WORD.matcher(c.sql()).find()) {
                    alternatives.add(c.sql());
                }
            }
            String where;
            Map<String, List<String>> groups = groups();
            if (narrow && groups.size() > 1) {
                List<String> each = new ArrayList<>();
                boolean first = true;
                for (var group : groups.entrySet()) {
                    List<String> conditions = new ArrayList<>(group.getValue());
                    String key = group.getKey();
                    if (!first && params.hasValue(key + "name")) {
                        conditions.add("position(:" + key + "name in p.name_key) > 0");
                    }
                    if (!first && params.hasValue(key + "reading")) {
                        conditions.add("position(:" + key + "reading in p.loose_reading_key) > 0");
                    }
                    each.add("(" + or(conditions) + ")");
                    first = false;
                }
                where = String.join(" and ", each) + (alternatives.isEmpty() ? "" : " or " + or(alternatives));
            } else if (groups.size() > 1 && textWords().containsValue(false)) {
                // the fallback with a date, phone or household number: each of those must still match, and any one
                // name word (a typo in another, or a reading split elsewhere)
                Map<String, Boolean> text = textWords();
                List<String> precise = new ArrayList<>();
                List<String> anyName = new ArrayList<>();
                for (var group : groups.entrySet()) {
                    if (Boolean.TRUE.equals(text.get(group.getKey()))) {
                        anyName.addAll(group.getValue());
                    } else {
                        precise.add("(" + or(group.getValue()) + ")");
                    }
                }
                precise.add("(" + or(anyName) + ")");
                where = String.join(" and ", precise) + (alternatives.isEmpty() ? "" : " or " + or(alternatives));
            } else if (groups.size() > 1) {
                // the fallback: the first word (usually the family name) alone, or the whole query as one name
                List<String> first = new ArrayList<>(groups.values().iterator().next());
                first.addAll(alternatives);
                where = or(first);
            } else {
                where = or(criteria.stream().map(Criterion::sql).toList());
            }
            // visible_agencies is kept by triggers (owner + agencies involved with the person's households)
            return """
                    select p.*, %s as score %s
                    from person p
                    where p.municipality_id = :m
                      and (%s)
                      and p.visible_agencies @> array[cast(:agency as uuid)]
                    order by score desc, nullif(p.loose_reading_key, '') nulls last, p.name_key, p.birth_date
                    limit :limit
                    """.formatted(score, flags, where);
        }

        private static String or(List<String> conditions) {
            StringBuilder any = new StringBuilder();
            for (String condition : conditions) {
                any.append(any.isEmpty() ? "" : " or ")
                        .append('(')
                        .append(condition)
                        .append(')');
            }
            return any.toString();
        }
    }

    /** "ささき とみ" is also one full reading, "佐々木 トミ" one full name: the strongest match when it is exact. */
    private static List<Criterion> wholeName(String joined, MapSqlParameterSource params) {
        List<Criterion> criteria = new ArrayList<>();
        params.addValue("allName", JapaneseText.nameKey(joined));
        criteria.add(new Criterion("p.name_key = :allName", 120, "search.reason.nameSame"));
        if (JapaneseText.isReading(joined)
                || JapaneseText.romajiToHiragana(joined).isPresent()) {
            String reading = JapaneseText.looseReadingKey(joined);
            params.addValue("allReading", reading);
            params.addValue("allReadingPrefix", escape(reading) + "%");
            criteria.add(new Criterion("p.loose_reading_key = :allReading", 110, "search.reason.readingSame"));
            criteria.add(
                    new Criterion("p.loose_reading_key like :allReadingPrefix", 40, "search.reason.readingStarts"));
        }
        return criteria;
    }

    private List<Criterion> criteria(String word, String key, MapSqlParameterSource params) {
        List<Criterion> criteria = new ArrayList<>();
        if (CASE_NUMBER.matcher(word).matches()) {
            String number = word.toUpperCase(Locale.ROOT);
            params.addValue(key + "case", number.startsWith("H") ? number : "H" + number);
            criteria.add(new Criterion("""
                    exists (select 1 from household_member cm join household ch
                              on ch.municipality_id = cm.municipality_id and ch.id = cm.household_id
                            where cm.municipality_id = p.municipality_id and cm.person_id = p.id
                              and ch.case_number = :%scase)""".formatted(key), 200, "search.reason.caseNumber"));
            return criteria;
        }
        Optional<DateRange> date = JapaneseDates.parseForSearch(word);
        if (date.isPresent()) {
            params.addValue(key + "from", date.get().from());
            params.addValue(key + "to", date.get().to());
            criteria.add(new Criterion(
                    "p.birth_date between :%sfrom and :%sto".formatted(key, key),
                    date.get().from().equals(date.get().to()) ? 70 : 30,
                    "search.reason.birthDate"));
            return criteria;
        }
        Optional<String> phone = PhoneNumbers.normalize(word);
        if (phone.isPresent() && word.chars().anyMatch(Character::isDigit)) {
            params.addValue(key + "phone", phone.get());
            criteria.add(new Criterion(
                    "p.phone_key = :%sphone and not p.protected".formatted(key), 90, "search.reason.phone"));
            return criteria;
        }
        String name = JapaneseText.nameKey(word);
        params.addValue(key + "name", name);
        params.addValue(key + "namePrefix", escape(name) + "%");
        criteria.add(new Criterion("p.name_key = :%sname".formatted(key), 100, "search.reason.nameSame"));
        criteria.add(new Criterion("p.name_key like :%snamePrefix".formatted(key), 60, "search.reason.nameStarts"));
        String reading = JapaneseText.looseReadingKey(word);
        if (!reading.isEmpty()
                && (JapaneseText.isReading(word)
                        || JapaneseText.romajiToHiragana(word).isPresent())) {
            params.addValue(key + "reading", reading);
            params.addValue(key + "readingPrefix", escape(reading) + "%");
            criteria.add(
                    new Criterion("p.loose_reading_key = :%sreading".formatted(key), 90, "search.reason.readingSame"));
            criteria.add(new Criterion(
                    "p.loose_reading_key like :%sreadingPrefix".formatted(key), 60, "search.reason.readingStarts"));
            if (reading.length() >= 3) {
                params.addValue(key + "readingPart", "%" + escape(reading) + "%");
                criteria.add(new Criterion(
                        "p.loose_reading_key like :%sreadingPart".formatted(key), 30, "search.reason.readingContains"));
            }
        }
        if (name.length() >= 3) {
            params.addValue(key + "namePart", "%" + escape(name) + "%");
            criteria.add(new Criterion("p.name_key like :%snamePart".formatted(key), 40, "search.reason.nameContains"));
            criteria.add(new Criterion(
                    "p.former_name_keys like :%snamePart".formatted(key), 50, "search.reason.formerName"));
            String address = Addresses.key(word);
            params.addValue(key + "address", "%" + escape(address) + "%");
            criteria.add(new Criterion(
                    "p.address_key like :%saddress and not p.protected".formatted(key), 30, "search.reason.address"));
        } else if (name.length() == 2) {
            params.addValue(key + "formerPrefix", escape(name) + "%");
            criteria.add(new Criterion(
                    "p.former_name_keys like :%sformerPrefix".formatted(key), 50, "search.reason.formerName"));
        }
        return criteria;
    }

    private List<SearchHit> run(PreparedSearch search) {
        if (search.criteria().isEmpty()) {
            return List.of();
        }
        Map<UUID, SearchHit> hits = query(search, search.sql());
        if (hits.isEmpty() && search.fallbackUseful()) {
            hits = query(search, search.fallbackSql());
        }
        if (hits.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<HouseholdView>> households = currentHouseholds(hits.keySet());
        return hits.values().stream()
                .map(h -> new SearchHit(
                        h.person(), households.getOrDefault(h.person().id(), List.of()), h.score(), h.reasons()))
                .toList();
    }

    private Map<UUID, SearchHit> query(PreparedSearch search, String sql) {
        List<Criterion> criteria = search.criteria();
        Map<UUID, SearchHit> hits = new LinkedHashMap<>();
        jdbc.sql(sql).paramSource(search.params()).query(rs -> {
            PersonView person = rows.person(rs);
            List<String> reasons = new ArrayList<>();
            for (int i = 0; i < criteria.size(); i++) {
                if (rs.getBoolean("c" + i) && !reasons.contains(criteria.get(i).reason())) {
                    reasons.add(criteria.get(i).reason());
                }
            }
            if (person.masked()) {
                // a protected person is found by name, reading or date of birth only; never say anything else matched
                reasons.retainAll(REASONS_SHOWN_FOR_PROTECTED);
            }
            hits.put(person.id(), new SearchHit(person, List.of(), rs.getInt("score"), reasons));
        });
        return hits;
    }

    private Map<UUID, List<HouseholdView>> currentHouseholds(java.util.Collection<UUID> personIds) {
        Map<UUID, List<HouseholdView>> result = new LinkedHashMap<>();
        jdbc.sql("""
                        select m.person_id, h.*, %s as protected from household_member m
                        join household h on h.municipality_id = m.municipality_id and h.id = m.household_id
                        where m.municipality_id = :m and m.person_id in (:ids) and m.member_to is null
                        """.formatted(PersonRows.HOUSEHOLD_PROTECTED))
                .param("m", tenancy.municipalityId())
                .param("ids", personIds)
                .query(rs -> {
                    result.computeIfAbsent(rs.getObject("person_id", UUID.class), k -> new ArrayList<>())
                            .add(rows.household(rs));
                });
        return result;
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
