package org.marugoto.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.marugoto.shared.CurrentActor;
import org.marugoto.shared.NotFoundException;
import org.marugoto.shared.RuleViolation;
import org.marugoto.shared.Tenancy;
import org.marugoto.shared.db.DatabaseAvailability;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Translated error pages for what a user can cause. Forms handle stale edits and rule violations themselves (they
 * show the form again); this is the fallback for those that reach no form, and for a mistyped address, a wrong method
 * or a malformed parameter: a browser gets the translated page, a program calling {@code /api/**} a problem document.
 * Ordered before Spring's problem-details handler, which would answer a browser with JSON.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class ErrorHandling {

    private final DatabaseAvailability database;
    private final ServiceAvailability unavailable;
    private final Tenancy tenancy;
    private final MessageSource messages;
    private final LocaleResolver locales;
    private final JsonMapper json;

    ErrorHandling(
            DatabaseAvailability database,
            ServiceAvailability unavailable,
            Tenancy tenancy,
            MessageSource messages,
            LocaleResolver locales,
            JsonMapper json) {
        this.database = database;
        this.unavailable = unavailable;
        this.tenancy = tenancy;
        this.messages = messages;
        this.locales = locales;
        this.json = json;
    }

    /** The database went away during the request: nothing was saved; say so with a 503, not a 500. */
    @ExceptionHandler({DataAccessResourceFailureException.class, CannotCreateTransactionException.class})
    void databaseUnavailable(Exception failure, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        database.connectionFailed(failure);
        unavailable.render(request, response, false);
    }

    @ExceptionHandler(NotFoundException.class)
    @Nullable
    ModelAndView notFound(HttpServletRequest request, HttpServletResponse response) throws IOException {
        return error(HttpStatus.NOT_FOUND, null, request, response);
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    @Nullable
    ModelAndView staleEdit(HttpServletRequest request, HttpServletResponse response) throws IOException {
        return error(HttpStatus.CONFLICT, null, request, response);
    }

    /** Input a filter refused before any handler saw it (a NUL character). */
    @ExceptionHandler(UnacceptableInput.class)
    @Nullable
    ModelAndView unacceptableInput(
            UnacceptableInput violation, HttpServletRequest request, HttpServletResponse response) throws IOException {
        return error(HttpStatus.BAD_REQUEST, message(violation, request), request, response);
    }

    /** A service's rule that no form caught: the request was understood but breaks a rule; nothing was saved. */
    @ExceptionHandler(RuleViolation.class)
    @Nullable
    ModelAndView ruleViolation(RuleViolation violation, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        return error(HttpStatus.UNPROCESSABLE_CONTENT, message(violation, request), request, response);
    }

    /** A mistyped address, a wrong method, a missing or malformed parameter, a body too large. */
    @ExceptionHandler({
        NoResourceFoundException.class,
        NoHandlerFoundException.class,
        HttpRequestMethodNotSupportedException.class,
        HttpMediaTypeNotSupportedException.class,
        HttpMediaTypeNotAcceptableException.class,
        MissingServletRequestParameterException.class,
        TypeMismatchException.class,
        MaxUploadSizeExceededException.class
    })
    @Nullable
    ModelAndView requestError(Exception exception, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        HttpStatusCode status = exception instanceof ErrorResponse error
                ? error.getStatusCode()
                : exception instanceof MaxUploadSizeExceededException
                        ? HttpStatus.CONTENT_TOO_LARGE
                        : HttpStatus.BAD_REQUEST;
        if (exception instanceof HttpRequestMethodNotSupportedException methods
                && methods.getSupportedHttpMethods() != null) {
            response.setHeader(
                    "Allow",
                    String.join(
                            ", ",
                            methods.getSupportedHttpMethods().stream()
                                    .map(Object::toString)
                                    .toList()));
        }
        return error(status, null, request, response);
    }

    private String message(RuleViolation violation, HttpServletRequest request) {
        String text = messages.getMessage(
                violation.messageKey(), violation.arguments(), violation.messageKey(), locales.resolveLocale(request));
        return text == null ? violation.messageKey() : text;
    }

    private @Nullable ModelAndView error(
            HttpStatusCode status, @Nullable String message, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/")) {
            Map<String, Object> problem = new LinkedHashMap<>();
            problem.put("type", "about:blank");
            HttpStatus known = HttpStatus.resolve(status.value());
            problem.put("title", known == null ? "Error" : known.getReasonPhrase());
            problem.put("status", status.value());
            if (message != null) {
                problem.put("detail", message);
            }
            problem.put("instance", request.getRequestURI());
            response.setStatus(status.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8);
            json.writeValue(response.getOutputStream(), problem);
            return null;
        }
        return page(status, message, path, tenancy);
    }

    /** The translated error page with what the layout needs ({@code @ModelAttribute}s do not run for errors). */
    static ModelAndView page(HttpStatusCode status, @Nullable String message, String path, Tenancy tenancy) {
        ModelAndView page = new ModelAndView("error");
        page.setStatus(status);
        page.addObject("status", status.value());
        page.addObject("message", message);
        page.addObject("path", path);
        page.addObject("currentPath", path);
        page.addObject("actor", CurrentActor.get().orElse(null));
        page.addObject("municipalityName", tenancy.municipalityName());
        return page;
    }
}
