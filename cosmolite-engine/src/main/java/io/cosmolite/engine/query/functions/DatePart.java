package io.cosmolite.engine.query.functions;

import java.util.Locale;

/**
 * A date and time part as the date and time functions name it ({@code "yyyy"}, {@code "mm"},
 * {@code "mi"}, {@code "ns"}...), with its size in ticks for the fixed-length parts. Names are
 * matched case-insensitively.
 */
enum DatePart {
    YEAR(0, "year", "yyyy", "yy"),
    MONTH(0, "month", "mm", "m"),
    DAY(CosmosDateTime.TICKS_PER_DAY, "day", "dd", "d"),
    HOUR(36_000_000_000L, "hour", "hh"),
    MINUTE(600_000_000L, "minute", "mi", "n"),
    SECOND(10_000_000L, "second", "ss", "s"),
    MILLISECOND(10_000L, "millisecond", "ms"),
    MICROSECOND(10L, "microsecond", "mcs"),
    /** Smaller than a tick: sizes in ticks do not apply, callers handle it apart. */
    NANOSECOND(0, "nanosecond", "ns");

    private final long ticks;
    private final String[] names;

    DatePart(long ticks, String... names) {
        this.ticks = ticks;
        this.names = names;
    }

    /** Ticks in one unit of this part; 0 for year and month (variable) and nanosecond (below a tick). */
    long ticks() {
        return ticks;
    }

    /** True for year and month, which calendars add and count rather than ticks. */
    boolean isCalendar() {
        return this == YEAR || this == MONTH;
    }

    /** The part of this name, or null when the name is not one. */
    static DatePart named(String name) {
        if (name == null) {
            return null;
        }
        String n = name.toLowerCase(Locale.ROOT);
        for (DatePart p : values()) {
            for (String alias : p.names) {
                if (alias.equals(n)) {
                    return p;
                }
            }
        }
        return null;
    }
}
