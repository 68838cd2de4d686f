package org.marugoto.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.marugoto.shared.NotFoundException;
import org.marugoto.shared.db.DatabaseAvailability;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * Translated error pages for what a user can cause. Forms handle stale edits themselves (they show the newer data);
 * this is the fallback for a stale edit that reaches no form.
 */
@ControllerAdvice
class ErrorHandling {

    private final DatabaseAvailability database;
    private final ServiceAvailability unavailable;

    ErrorHandling(DatabaseAvailability database, ServiceAvailability unavailable) {
        this.database = database;
        this.unavailable = unavailable;
    }

    /** The database went away during the request: nothing was saved; say so with a 503, not a 500. */
    @ExceptionHandler({DataAccessResourceFailureException.class, CannotCreateTransactionException.class})
    void databaseUnavailable(Exception failure, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        database.connectionFailed(failure);
        unavailable.render(request, response, false);
    }

    @ExceptionHandler(NotFoundException.class)
    String notFound(HttpServletResponse response, Model model) {
        return error(HttpStatus.NOT_FOUND, response, model);
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    String staleEdit(HttpServletResponse response, Model model) {
        return error(HttpStatus.CONFLICT, response, model);
    }

    private static String error(HttpStatus status, HttpServletResponse response, Model model) {
        response.setStatus(status.value());
        model.addAttribute("status", status.value());
        return "error";
    }
}
