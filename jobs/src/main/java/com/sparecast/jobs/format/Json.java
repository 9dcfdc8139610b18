package com.sparecast.jobs.format;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.PrettyPrinter;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.util.function.DoubleFunction;

/**
 * The JSON results of the side commands, written by Jackson from maps in insertion order. The
 * caller chooses how floating-point numbers are written ({@link Numbers#significant},
 * {@link Numbers#exact}: a null text writes JSON null) and the layout.
 */
public final class Json {

    private Json() {
    }

    /** Two-space indentation, one entry a line, {@code "key": value}; an empty object as {@code {}}. */
    public static PrettyPrinter indented() {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        return new DefaultPrettyPrinter(Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator(""))
                .withObjectIndenter(indenter);
    }

    /** {@code value} as JSON text ending in a line feed. */
    public static String write(Object value, DoubleFunction<String> numbers, PrettyPrinter layout) {
        NumberText text = new NumberText(numbers);
        SimpleModule doubles = new SimpleModule("numbers")
                .addSerializer(Double.class, text)
                .addSerializer(Double.TYPE, text)
                .addSerializer(Float.class, text);
        ObjectMapper mapper = new ObjectMapper().registerModule(doubles);
        try {
            return mapper.writer(layout).writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** A floating-point number as its {@code format} gives it; JSON null where that is null. */
    private static final class NumberText extends JsonSerializer<Number> {
        private final DoubleFunction<String> format;

        NumberText(DoubleFunction<String> format) {
            this.format = format;
        }

        @Override
        public void serialize(Number value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            String text = format.apply(value.doubleValue());
            if (text == null) {
                gen.writeNull();
            } else {
                gen.writeNumber(text);
            }
        }
    }
}
