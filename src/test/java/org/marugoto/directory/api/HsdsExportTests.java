package org.marugoto.directory.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.marugoto.MarugotoTest;
import org.marugoto.directory.AgencyView;
import org.marugoto.directory.DirectoryApi;
import org.marugoto.directory.ServiceView;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The HSDS 3.0 export. The rules of HSDS that consumers rely on are checked here in our own words; when the Open
 * Referral HSDS 3.0 schemas are present beside the checkout (as on CI), the export is also validated against them.
 */
@MarugotoTest
class HsdsExportTests {

    private static final Path HSDS_SCHEMAS = Path.of("..", "shared", "hsds");
    private static final Pattern UUID_FORMAT =
            Pattern.compile("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");
    private static final Pattern ISO_639 = Pattern.compile("^[a-z]{2,3}$");
    private static final Set<String> SERVICE_STATUSES = Set.of("active", "inactive", "defunct", "temporarily closed");
    private static final Set<String> LOCATION_TYPES = Set.of("physical", "postal", "virtual");

    private final JsonMapper json = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;

    @Autowired
    DirectoryApi directory;

    private JsonNode getJson(String url) throws Exception {
        String body = mvc.perform(get(url).accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andReturn()
                .getResponse()
                .getContentAsString();
        return json.readTree(body);
    }

    private ServiceView foodBank() {
        AgencyView jiritsu = directory.agencyByCode("JIRITSU").orElseThrow();
        return directory.services(jiritsu.id()).stream()
                .filter(s -> s.code().equals("FOOD-BANK"))
                .findFirst()
                .orElseThrow();
    }

    @Test
    @WithUserDetails("caseworker")
    void listsEveryServiceOnPagesWithTheHsdsHeader() throws Exception {
        JsonNode all = getJson("/api/v1/hsds/services?per_page=500&full=true");
        int total = all.get("total_items").asInt();
        assertThat(total).isGreaterThan(40);
        assertThat(all.get("contents")).hasSize(total);
        assertThat(all.get("total_pages").asInt()).isEqualTo(1);
        assertThat(all.get("first_page").asBoolean()).isTrue();
        assertThat(all.get("last_page").asBoolean()).isTrue();
        assertThat(all.get("empty").asBoolean()).isFalse();

        JsonNode second = getJson("/api/v1/hsds/services?per_page=10&page=2");
        assertThat(second.get("page_number").asInt()).isEqualTo(2);
        assertThat(second.get("size").asInt()).isEqualTo(10);
        assertThat(second.get("first_page").asBoolean()).isFalse();
        assertThat(second.get("total_pages").asInt()).isEqualTo((total + 9) / 10);
        assertThat(second.get("contents").get(0).get("id").asString())
                .isEqualTo(all.get("contents").get(10).get("id").asString());
        // a list without full=true carries only the one-to-one fields
        assertThat(second.get("contents").get(0).has("service_at_locations")).isFalse();

        Set<String> ids = new HashSet<>();
        for (JsonNode service : all.get("contents")) {
            checkService(service, ids);
        }
    }

    @Test
    @WithUserDetails("caseworker")
    void aServiceIsFullyNested() throws Exception {
        ServiceView food = foodBank();
        JsonNode service = getJson("/api/v1/hsds/services/" + food.id());

        checkService(service, new HashSet<>());
        assertThat(service.get("name").asString()).isEqualTo("フードバンク（食料支援）");
        assertThat(service.get("alternate_name").asString()).isEqualTo("ふーどばんく");
        assertThat(service.get("status").asString()).isEqualTo("active");
        assertThat(service.get("organization").get("id").asString())
                .isEqualTo(food.agencyId().toString());
        assertThat(service.get("organization").get("name").asString()).isEqualTo("美月野市 くらし・しごと相談センター");
        assertThat(service.get("schedules").get(0).get("description").asString())
                .isEqualTo(food.hours());
        assertThat(service.get("service_areas").get(0).get("name").asString()).isEqualTo("美月野市");
        assertThat(service.get("languages").findValuesAsString("code")).containsExactly("ja");
        assertThat(service.get("attributes").findValuesAsString("value")).containsExactly("INCOME", "FOOD");
        JsonNode location = service.get("service_at_locations").get(0).get("location");
        assertThat(location.get("name").asString()).isEqualTo("くらし・しごと相談窓口");
        assertThat(location.get("location_type").asString()).isEqualTo("physical");
        // the counter is a floor of the agency's building: the agency's postal address, the floor as description
        assertThat(location.get("description").asString()).isEqualTo("駅前ビル4階");
        JsonNode address = location.get("addresses").get(0);
        assertThat(address.get("address_1").asString()).isEqualTo("駅前1-4-2 駅前ビル4階");
        assertThat(address.get("city").asString()).isEqualTo("美月野市");
        assertThat(address.get("country").asString()).isEqualTo("JP");
        // the export is stable: the same objects keep their ids
        assertThat(getJson("/api/v1/hsds/services/" + food.id())).isEqualTo(service);
    }

    @Test
    @WithUserDetails("caseworker")
    void organizationsCarryTheirLocationsAndServices() throws Exception {
        JsonNode list = getJson("/api/v1/hsds/organizations?per_page=500");
        assertThat(list.get("total_items").asInt())
                .isEqualTo(directory.agencies().size());
        for (JsonNode organization : list.get("contents")) {
            checkOrganization(organization);
        }

        AgencyView shakyo = directory.agencyByCode("SHAKYO").orElseThrow();
        JsonNode organization = getJson("/api/v1/hsds/organizations/" + shakyo.id());
        checkOrganization(organization);
        assertThat(organization.get("locations").findValuesAsString("name"))
                .containsExactly("CSW 地域福祉相談", "ボランティアセンター");
        assertThat(organization.get("services").findValuesAsString("name")).contains("日常生活自立支援事業");
        Set<String> ids = new HashSet<>();
        for (JsonNode service : organization.get("services")) {
            checkService(service, ids);
            assertThat(service.get("organization_id").asString())
                    .isEqualTo(shakyo.id().toString());
        }
    }

    @Test
    @WithUserDetails("caseworker")
    void anUnknownIdIsAProblemDocument() throws Exception {
        mvc.perform(get("/api/v1/hsds/services/" + java.util.UUID.randomUUID()))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(404));
        mvc.perform(get("/api/v1/hsds/services").param("per_page", "0"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void anonymousCallersGet401AndNoLoginPage() throws Exception {
        mvc.perform(get("/api/v1/hsds/services").accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(401))
                .andExpect(jsonPath("$.detail").value("ログインしてから利用してください。"));
        // pages still send the browser to the login page
        mvc.perform(get("/directory")).andExpect(status().is3xxRedirection());
    }

    @Test
    @WithUserDetails("caseworker")
    void validatesAgainstTheOpenReferralSchemas() throws Exception {
        assumeTrue(Files.isDirectory(HSDS_SCHEMAS), "no HSDS schemas at " + HSDS_SCHEMAS.toAbsolutePath());
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(
                SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder()
                        .formatAssertionsEnabled(true)
                        .build()));
        ServiceView food = foodBank();
        AgencyView shakyo = directory.agencyByCode("SHAKYO").orElseThrow();
        List<String> validated = new ArrayList<>();

        Schema service = schema(registry, "service.json");
        JsonNode fullService = getJson("/api/v1/hsds/services/" + food.id());
        expectValid(service, fullService, "services/{id}");
        // the validator does check: a wrong status and a malformed id are found
        ObjectNode broken = (ObjectNode) fullService.deepCopy();
        broken.put("status", "open");
        broken.put("id", "FOOD-BANK");
        assertThat(service.validate(broken)).hasSize(2);
        for (JsonNode item :
                getJson("/api/v1/hsds/services?per_page=500&full=true").get("contents")) {
            expectValid(service, item, "services?full=true " + item.get("name").asString());
        }
        validated.add("service.json");

        Schema serviceList = schema(registry, "service_list.json");
        for (JsonNode item : getJson("/api/v1/hsds/services?per_page=500").get("contents")) {
            expectValid(serviceList, item, "services " + item.get("name").asString());
        }
        validated.add("service_list.json");

        Schema organization = schema(registry, "organization.json");
        expectValid(organization, getJson("/api/v1/hsds/organizations/" + shakyo.id()), "organizations/{id}");
        for (JsonNode item :
                getJson("/api/v1/hsds/organizations?per_page=500&full=true").get("contents")) {
            expectValid(
                    organization,
                    item,
                    "organizations?full=true " + item.get("name").asString());
        }
        validated.add("organization.json");

        Schema organizationList = schema(registry, "organization_list.json");
        for (JsonNode item : getJson("/api/v1/hsds/organizations?per_page=500").get("contents")) {
            expectValid(
                    organizationList, item, "organizations " + item.get("name").asString());
        }
        validated.add("organization_list.json");

        System.out.println("HSDS export validated against " + String.join(", ", validated) + " in "
                + HSDS_SCHEMAS.toAbsolutePath().normalize());
    }

    private static Schema schema(SchemaRegistry registry, String file) throws Exception {
        try (InputStream in = Files.newInputStream(HSDS_SCHEMAS.resolve(file))) {
            return registry.getSchema(in);
        }
    }

    private static void expectValid(Schema schema, JsonNode node, String what) {
        List<Error> errors = schema.validate(node);
        assertThat(errors).as(what).isEmpty();
    }

    /** HSDS service: id, name and status required; ids are UUIDs; nested objects name their parent. */
    private static void checkService(JsonNode service, Set<String> ids) {
        String id = requiredUuid(service, "id", ids);
        assertThat(service.get("name").asString()).isNotBlank();
        assertThat(SERVICE_STATUSES).contains(service.get("status").asString());
        assertThat(service.get("organization_id").asString()).matches(UUID_FORMAT);
        assertThat(OffsetDateTime.parse(service.get("last_modified").asString()))
                .isNotNull();
        if (service.has("minimum_age") && service.has("maximum_age")) {
            assertThat(service.get("minimum_age").asInt())
                    .isLessThanOrEqualTo(service.get("maximum_age").asInt());
        }
        for (String optional : List.of("description", "email", "fees_description", "alternate_name")) {
            if (service.has(optional)) {
                assertThat(service.get(optional).isString())
                        .as(optional + " is a string, not null")
                        .isTrue();
            }
        }
        for (JsonNode phone : service.path("phones")) {
            requiredUuid(phone, "id", ids);
            assertThat(phone.get("number").asString()).isNotBlank();
        }
        for (JsonNode schedule : service.path("schedules")) {
            requiredUuid(schedule, "id", ids);
            assertThat(schedule.get("service_id").asString()).isEqualTo(id);
        }
        for (JsonNode area : service.path("service_areas")) {
            requiredUuid(area, "id", ids);
            assertThat(area.get("service_id").asString()).isEqualTo(id);
        }
        for (JsonNode language : service.path("languages")) {
            requiredUuid(language, "id", ids);
            assertThat(language.get("code").asString()).matches(ISO_639);
        }
        for (JsonNode attribute : service.path("attributes")) {
            requiredUuid(attribute, "id", ids);
            assertThat(attribute.get("link_id").asString()).isEqualTo(id);
            JsonNode term = attribute.get("taxonomy_term");
            assertThat(term.get("id").asString())
                    .matches(UUID_FORMAT)
                    .isEqualTo(attribute.get("taxonomy_term_id").asString());
            assertThat(term.get("name").asString()).isNotBlank();
            assertThat(term.has("description")).isTrue();
        }
        for (JsonNode at : service.path("service_at_locations")) {
            requiredUuid(at, "id", ids);
            assertThat(at.get("service_id").asString()).isEqualTo(id);
            JsonNode location = at.get("location");
            assertThat(location.get("id").asString())
                    .matches(UUID_FORMAT)
                    .isEqualTo(at.get("location_id").asString());
            checkLocation(location);
        }
    }

    /** HSDS organization: id, name and description required. */
    private static void checkOrganization(JsonNode organization) {
        assertThat(organization.get("id").asString()).matches(UUID_FORMAT);
        assertThat(organization.get("name").asString()).isNotBlank();
        assertThat(organization.get("description").isString()).isTrue();
        for (JsonNode location : organization.path("locations")) {
            checkLocation(location);
        }
    }

    /** HSDS location: id and location_type; an address has every part HSDS requires. */
    private static void checkLocation(JsonNode location) {
        assertThat(LOCATION_TYPES).contains(location.get("location_type").asString());
        for (JsonNode address : location.path("addresses")) {
            assertThat(address.get("id").asString()).matches(UUID_FORMAT);
            for (String part : List.of("address_1", "city", "state_province", "postal_code", "country")) {
                assertThat(address.get(part).isString()).as(part).isTrue();
            }
            assertThat(LOCATION_TYPES).contains(address.get("address_type").asString());
        }
        for (JsonNode accessibility : location.path("accessibility")) {
            assertThat(accessibility.get("id").asString()).matches(UUID_FORMAT);
        }
    }

    private static String requiredUuid(JsonNode node, String field, Set<String> ids) {
        String id = node.get(field).asString();
        assertThat(id).matches(UUID_FORMAT);
        assertThat(ids.add(id)).as("id %s is unique in the export", id).isTrue();
        return id;
    }
}
