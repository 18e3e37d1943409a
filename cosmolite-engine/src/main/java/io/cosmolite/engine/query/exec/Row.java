package io.cosmolite.engine.query.exec;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One row flowing through a query pipeline.
 *
 * @param env     the aliases bound for the row
 * @param value   the projected value (null before projection)
 * @param key     the storage key of the item the row came from, or null when it came from none
 * @param ordinal the row's position among the projected rows of its item
 * @param index   the row's position among all rows reaching OFFSET/LIMIT
 */
record Row(Env env, JsonNode value, byte[] key, int ordinal, long index) {

    /** A row of aliases from an item (or none). */
    static Row of(Env env, byte[] key) {
        return new Row(env, null, key, 0, 0);
    }

    Row withValue(JsonNode v, int ord) {
        return new Row(env, v, key, ord, index);
    }

    Row withIndex(long i) {
        return new Row(env, value, key, ordinal, i);
    }
}
