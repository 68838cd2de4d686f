package org.marugoto.people.demo;

import org.marugoto.area.AreaApi;
import org.marugoto.area.AreaLevel;
import org.marugoto.area.AreaView;
import org.marugoto.shared.Tenancy;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Places the demo households in their 小学校区 by the town in their address (美月野市桜台… → 桜台小学校区), so that area
 * statistics (community issues, decision 0021) have something to count. Only households without an area are touched.
 */
@Component
@Order(41)
@ConditionalOnBooleanProperty("marugoto.demo.enabled")
class HouseholdAreaDemoData implements ApplicationRunner {

    private final AreaApi areas;
    private final JdbcClient jdbc;
    private final Tenancy tenancy;

    HouseholdAreaDemoData(AreaApi areas, JdbcClient jdbc, Tenancy tenancy) {
        this.areas = areas;
        this.jdbc = jdbc;
        this.tenancy = tenancy;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (AreaView district : areas.tree()) {
            if (district.level() != AreaLevel.ELEMENTARY_DISTRICT) {
                continue;
            }
            String town = district.name().replace("小学校区", "");
            jdbc.sql("update household set area_id = ? where municipality_id = ? and area_id is null"
                            + " and address like ?")
                    .params(district.id(), tenancy.municipalityId(), "美月野市" + town + "%")
                    .update();
        }
    }
}
