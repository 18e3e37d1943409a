package io.cosmolite.engine.query.functions;

import static io.cosmolite.engine.query.functions.ArgReaders.arg;
import static io.cosmolite.engine.query.functions.ArgReaders.integer;
import static io.cosmolite.engine.query.functions.ArgReaders.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.cosmolite.engine.query.functions.BuiltinFunction.Body;
import io.cosmolite.engine.query.functions.BuiltinFunction.Family;
import io.cosmolite.engine.query.value.Values;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.function.Function;

/**
 * The date and time functions. Dates are ISO 8601 strings printed as
 * {@code YYYY-MM-DDThh:mm:ss.fffffffZ} (see {@link CosmosDateTime} for what is accepted), ticks
 * are 100-nanosecond units and timestamps milliseconds, both since the Unix epoch. A part name,
 * number or date that is not valid yields undefined, as do results outside the years 0001 to
 * 9999. The GetCurrent* functions, NOW and AGO read the query's start time from the
 * {@link FunctionContext}, so the static and non-static forms agree within a query.
 */
final class DateTimeFunctions {
    private static final BigInteger HUNDRED = BigInteger.valueOf(100);
    /** 1601-01-01T00:00:00Z, the earliest bin start DateTimeBin accepts. */
    private static final long WINDOWS_EPOCH_TICKS = -116_444_736_000_000_000L;

    private DateTimeFunctions() {}

    static List<BuiltinFunction> all() {
        return List.of(
                fn("DateTimeAdd", 3, 3, (a, c) -> {
                    DatePart part = DatePart.named(text(arg(a, 0)));
                    Long amount = integer(arg(a, 1));
                    CosmosDateTime dt = date(arg(a, 2));
                    return part == null || amount == null || dt == null ? null : print(add(dt, part, amount));
                }),
                fn("DateTimeBin", 2, 4, DateTimeFunctions::bin),
                // IS_DATETIME is documented with the type-checking functions but answers by the date rules here.
                fn("IS_DATETIME", 1, 1, (a, c) -> Values.bool(
                        a[0] != null && a[0].isTextual() && CosmosDateTime.parse(a[0].textValue()) != null)),
                fn("DateTimeDiff", 3, 3, (a, c) -> {
                    DatePart part = DatePart.named(text(arg(a, 0)));
                    CosmosDateTime start = date(arg(a, 1));
                    CosmosDateTime end = date(arg(a, 2));
                    return part == null || start == null || end == null ? null : Values.number(diff(part, start, end));
                }),
                fn("DateTimeFormat", 2, 2, (a, c) -> {
                    CosmosDateTime dt = date(arg(a, 0));
                    String format = text(arg(a, 1));
                    String s = dt == null || format == null ? null : CosmosDateTimeFormat.format(dt, format);
                    return s == null ? null : Values.string(s);
                }),
                fn("DateTimeFromParts", 3, 7, DateTimeFunctions::fromParts),
                fn("DateTimePart", 2, 2, (a, c) -> {
                    DatePart part = DatePart.named(text(arg(a, 0)));
                    CosmosDateTime dt = date(arg(a, 1));
                    return part == null || dt == null ? null : Values.number(part(part, dt));
                }),
                fn("DateTimeToTicks", 1, 1, fromDate(dt -> Values.number(dt.ticks()))),
                fn("DateTimeToTimestamp", 1, 1, fromDate(dt -> Values.number(dt.epochMillis()))),
                fn("Year", 1, 1, fromDate(dt -> Values.number(part(DatePart.YEAR, dt)))),
                fn("Month", 1, 1, fromDate(dt -> Values.number(part(DatePart.MONTH, dt)))),
                fn("Day", 1, 1, fromDate(dt -> Values.number(part(DatePart.DAY, dt)))),
                fn("TicksToDateTime", 1, 1, (a, c) -> {
                    Long ticks = integer(arg(a, 0));
                    return ticks == null ? null : print(CosmosDateTime.ofTicks(ticks));
                }),
                fn("TimestampToDateTime", 1, 1, (a, c) -> {
                    Long millis = integer(arg(a, 0));
                    if (millis == null || Math.abs(millis) > CosmosDateTime.MAX_TICKS / 10_000L) {
                        return null;
                    }
                    return print(CosmosDateTime.ofTicks(millis * 10_000L));
                }),
                fn("GetCurrentDateTime", 0, 0, (a, c) -> print(now(c))),
                fn("GetCurrentDateTimeStatic", 0, 0, (a, c) -> print(now(c))),
                fn("GetCurrentTicks", 0, 0, (a, c) -> Values.number(now(c).ticks())),
                fn("GetCurrentTicksStatic", 0, 0, (a, c) -> Values.number(now(c).ticks())),
                fn("GetCurrentTimestamp", 0, 0, (a, c) -> Values.number(now(c).epochMillis())),
                fn("GetCurrentTimestampStatic", 0, 0, (a, c) -> Values.number(now(c).epochMillis())),
                fn("Now", 0, 2, (a, c) -> a.length == 0 ? print(now(c)) : shiftNow(a, c, 1)),
                fn("Ago", 2, 2, (a, c) -> shiftNow(a, c, -1)));
    }

    private static BuiltinFunction fn(String name, int min, int max, Body body) {
        return new BuiltinFunction(name, Family.DATE_AND_TIME, min, max, body);
    }

    private static Body fromDate(Function<CosmosDateTime, JsonNode> f) {
        return (a, c) -> {
            CosmosDateTime dt = date(arg(a, 0));
            return dt == null ? null : f.apply(dt);
        };
    }

    private static CosmosDateTime date(JsonNode v) {
        return CosmosDateTime.parse(text(v));
    }

    private static JsonNode print(CosmosDateTime dt) {
        return dt == null ? null : Values.string(dt.format());
    }

    private static CosmosDateTime now(FunctionContext ctx) {
        return CosmosDateTime.of(ctx == null || ctx.now() == null ? Instant.now() : ctx.now());
    }

    /** NOW(part, n) adds n parts to the current time; AGO(part, n) subtracts them. */
    private static JsonNode shiftNow(JsonNode[] args, FunctionContext ctx, int sign) {
        DatePart part = DatePart.named(text(arg(args, 0)));
        Long amount = integer(arg(args, 1));
        if (part == null || amount == null || amount == Long.MIN_VALUE) {
            return null;
        }
        return print(add(now(ctx), part, sign * amount));
    }

    /** The date plus {@code amount} parts; years and months clamp the day to the month's end. */
    static CosmosDateTime add(CosmosDateTime dt, DatePart part, long amount) {
        try {
            return switch (part) {
                case YEAR -> Math.abs(amount) > 10_000 ? null
                        : CosmosDateTime.of(dt.local().plusYears(amount), dt.fractionTicks());
                case MONTH -> Math.abs(amount) > 120_000 ? null
                        : CosmosDateTime.of(dt.local().plusMonths(amount), dt.fractionTicks());
                case NANOSECOND -> CosmosDateTime.ofTicks(dt.ticks() + amount / 100);
                default -> CosmosDateTime.ofTicks(Math.addExact(dt.ticks(), Math.multiplyExact(amount, part.ticks())));
            };
        } catch (ArithmeticException | DateTimeException e) {
            return null;
        }
    }

    /** The number of part boundaries crossed from start to end (negative when end is earlier). */
    static double diff(DatePart part, CosmosDateTime start, CosmosDateTime end) {
        LocalDateTime s = start.local();
        LocalDateTime e = end.local();
        return switch (part) {
            case YEAR -> e.getYear() - s.getYear();
            case MONTH -> (e.getYear() * 12L + e.getMonthValue()) - (s.getYear() * 12L + s.getMonthValue());
            case NANOSECOND -> (double) (end.ticks() - start.ticks()) * 100;
            default -> Math.floorDiv(end.ticks(), part.ticks()) - Math.floorDiv(start.ticks(), part.ticks());
        };
    }

    static long part(DatePart part, CosmosDateTime dt) {
        LocalDateTime t = dt.local();
        return switch (part) {
            case YEAR -> t.getYear();
            case MONTH -> t.getMonthValue();
            case DAY -> t.getDayOfMonth();
            case HOUR -> t.getHour();
            case MINUTE -> t.getMinute();
            case SECOND -> t.getSecond();
            case MILLISECOND -> dt.fractionTicks() / 10_000L;
            case MICROSECOND -> dt.fractionTicks() / 10L;
            case NANOSECOND -> dt.fractionTicks() * 100L;
        };
    }

    /**
     * DateTimeBin(date, part [, size [, start]]): the start of the size-part bin holding the date,
     * bins counted from start (the Unix epoch by default). Years and months cannot be binned; the
     * size must be a positive integer; the start may not precede 1601-01-01.
     */
    private static JsonNode bin(JsonNode[] args, FunctionContext ctx) {
        CosmosDateTime dt = date(arg(args, 0));
        DatePart part = DatePart.named(text(arg(args, 1)));
        if (dt == null || part == null || part.isCalendar()) {
            return null;
        }
        long size = 1;
        if (args.length > 2) {
            Long s = integer(arg(args, 2));
            if (s == null || s <= 0) {
                return null;
            }
            size = s;
        }
        long origin = 0;
        if (args.length > 3) {
            CosmosDateTime start = date(arg(args, 3));
            if (start == null || start.ticks() < WINDOWS_EPOCH_TICKS) {
                return null;
            }
            origin = start.ticks();
        }
        // In nanoseconds, so that nanosecond bins need no special case.
        BigInteger unitNanos = part == DatePart.NANOSECOND ? BigInteger.ONE
                : BigInteger.valueOf(part.ticks()).multiply(HUNDRED);
        BigInteger width = unitNanos.multiply(BigInteger.valueOf(size));
        BigInteger originNanos = BigInteger.valueOf(origin).multiply(HUNDRED);
        BigInteger offset = BigInteger.valueOf(dt.ticks()).multiply(HUNDRED).subtract(originNanos);
        BigInteger[] qr = offset.divideAndRemainder(width);
        BigInteger bins = qr[1].signum() < 0 ? qr[0].subtract(BigInteger.ONE) : qr[0];
        BigInteger binned = originNanos.add(bins.multiply(width));
        BigInteger[] ticks = binned.divideAndRemainder(HUNDRED);
        long t = ticks[0].longValue() - (ticks[1].signum() < 0 ? 1 : 0);
        return print(CosmosDateTime.ofTicks(t));
    }

    private static JsonNode fromParts(JsonNode[] args, FunctionContext ctx) {
        long[] parts = new long[7];
        for (int i = 0; i < args.length; i++) {
            Long v = integer(arg(args, i));
            if (v == null || v < 0 || v > Integer.MAX_VALUE) {
                return null;
            }
            parts[i] = v;
        }
        if (parts[6] >= CosmosDateTime.TICKS_PER_SECOND) {
            return null;
        }
        try {
            LocalDateTime t = LocalDateTime.of((int) parts[0], (int) parts[1], (int) parts[2], (int) parts[3],
                    (int) parts[4], (int) parts[5]);
            return print(CosmosDateTime.of(t, parts[6]));
        } catch (DateTimeException e) {
            return null;
        }
    }
}
