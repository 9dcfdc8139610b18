package com.sparecast.jobs.format;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.MustacheFactory;
import java.io.StringWriter;

/**
 * The HTML pages, from the Mustache templates under {@code src/main/resources/templates/}.
 * Every {@code {{value}}} is HTML-escaped by the engine (the only escaping of the application's
 * HTML); the Java side hands over plain view objects (records, lists, strings already formatted
 * with {@link Numbers}) and never assembles markup. Compiled templates are cached; rendering is
 * thread-safe, so executors may render too.
 */
public final class Templates {

    private static final MustacheFactory TEMPLATES = new DefaultMustacheFactory("templates");

    private Templates() {
    }

    /** Renders {@code templates/<name>.mustache} (for example {@code report/index}) with {@code view}. */
    public static String render(String name, Object view) {
        StringWriter out = new StringWriter(16_384);
        TEMPLATES.compile(name + ".mustache").execute(out, view);
        return out.toString();
    }
}
