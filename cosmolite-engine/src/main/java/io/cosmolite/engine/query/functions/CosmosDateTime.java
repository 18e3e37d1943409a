package io.cosmolite.engine.query.functions;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * A Cosmos DB date and time: a count of 100-nanosecond ticks since the Unix epoch, restricted to
 * the years 0001 through 9999 (the range of the .NET DateTime that Cosmos DB mirrors), with the
 * parsing and the {@code YYYY-MM-DDThh:mm:ss.fffffffZ} printing its functions share.
 *
 * <p>Accepted input, as IS_DATETIME documents it: {@code YYYY-MM-DD}, optionally followed by
 * {@code Z}, or by {@code T} or a space and {@code hh:mm:ss}, then optionally {@code .} and one
 * to seven fraction digits, then optionally {@code Z}. Nothing else (no offsets, no other
 * separators).
 *
 * @param ticks 100-nanosecond ticks since 1970-01-01T00:00:00Z
 */
record CosmosDateTime(long ticks) {
    static final long TICKS_PER_SECOND = 10_000_000L;
    static final long TICKS_PER_DAY = 86_400L * TICKS_PER_SECOND;
    /** 0001-01-01T00:00:00Z. */
    static final long MIN_TICKS = -62_135_596_800L * TICKS_PER_SECOND;
    /** 9999-12-31T23:59:59.9999999Z. */
    static final long MAX_TICKS = 253_402_300_800L * TICKS_PER_SECOND - 1;

    /** The date and time of these ticks, or null outside the years 0001 to 9999. */
    static CosmosDateTime ofTicks(long ticks) {
        return ticks < MIN_TICKS || ticks > MAX_TICKS ? null : new CosmosDateTime(ticks);
    }

    /** The date and time of an instant, truncated to whole ticks. */
    static CosmosDateTime of(Instant instant) {
        return ofTicks(instant.getEpochSecond() * TICKS_PER_SECOND + instant.getNano() / 100);
    }

    /** The date and time of a calendar value plus a fraction of a second in ticks, or null out of range. */
    static CosmosDateTime of(LocalDateTime local, long fractionTicks) {
        int year = local.getYear();
        if (year < 1 || year > 9999) {
            return null;
        }
        return ofTicks(local.withNano(0).toEpochSecond(ZoneOffset.UTC) * TICKS_PER_SECOND + fractionTicks);
    }

    /** Parses a date and time string, or returns null when it is not one Cosmos DB accepts. */
    static CosmosDateTime parse(String s) {
        if (s == null) {
            return null;
        }
        Cursor c = new Cursor(s);
        int year = c.digits(4);
        int month = c.expect('-') ? c.digits(2) : -1;
        int day = c.expect('-') ? c.digits(2) : -1;
        if (year < 1 || month < 1 || month > 12 || day < 1) {
            return null;
        }
        int hour = 0;
        int minute = 0;
        int second = 0;
        long fraction = 0;
        if (c.expect('T') || c.expect(' ')) {
            hour = c.digits(2);
            minute = c.expect(':') ? c.digits(2) : -1;
            second = c.expect(':') ? c.digits(2) : -1;
            if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
                return null;
            }
            if (c.expect('.')) {
                int start = c.pos;
                while (c.pos < s.length() && c.pos - start < 7 && isDigit(s.charAt(c.pos))) {
                    fraction = fraction * 10 + (s.charAt(c.pos++) - '0');
                }
                int n = c.pos - start;
                if (n == 0) {
                    return null;
                }
                for (int i = n; i < 7; i++) {
                    fraction *= 10;
                }
            }
        }
        c.expect('Z');
        if (c.pos != s.length() || day > java.time.YearMonth.of(year, month).lengthOfMonth()) {
            return null;
        }
        return of(LocalDateTime.of(year, month, day, hour, minute, second), fraction);
    }

    /** The calendar value (UTC), with nanoseconds from the ticks. */
    LocalDateTime local() {
        long seconds = Math.floorDiv(ticks, TICKS_PER_SECOND);
        int nanos = (int) Math.floorMod(ticks, TICKS_PER_SECOND) * 100;
        return LocalDateTime.ofEpochSecond(seconds, nanos, ZoneOffset.UTC);
    }

    /** The ticks within the current second, 0 to 9,999,999. */
    long fractionTicks() {
        return Math.floorMod(ticks, TICKS_PER_SECOND);
    }

    /** Milliseconds since the Unix epoch, rounded down. */
    long epochMillis() {
        return Math.floorDiv(ticks, 10_000L);
    }

    /** The Cosmos DB form {@code YYYY-MM-DDThh:mm:ss.fffffffZ}. */
    String format() {
        LocalDateTime t = local();
        StringBuilder b = new StringBuilder(28);
        pad(b, t.getYear(), 4).append('-');
        pad(b, t.getMonthValue(), 2).append('-');
        pad(b, t.getDayOfMonth(), 2).append('T');
        pad(b, t.getHour(), 2).append(':');
        pad(b, t.getMinute(), 2).append(':');
        pad(b, t.getSecond(), 2).append('.');
        pad(b, fractionTicks(), 7).append('Z');
        return b.toString();
    }

    private static StringBuilder pad(StringBuilder b, long value, int width) {
        String s = Long.toString(value);
        for (int i = s.length(); i < width; i++) {
            b.append('0');
        }
        return b.append(s);
    }

    private static boolean isDigit(char ch) {
        return ch >= '0' && ch <= '9';
    }

    /** A position in the text being parsed. */
    private static final class Cursor {
        private final String s;
        private int pos;

        Cursor(String s) {
            this.s = s;
        }

        /** Exactly {@code n} digits as a number, or -1. */
        int digits(int n) {
            if (pos + n > s.length()) {
                return -1;
            }
            int value = 0;
            for (int i = 0; i < n; i++) {
                char ch = s.charAt(pos + i);
                if (!isDigit(ch)) {
                    return -1;
                }
                value = value * 10 + (ch - '0');
            }
            pos += n;
            return value;
        }

        boolean expect(char ch) {
            if (pos < s.length() && s.charAt(pos) == ch) {
                pos++;
                return true;
            }
            return false;
        }
    }
}
