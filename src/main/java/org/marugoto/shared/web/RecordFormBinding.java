package org.marugoto.shared.web;

import java.lang.annotation.Annotation;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.validation.AbstractPropertyBindingResult;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.validation.annotation.ValidationAnnotationUtils;
import org.springframework.web.bind.ServletRequestDataBinder;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.annotation.InitBinderDataBinderFactory;
import org.springframework.web.method.support.InvocableHandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import org.springframework.web.servlet.mvc.method.annotation.ServletRequestDataBinderFactory;
import org.springframework.web.servlet.support.ExtendedServletRequestDataBinder;

/**
 * Record forms are bound through their constructor only, and keep their binding result (decision 0024). When the constructor binding of a record finds an error (a
 * type mismatch), Spring keeps the binding result it started before the record existed, so it has no target: putting
 * the form back into the model would then drop the errors, and rejecting a value on it would fail. The binder here
 * hands out a binding result with the record as its target, carrying the errors found while building it.
 */
@Configuration(proxyBeanMethods = false)
class RecordFormBinding {

    @Bean
    WebMvcRegistrations recordFormBinderRegistration() {
        return new WebMvcRegistrations() {
            @Override
            public RequestMappingHandlerAdapter getRequestMappingHandlerAdapter() {
                return new RequestMappingHandlerAdapter() {
                    @Override
                    protected InitBinderDataBinderFactory createDataBinderFactory(
                            List<InvocableHandlerMethod> binderMethods) {
                        return new ServletRequestDataBinderFactory(binderMethods, getWebBindingInitializer()) {
                            @Override
                            protected ServletRequestDataBinder createBinderInstance(
                                    @Nullable Object target, String objectName, NativeWebRequest request) {
                                return new RecordFormBinder(target, objectName);
                            }
                        };
                    }
                };
            }
        };
    }

    /** Spring's binder for servlet requests, with a binding result that knows the record it was built for. */
    static final class RecordFormBinder extends ExtendedServletRequestDataBinder {

        private @Nullable AbstractPropertyBindingResult withTarget;

        RecordFormBinder(@Nullable Object target, String objectName) {
            super(target, objectName);
        }

        @Override
        protected AbstractPropertyBindingResult getInternalBindingResult() {
            AbstractPropertyBindingResult result = super.getInternalBindingResult();
            Object target = getTarget();
            if (result.getTarget() != null || target == null) {
                return result;
            }
            if (withTarget == null) {
                BeanPropertyBindingResult carried = new BeanPropertyBindingResult(
                        target, getObjectName(), isAutoGrowNestedPaths(), getAutoGrowCollectionLimit());
                carried.setMessageCodesResolver(result.getMessageCodesResolver());
                // the values that could not be converted; the constraints are checked again on the whole record
                for (ObjectError error : result.getAllErrors()) {
                    if (!(error instanceof FieldError field) || field.isBindingFailure()) {
                        carried.addError(error);
                    }
                }
                withTarget = carried;
            }
            return withTarget;
        }

        /**
         * After a value could not be converted Spring skips {@code @Valid} on the record; a JavaBean form was validated
         * all the same, so that every wrong field got its message at once. This binder does the same.
         */
        @Override
        public void construct(ValueResolver valueResolver) {
            ResolvableType declared = getTargetType();
            Class<?> formClass = declared == null ? null : declared.resolve();
            if (formClass != null && formClass.isRecord()) {
                // a record is built by its constructor and nothing else: binding the same parameters as properties
                // afterwards would write a keyed field (situations[personId:DOMAIN]) into its unmodifiable map
                setDeclarativeBinding(true);
            }
            super.construct(valueResolver);
            ResolvableType type = getTargetType();
            if (getTarget() == null
                    || !getBindingResult().hasErrors()
                    || type == null
                    || !(type.getSource() instanceof MethodParameter parameter)) {
                return;
            }
            for (Annotation annotation : parameter.getParameterAnnotations()) {
                Object[] hints = ValidationAnnotationUtils.determineValidationHints(annotation);
                if (hints != null) {
                    validate(hints);
                    return;
                }
            }
        }
    }
}
