package com.sparecast.jobs.format;

import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLog;
import com.openhtmltopdf.util.XRLogger;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * openhtmltopdf's log, sent to the application's Log4j 2 under {@code com.openhtmltopdf.<category>}
 * so {@code log4j2.xml} decides what shows. Left alone, openhtmltopdf writes to java.util.logging
 * with a console handler of its own: four INFO lines per PDF and a warning for every CSS 3
 * property of the screen layout it skips (the print rules it does read follow them), hundreds of
 * lines a night that say nothing about the run.
 */
final class PdfLog implements XRLogger {

    /**
     * Loggers by category. openhtmltopdf asks {@link #isLogLevelEnabled} before every message it
     * might write, thousands of times a document, and {@code LogManager.getLogger(String)} walks
     * the caller's stack to find its logger context: a sixth of a PDF's time went there.
     */
    private final Map<String, Logger> loggers = new ConcurrentHashMap<>();

    private PdfLog() {
    }

    /** Installs the bridge, once per JVM (the logger is openhtmltopdf's static state). */
    static synchronized void install() {
        if (!(XRLog.getLoggerImpl() instanceof PdfLog)) {
            XRLog.setLoggerImpl(new PdfLog());
        }
    }

    @Override
    public void log(String where, Level level, String message) {
        logger(where).log(level(level), message);
    }

    @Override
    public void log(String where, Level level, String message, Throwable thrown) {
        logger(where).log(level(level), message, thrown);
    }

    @Override
    public void setLevel(String logger, Level level) {
        // levels are log4j2.xml's
    }

    @Override
    public boolean isLogLevelEnabled(Diagnostic diagnostic) {
        return logger(diagnostic.getLogMessageId().getWhere()).isEnabled(level(diagnostic.getLevel()));
    }

    private Logger logger(String where) {
        return loggers.computeIfAbsent(where, LogManager::getLogger);
    }

    private static org.apache.logging.log4j.Level level(Level level) {
        int v = level.intValue();
        if (v >= Level.SEVERE.intValue()) {
            return org.apache.logging.log4j.Level.ERROR;
        }
        if (v >= Level.WARNING.intValue()) {
            return org.apache.logging.log4j.Level.WARN;
        }
        if (v >= Level.INFO.intValue()) {
            return org.apache.logging.log4j.Level.INFO;
        }
        return v >= Level.FINE.intValue() ? org.apache.logging.log4j.Level.DEBUG : org.apache.logging.log4j.Level.TRACE;
    }
}
