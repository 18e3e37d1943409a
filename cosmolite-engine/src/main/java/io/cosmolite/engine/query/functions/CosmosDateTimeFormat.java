package io.cosmolite.engine.query.functions;

import java.time.LocalDateTime;

/**
 * DateTimeFormat's format strings: the .NET custom date and time specifiers with the invariant
 * culture ({@code yyyy}, {@code MM}, {@code dd}, {@code HH}, {@code hh}, {@code mm}, {@code ss},
 * {@code f}..{@code fffffff}, {@code F}..{@code FFFFFFF}, {@code tt}, {@code MMM}, {@code dddd},
 * {@code K}, {@code z}...), quoted literals, {@code \} escapes and {@code %} prefixes; any other
 * character is copied. Unlike .NET, a dot before an empty {@code F} fraction is kept, as Cosmos
 * DB's documented example shows ({@code "ss.FFF"} prints {@code "20."}). A format of one
 * character is a .NET standard format ({@code "d"}, {@code "o"}, {@code "s"}, {@code "u"}...)
 * with the invariant culture's patterns; an unknown one yields undefined.
 */
final class CosmosDateTimeFormat {
    private static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July",
        "August", "September", "October", "November", "December"};
    private static final String[] DAYS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
        "Sunday"};

    private CosmosDateTimeFormat() {}

    /** The date and time printed with the format, or null when the format is malformed. */
    static String format(CosmosDateTime dt, String format) {
        if (format.length() == 1) {
            String pattern = standard(format.charAt(0));
            return pattern == null ? null : custom(dt, pattern);
        }
        return custom(dt, format);
    }

    /** The invariant culture's pattern for a .NET standard format character, or null. */
    private static String standard(char c) {
        return switch (c) {
            case 'd' -> "MM/dd/yyyy";
            case 'D' -> "dddd, dd MMMM yyyy";
            case 'f' -> "dddd, dd MMMM yyyy HH:mm";
            case 'F', 'U' -> "dddd, dd MMMM yyyy HH:mm:ss";
            case 'g' -> "MM/dd/yyyy HH:mm";
            case 'G' -> "MM/dd/yyyy HH:mm:ss";
            case 'm', 'M' -> "MMMM dd";
            case 'o', 'O' -> "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffffffK";
            case 'r', 'R' -> "ddd, dd MMM yyyy HH':'mm':'ss 'GMT'";
            case 's' -> "yyyy'-'MM'-'dd'T'HH':'mm':'ss";
            case 't' -> "HH:mm";
            case 'T' -> "HH:mm:ss";
            case 'u' -> "yyyy'-'MM'-'dd HH':'mm':'ss'Z'";
            case 'y', 'Y' -> "yyyy MMMM";
            default -> null;
        };
    }

    private static String custom(CosmosDateTime dt, String format) {
        LocalDateTime t = dt.local();
        long fraction = dt.fractionTicks();
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < format.length()) {
            char ch = format.charAt(i);
            int run = runLength(format, i);
            switch (ch) {
                case 'y' -> {
                    int year = t.getYear();
                    out.append(run <= 2 ? pad(year % 100, run) : pad(year, run));
                }
                case 'M' -> out.append(run >= 4 ? MONTHS[t.getMonthValue() - 1]
                        : run == 3 ? MONTHS[t.getMonthValue() - 1].substring(0, 3) : pad(t.getMonthValue(), run));
                case 'd' -> {
                    String name = DAYS[t.getDayOfWeek().getValue() - 1];
                    out.append(run >= 4 ? name : run == 3 ? name.substring(0, 3) : pad(t.getDayOfMonth(), run));
                }
                case 'H' -> out.append(pad(t.getHour(), Math.min(run, 2)));
                case 'h' -> out.append(pad((t.getHour() + 11) % 12 + 1, Math.min(run, 2)));
                case 'm' -> out.append(pad(t.getMinute(), Math.min(run, 2)));
                case 's' -> out.append(pad(t.getSecond(), Math.min(run, 2)));
                case 't' -> out.append((t.getHour() < 12 ? "AM" : "PM"), 0, run == 1 ? 1 : 2);
                case 'f', 'F' -> {
                    if (run > 7) {
                        return null;
                    }
                    String digits = pad(fraction, 7).substring(0, run);
                    if (ch == 'F') {
                        digits = digits.replaceAll("0+$", "");
                    }
                    out.append(digits);
                }
                case 'g' -> out.append("A.D.");
                case 'K' -> out.append('Z');
                case 'z' -> out.append(run == 1 ? "+0" : run == 2 ? "+00" : "+00:00");
                case '\'', '"' -> {
                    int end = format.indexOf(ch, i + 1);
                    if (end < 0) {
                        return null;
                    }
                    out.append(format, i + 1, end);
                    run = end - i + 1;
                }
                case '\\' -> {
                    if (i + 1 >= format.length()) {
                        return null;
                    }
                    out.append(format.charAt(i + 1));
                    run = 2;
                }
                case '%' -> run = 1;
                default -> {
                    out.append(ch);
                    run = 1;
                }
            }
            i += run;
        }
        return out.toString();
    }

    private static int runLength(String s, int i) {
        char ch = s.charAt(i);
        int j = i;
        while (j < s.length() && s.charAt(j) == ch) {
            j++;
        }
        return j - i;
    }

    private static String pad(long value, int width) {
        String s = Long.toString(value);
        return s.length() >= width ? s : "0".repeat(width - s.length()) + s;
    }
}
