package org.marugoto.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.core.ResolvableType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.ServletRequestDataBinder;

/**
 * The experiment behind decision 0024: how Spring binds a form post to a record (constructor binding), so that the
 * house's forms can be records. Each test is one finding; if a Spring upgrade changes one, the decision must be read
 * again.
 */
class RecordFormBindingTests {

    record Address(String street, @Nullable Integer floor) {
        Address {
            street = FormValues.text(street);
        }
    }

    record Sample(
            String name,
            Boolean active,
            List<String> codes,
            List<UUID> ids,
            @Nullable Integer age,
            @Nullable UUID areaId,
            @Nullable Address address,
            int version) {
        Sample {
            name = FormValues.text(name);
            active = FormValues.orDefault(active, true);
            codes = FormValues.list(codes);
            ids = FormValues.list(ids);
        }
    }

    private static ServletRequestDataBinder bind(MockHttpServletRequest request) {
        ServletRequestDataBinder binder = new ServletRequestDataBinder(null, "form");
        binder.setTargetType(ResolvableType.forClass(Sample.class));
        binder.construct(request);
        return binder;
    }

    private static Sample target(ServletRequestDataBinder binder) {
        return (Sample) java.util.Objects.requireNonNull(binder.getTarget());
    }

    @Test
    void parametersGoToTheCanonicalConstructorByComponentName() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.addParameter("name", "Aoba");
        request.addParameter("age", "42");
        request.addParameter("version", "3");
        Sample form = target(bind(request));
        assertThat(form.name()).isEqualTo("Aoba");
        assertThat(form.age()).isEqualTo(42);
        assertThat(form.version()).isEqualTo(3);
    }

    @Test
    void aFieldNotPostedArrivesAsNullAndTheCompactConstructorDecides() {
        ServletRequestDataBinder binder = bind(new MockHttpServletRequest());
        Sample form = target(binder);
        assertThat(form.name()).isEmpty();
        assertThat(form.active()).isTrue();
        assertThat(form.codes()).isEmpty();
        assertThat(form.age()).isNull();
        assertThat(binder.getBindingResult().getFieldErrorCount()).isOne();
    }

    @Test
    void aPrimitiveThatIsNotPostedIsATypeMismatchSoFormsBoxTheirNumbersAndBooleans() {
        ServletRequestDataBinder binder = bind(new MockHttpServletRequest());
        assertThat(binder.getBindingResult().getFieldError("version").getCodes())
                .contains("typeMismatch");
        // the record is still built, with the primitive's zero
        assertThat(target(binder).version()).isZero();
    }

    @Test
    void springsBindingResultHasNoTargetAfterAnErrorWhileBuildingTheRecordTheHousesBinderGivesItOne() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.addParameter("name", "Aoba");
        request.addParameter("age", "forty");
        request.addParameter("version", "1");

        assertThat(bind(request).getBindingResult().getTarget()).isNull();

        RecordFormBinding.RecordFormBinder binder = new RecordFormBinding.RecordFormBinder(null, "form");
        binder.setTargetType(ResolvableType.forClass(Sample.class));
        binder.construct(request);
        BindingResult result = binder.getBindingResult();
        assertThat(result.getTarget()).isSameAs(binder.getTarget());
        assertThat(result.getFieldError("age").getCodes()).contains("typeMismatch");
        assertThat(result.getFieldValue("age")).isEqualTo("forty");
        // a controller can still reject a value after such an error
        result.rejectValue("name", "taken");
        assertThat(result.getFieldErrorCount()).isEqualTo(2);
        assertThat(result.getFieldValue("name")).isEqualTo("Aoba");
    }

    @Test
    void anUncheckedCheckboxPostsOnlyItsMarkerAndBindsFalse() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.addParameter("_active", "on");
        assertThat(target(bind(request)).active()).isFalse();

        request.addParameter("active", "true");
        assertThat(target(bind(request)).active()).isTrue();
    }

    @Test
    void repeatedParametersBindToALists() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        UUID one = UUID.randomUUID();
        UUID two = UUID.randomUUID();
        request.addParameter("codes", "a", "b");
        request.addParameter("ids", one.toString(), two.toString());
        request.addParameter("_ids", "1");
        Sample form = target(bind(request));
        assertThat(form.codes()).containsExactly("a", "b");
        assertThat(form.ids()).containsExactly(one, two);

        MockHttpServletRequest none = new MockHttpServletRequest();
        none.addParameter("_ids", "1");
        assertThat(target(bind(none)).ids()).isEmpty();
    }

    @Test
    void nestedRecordsBindFromDottedNames() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.addParameter("address.street", "1-2-3 Aoba");
        request.addParameter("address.floor", "4");
        Address address = target(bind(request)).address();
        assertThat(address).isEqualTo(new Address("1-2-3 Aoba", 4));
    }

    @Test
    void aTypeMismatchIsAFieldErrorKeepsWhatWasTypedAndStillBuildsTheRecord() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.addParameter("name", "Aoba");
        request.addParameter("age", "forty");
        request.addParameter("areaId", "not-a-uuid");
        ServletRequestDataBinder binder = bind(request);
        BindingResult result = binder.getBindingResult();

        assertThat(result.getFieldError("age")).isNotNull();
        assertThat(result.getFieldError("age").getCodes()).contains("typeMismatch");
        assertThat(result.getFieldError("areaId").getCodes()).contains("typeMismatch");
        // re-rendering shows the typed text at the field, and the other fields' values
        assertThat(result.getFieldValue("age")).isEqualTo("forty");
        assertThat(result.getFieldValue("name")).isEqualTo("Aoba");
        // the record is still built, with null for what could not be converted
        Sample form = target(binder);
        assertThat(form.age()).isNull();
        assertThat(form.name()).isEqualTo("Aoba");
    }

    @Test
    void aBindingResultReadsRecordAccessorsAsPropertiesSoThFieldRendersARecord() {
        Sample form = new Sample("Aoba", false, List.of("a"), List.of(), 42, null, null, 7);
        BindingResult result = new BeanPropertyBindingResult(form, "form");
        assertThat(result.getFieldValue("name")).isEqualTo("Aoba");
        assertThat(result.getFieldValue("active")).isEqualTo(false);
        assertThat(result.getFieldValue("codes")).isEqualTo(List.of("a"));
        assertThat(result.getFieldValue("version")).isEqualTo(7);
    }
}
