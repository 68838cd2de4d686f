package org.marugoto.directory.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The objects of Open Referral's Human Services Data Specification 3.0 that the directory publishes, with HSDS's
 * snake_case names. Absent values are left out rather than written as null, since HSDS types them as plain strings,
 * numbers and arrays. Lists are left out (null) where an endpoint does not nest them.
 */
final class Hsds {

    private Hsds() {}

    /** HSDS paginated list: the page header and the entities of the page. */
    record Page<T>(
            @JsonProperty("total_items") int totalItems,
            @JsonProperty("total_pages") int totalPages,
            @JsonProperty("page_number") int pageNumber,
            @JsonProperty("size") int size,
            @JsonProperty("first_page") boolean firstPage,
            @JsonProperty("last_page") boolean lastPage,
            @JsonProperty("empty") boolean empty,
            @JsonProperty("contents") List<T> contents) {}

    /** An agency. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Organization(
            @JsonProperty("id") String id,
            @JsonProperty("name") String name,
            @JsonProperty("alternate_name") @Nullable String alternateName,
            @JsonProperty("description") String description,
            @JsonProperty("email") @Nullable String email,
            @JsonProperty("phones") @Nullable List<Phone> phones,
            @JsonProperty("locations") @Nullable List<Location> locations,
            @JsonProperty("services") @Nullable List<Service> services) {}

    /** A service an agency offers. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Service(
            @JsonProperty("id") String id,
            @JsonProperty("organization_id") String organizationId,
            @JsonProperty("name") String name,
            @JsonProperty("alternate_name") @Nullable String alternateName,
            @JsonProperty("description") @Nullable String description,
            @JsonProperty("email") @Nullable String email,
            @JsonProperty("status") String status,
            @JsonProperty("fees_description") @Nullable String feesDescription,
            @JsonProperty("minimum_age") @Nullable Integer minimumAge,
            @JsonProperty("maximum_age") @Nullable Integer maximumAge,
            @JsonProperty("last_modified") String lastModified,
            @JsonProperty("phones") @Nullable List<Phone> phones,
            @JsonProperty("schedules") @Nullable List<Schedule> schedules,
            @JsonProperty("service_areas") @Nullable List<ServiceArea> serviceAreas,
            @JsonProperty("service_at_locations") @Nullable List<ServiceAtLocation> serviceAtLocations,
            @JsonProperty("languages") @Nullable List<Language> languages,
            @JsonProperty("attributes") @Nullable List<Attribute> attributes,
            @JsonProperty("organization") @Nullable Organization organization) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Phone(
            @JsonProperty("id") String id,
            @JsonProperty("organization_id") @Nullable String organizationId,
            @JsonProperty("service_id") @Nullable String serviceId,
            @JsonProperty("location_id") @Nullable String locationId,
            @JsonProperty("number") String number) {}

    /** HSDS schedules can be recurrence rules; the directory keeps hours as text, so only the description. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Schedule(
            @JsonProperty("id") String id,
            @JsonProperty("service_id") @Nullable String serviceId,
            @JsonProperty("location_id") @Nullable String locationId,
            @JsonProperty("description") String description) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ServiceArea(
            @JsonProperty("id") String id,
            @JsonProperty("service_id") String serviceId,
            @JsonProperty("name") String name,
            @JsonProperty("description") @Nullable String description) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ServiceAtLocation(
            @JsonProperty("id") String id,
            @JsonProperty("service_id") String serviceId,
            @JsonProperty("location_id") String locationId,
            @JsonProperty("description") @Nullable String description,
            @JsonProperty("location") Location location) {}

    /** A counter (相談窓口). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Location(
            @JsonProperty("id") String id,
            @JsonProperty("location_type") String locationType,
            @JsonProperty("organization_id") String organizationId,
            @JsonProperty("name") String name,
            @JsonProperty("description") @Nullable String description,
            @JsonProperty("addresses") List<Address> addresses,
            @JsonProperty("phones") List<Phone> phones,
            @JsonProperty("schedules") List<Schedule> schedules,
            @JsonProperty("accessibility") List<Accessibility> accessibility) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Address(
            @JsonProperty("id") String id,
            @JsonProperty("location_id") String locationId,
            @JsonProperty("address_1") String address1,
            @JsonProperty("city") String city,
            @JsonProperty("state_province") String stateProvince,
            @JsonProperty("postal_code") String postalCode,
            @JsonProperty("country") String country,
            @JsonProperty("address_type") String addressType) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Accessibility(
            @JsonProperty("id") String id,
            @JsonProperty("location_id") String locationId,
            @JsonProperty("description") String description) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Language(
            @JsonProperty("id") String id,
            @JsonProperty("service_id") String serviceId,
            @JsonProperty("name") String name,
            @JsonProperty("code") String code,
            @JsonProperty("note") @Nullable String note) {}

    /** An issue code the service handles, as a term of the municipality's issue taxonomy. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Attribute(
            @JsonProperty("id") String id,
            @JsonProperty("link_id") String linkId,
            @JsonProperty("link_entity") String linkEntity,
            @JsonProperty("taxonomy_term_id") String taxonomyTermId,
            @JsonProperty("value") String value,
            @JsonProperty("taxonomy_term") TaxonomyTerm taxonomyTerm) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record TaxonomyTerm(
            @JsonProperty("id") String id,
            @JsonProperty("code") String code,
            @JsonProperty("name") String name,
            @JsonProperty("description") String description,
            @JsonProperty("taxonomy") String taxonomy,
            @JsonProperty("language") String language) {}
}
