package com.sparecast.jobs.ingest;

import com.sparecast.jobs.config.ConfigurationException;
import com.sparecast.jobs.config.Settings;
import java.io.Serializable;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which header columns are personal data, dropped as a file is read: the contract's
 * {@code customer_*} and {@code serial_no} (in any case, with or without spaces) in every feed,
 * and the names of {@code sparecast.ingest.personal-columns} (comma-separated, any case). A
 * configured name that is one of a feed's optional columns ({@code product_model}) is read as
 * absent: its values never reach staging, rejects or outputs. A required column cannot be
 * personal: that is a configuration error before anything starts.
 */
public record PersonalColumns(Set<String> extras) implements Serializable {

    public static final String KEY = "sparecast.ingest.personal-columns";

    /** The contract's personal columns only. */
    public static final PersonalColumns CONTRACT = new PersonalColumns(Set.of());

    public PersonalColumns {
        extras = Set.copyOf(extras);
    }

    /** The setting's names, checked: a required column of a feed is a {@link ConfigurationException}. */
    public static PersonalColumns from(Settings settings) {
        Set<String> names = new TreeSet<>();
        for (String name : settings.get(KEY).split(",")) {
            String n = normalised(name);
            if (n.isEmpty()) {
                continue;
            }
            for (Feed feed : Feed.values()) {
                for (Column column : feed.columns()) {
                    if (column.required() && column.name().equals(n)) {
                        throw new ConfigurationException(KEY + ": " + n + " is a required column of the "
                                + feed.feedName() + " feed and cannot be dropped as personal data");
                    }
                }
            }
            names.add(n);
        }
        return new PersonalColumns(names);
    }

    /** Whether a header name is, or looks like, personal data. */
    public boolean isPersonal(String headerName) {
        String name = normalised(headerName);
        return name.startsWith("customer_") || name.startsWith("customer ") || name.equals("serial_no")
                || name.equals("serial no") || name.equals("serialno") || extras.contains(name);
    }

    /** Whether a feed's column is dropped: personal by the contract or configured so. */
    public boolean drops(Column column) {
        return column.personal() || extras.contains(column.name());
    }

    private static String normalised(String name) {
        return name.replace("\uFEFF", "").trim().toLowerCase(Locale.ROOT);
    }
}
