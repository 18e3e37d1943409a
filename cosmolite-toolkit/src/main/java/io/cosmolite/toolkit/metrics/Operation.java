package io.cosmolite.toolkit.metrics;

import java.util.Locale;

/** The kinds of SDK call the toolkit measures; the {@code operation} tag is {@link #tag()}. */
public enum Operation {
    CREATE, READ, READ_MANY, QUERY, REPLACE, UPSERT, PATCH, DELETE, BATCH, BULK, CHANGE_FEED;

    private final String tag = name().toLowerCase(Locale.ROOT);

    /** The tag value: the name in lower case ({@code read_many}, {@code change_feed}, ...). */
    public String tag() {
        return tag;
    }
}
