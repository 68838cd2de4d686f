package org.marugoto.people.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.marugoto.area.AreaApi;
import org.marugoto.area.AreaLevel;
import org.marugoto.area.AreaView;
import org.marugoto.people.ApproximateBirth;
import org.marugoto.people.HouseholdView;
import org.marugoto.people.LivingSituation;
import org.marugoto.people.PersonView;
import org.marugoto.people.Sex;
import org.springframework.stereotype.Component;

/**
 * Turns person and household rows into views, masked for persons under protection (支援措置): the one place where
 * a row becomes a view, so that no query of the module can return a protected address, phone, e-mail, note or area
 * below the 日常生活圏域. Queries must select the {@code protected} column (person rows carry it; household queries
 * use {@link #HOUSEHOLD_PROTECTED}).
 */
@Component
class PersonRows {

    /** Whether any member (current or past) of household {@code h} is protected. */
    static final String HOUSEHOLD_PROTECTED = """
            exists (select 1 from household_member pm_ join person pp_
                      on pp_.municipality_id = pm_.municipality_id and pp_.id = pm_.person_id
                    where pm_.municipality_id = h.municipality_id and pm_.household_id = h.id and pp_.protected)""";

    private final AreaApi areas;

    PersonRows(AreaApi areas) {
        this.areas = areas;
    }

    PersonView person(ResultSet rs) throws SQLException {
        boolean masked = rs.getBoolean("protected");
        String living = rs.getString("living_situation");
        UUID area = rs.getObject("area_id", UUID.class);
        return new PersonView(
                rs.getObject("id", UUID.class),
                rs.getObject("owner_agency_id", UUID.class),
                rs.getString("family_name"),
                rs.getString("given_name"),
                rs.getString("family_name_kana"),
                rs.getString("given_name_kana"),
                rs.getString("former_names"),
                Sex.valueOf(rs.getString("sex")),
                rs.getObject("birth_date", LocalDate.class),
                rs.getObject("deceased_on", LocalDate.class),
                masked ? null : rs.getString("address"),
                masked ? dailyLifeArea(area) : area,
                living == null ? null : LivingSituation.valueOf(living),
                masked ? null : rs.getString("phone"),
                masked ? null : rs.getString("email"),
                rs.getString("nationality"),
                rs.getString("preferred_language"),
                masked ? null : rs.getString("note"),
                rs.getInt("version"),
                masked,
                ApproximateBirth.of(
                        (Integer) rs.getObject("birth_year", Integer.class),
                        (Integer) rs.getObject("birth_month", Integer.class),
                        rs.getBoolean("birth_estimated")));
    }

    HouseholdView household(ResultSet rs) throws SQLException {
        boolean masked = rs.getBoolean("protected");
        UUID area = rs.getObject("area_id", UUID.class);
        return new HouseholdView(
                rs.getObject("id", UUID.class),
                rs.getString("case_number"),
                rs.getString("name"),
                masked ? null : rs.getString("address"),
                masked ? dailyLifeArea(area) : area,
                rs.getObject("owner_agency_id", UUID.class),
                masked ? null : rs.getString("note"),
                rs.getInt("version"),
                masked);
    }

    /** The 日常生活圏域 (or a wider area) containing {@code areaId}: what may still be shown of a protected address. */
    @Nullable
    UUID dailyLifeArea(@Nullable UUID areaId) {
        Optional<AreaView> area = areaId == null ? Optional.empty() : areas.find(areaId);
        while (area.isPresent()) {
            if (area.get().level().compareTo(AreaLevel.DAILY_LIFE_AREA) <= 0) {
                return area.get().id();
            }
            UUID parent = area.get().parentId();
            area = parent == null ? Optional.empty() : areas.find(parent);
        }
        return null;
    }
}
