package org.marugoto.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.marugoto.shared.RuleViolation;
import org.springframework.validation.BeanPropertyBindingResult;

class FormErrorsTests {

    public static class Form {
        private String receivedDate = "";

        public String getReceivedDate() {
            return receivedDate;
        }

        public void setReceivedDate(String receivedDate) {
            this.receivedDate = receivedDate;
        }
    }

    @Test
    void aViolationOfAFieldTheFormHasGoesToThatField() {
        BeanPropertyBindingResult result = new BeanPropertyBindingResult(new Form(), "form");
        FormErrors.reject(result, new RuleViolation("receivedDate", "validation.date.future"));
        assertThat(result.getFieldError("receivedDate")).isNotNull();
    }

    @Test
    void aViolationOfAFieldTheFormLacksGoesToTheTopOfTheFormInsteadOfFailing() {
        BeanPropertyBindingResult result = new BeanPropertyBindingResult(new Form(), "form");
        FormErrors.reject(result, new RuleViolation("receivedAt", "validation.date.future"));
        assertThat(result.getGlobalErrors()).singleElement().satisfies(e -> assertThat(e.getCode())
                .isEqualTo("validation.date.future"));
    }
}
