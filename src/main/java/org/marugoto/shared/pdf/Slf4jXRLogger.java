package org.marugoto.shared.pdf;

import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLog;
import com.openhtmltopdf.util.XRLogger;
import java.util.logging.Level;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends openhtmltopdf's log (its own java.util.logging console handler by default, which bypasses the application's
 * logging) to SLF4J under the same names ({@code com.openhtmltopdf.load}, ...). Its INFO messages are diagnostics
 * written for every render (font loads, cache hits), so they become DEBUG.
 */
final class Slf4jXRLogger implements XRLogger {

    static void install() {
        if (!(XRLog.getLoggerImpl() instanceof Slf4jXRLogger)) {
            XRLog.setLoggerImpl(new Slf4jXRLogger());
        }
    }

    @Override
    public void log(String where, Level level, String message) {
        log(where, level, message, null);
    }

    @Override
    public void log(String where, Level level, String message, @Nullable Throwable error) {
        Logger logger = LoggerFactory.getLogger(where);
        int value = level.intValue();
        if (value >= Level.SEVERE.intValue()) {
            logger.error(message, error);
        } else if (value >= Level.WARNING.intValue()) {
            logger.warn(message, error);
        } else if (value >= Level.FINE.intValue()) {
            logger.debug(message, error);
        } else {
            logger.trace(message, error);
        }
    }

    @Override
    public void setLevel(String logger, Level level) {
        // levels come from the application's logging configuration
    }

    @Override
    public boolean isLogLevelEnabled(Diagnostic diagnostic) {
        Logger logger = LoggerFactory.getLogger(diagnostic.getLogMessageId().getWhere());
        int value = diagnostic.getLevel().intValue();
        if (value >= Level.WARNING.intValue()) {
            return logger.isWarnEnabled();
        }
        return value >= Level.FINE.intValue() ? logger.isDebugEnabled() : logger.isTraceEnabled();
    }
}
