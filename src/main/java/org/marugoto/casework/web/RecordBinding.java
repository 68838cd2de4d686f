package org.marugoto.casework.web;

import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * The casework forms are records, bound only through their constructors. Without this, Spring would go on to bind
 * the same request parameters as properties as well, and a keyed field ({@code situations[personId:DOMAIN]}) would be
 * written into the record's unmodifiable map.
 */
@ControllerAdvice(basePackageClasses = RecordBinding.class)
class RecordBinding {

    @InitBinder
    void constructorOnly(WebDataBinder binder) {
        binder.setDeclarativeBinding(true);
    }
}
