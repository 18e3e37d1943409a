package io.cosmolite.engine.query.functions;

import static io.cosmolite.engine.query.functions.FunctionCalls.call;
import static io.cosmolite.engine.query.functions.FunctionCalls.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.LongNode;

import java.util.List;
import org.junit.jupiter.api.Test;

class DateTimeFunctionsTest extends FamilyConformance {
    private static String q(String s) {
        return "\"" + s + "\"";
    }

    private static void assertText(JsonNode actual, String expected) {
        assertThat(actual).isNotNull();
        assertThat(actual.textValue()).isEqualTo(expected);
    }

    private static void assertNumber(JsonNode actual, double expected) {
        assertThat(actual).isNotNull();
        assertThat(actual.isNumber()).isTrue();
        assertThat(actual.doubleValue()).isEqualTo(expected);
    }

    @Test
    void isDateTimeFollowsTheDateRules() {
        assertThat(call("IS_DATETIME", q("2024-02-29T08:30:00.1234567Z")).booleanValue()).isTrue();
        assertThat(call("IS_DATETIME", q("2024-02-30T08:30:00Z")).booleanValue()).isFalse();
        assertThat(call("IS_DATETIME", q("yesterday")).booleanValue()).isFalse();
        assertThat(call("IS_DATETIME", "1706745600").booleanValue()).isFalse();
        assertThat(call("IS_DATETIME", "undefined").booleanValue()).isFalse();
    }

    @Test
    void dateTimeAddConformanceCase() {
        String d = q("2020-07-03T00:00:00.0000000");
        assertText(call("DateTimeAdd", q("yyyy"), "1", d), "2021-07-03T00:00:00.0000000Z");
        assertText(call("DateTimeAdd", q("mm"), "1", d), "2020-08-03T00:00:00.0000000Z");
        assertText(call("DateTimeAdd", q("dd"), "1", d), "2020-07-04T00:00:00.0000000Z");
        assertText(call("DateTimeAdd", q("hh"), "1", d), "2020-07-03T01:00:00.0000000Z");
        assertText(call("DateTimeAdd", q("yyyy"), "-1", d), "2019-07-03T00:00:00.0000000Z");
        assertText(call("DateTimeAdd", q("mm"), "-1", d), "2020-06-03T00:00:00.0000000Z");
        assertText(call("DateTimeAdd", q("dd"), "-1", d), "2020-07-02T00:00:00.0000000Z");
        assertText(call("DateTimeAdd", q("hh"), "-1", d), "2020-07-02T23:00:00.0000000Z");
        assertText(call("DateTimeAdd", q("ss"), "-25", d), "2020-07-02T23:59:35.0000000Z");
    }

    @Test
    void dateTimeAddEdges() {
        assertText(call("DateTimeAdd", q("month"), "1", q("2021-01-31T10:00:00Z")), "2021-02-28T10:00:00.0000000Z");
        assertText(call("DateTimeAdd", q("yy"), "1", q("2020-02-29")), "2021-02-28T00:00:00.0000000Z");
        assertText(call("DateTimeAdd", q("ms"), "1", q("2020-01-01T00:00:00.9999Z")), "2020-01-01T00:00:01.0009000Z");
        assertText(call("DateTimeAdd", q("mcs"), "3", q("2020-01-01T00:00:00Z")), "2020-01-01T00:00:00.0000030Z");
        assertText(call("DateTimeAdd", q("ns"), "250", q("2020-01-01T00:00:00Z")), "2020-01-01T00:00:00.0000002Z");
        assertText(call("DateTimeAdd", q("MI"), "90", q("2020-01-01 00:00:00")), "2020-01-01T01:30:00.0000000Z");
        assertThat(call("DateTimeAdd", q("week"), "1", q("2020-01-01"))).isNull();
        assertThat(call("DateTimeAdd", q("dd"), "1.5", q("2020-01-01"))).isNull();
        assertThat(call("DateTimeAdd", q("dd"), "\"1\"", q("2020-01-01"))).isNull();
        assertThat(call("DateTimeAdd", q("dd"), "1", q("2020-13-01"))).isNull();
        assertThat(call("DateTimeAdd", q("dd"), "1", "undefined")).isNull();
        assertThat(call("DateTimeAdd", q("yyyy"), "1", q("9999-06-01"))).isNull();
        assertThat(call("DateTimeAdd", q("dd"), "-1", q("0001-01-01"))).isNull();
    }

    @Test
    void dateTimeBinConformanceCase() {
        String d = q("2021-01-08T18:35:00.0000000");
        assertText(call("DateTimeBin", d, q("dd")), "2021-01-08T00:00:00.0000000Z");
        assertText(call("DateTimeBin", d, q("hh")), "2021-01-08T18:00:00.0000000Z");
        assertText(call("DateTimeBin", d, q("ss")), "2021-01-08T18:35:00.0000000Z");
        assertText(call("DateTimeBin", d, q("hh"), "5"), "2021-01-08T15:00:00.0000000Z");
        assertText(call("DateTimeBin", d, q("dd"), "7"), "2021-01-07T00:00:00.0000000Z");
        assertText(call("DateTimeBin", d, q("dd"), "7", q("1601-01-01T00:00:00.0000000")), "2021-01-04T00:00:00.0000000Z");
    }

    @Test
    void dateTimeBinEdges() {
        assertText(call("DateTimeBin", q("1969-12-31T23:59:59.5Z"), q("ss")), "1969-12-31T23:59:59.0000000Z");
        assertText(call("DateTimeBin", q("2021-01-08T18:35:00.1234567Z"), q("ns"), "1000"), "2021-01-08T18:35:00.1234560Z");
        assertText(call("DateTimeBin", q("2021-01-08T18:35:00.1234567Z"), q("ms"), "250"), "2021-01-08T18:35:00.0000000Z");
        assertThat(call("DateTimeBin", q("2021-01-08"), q("yyyy"))).isNull();
        assertThat(call("DateTimeBin", q("2021-01-08"), q("mm"))).isNull();
        assertThat(call("DateTimeBin", q("2021-01-08"), q("dd"), "0")).isNull();
        assertThat(call("DateTimeBin", q("2021-01-08"), q("dd"), "-1")).isNull();
        assertThat(call("DateTimeBin", q("2021-01-08"), q("dd"), "1.5")).isNull();
        assertThat(call("DateTimeBin", q("2021-01-08"), q("dd"), "1", q("1600-12-31"))).isNull();
        assertThat(call("DateTimeBin", q("nonsense"), q("dd"))).isNull();
    }

    @Test
    void dateTimeDiffConformanceCase() {
        String late = q("2019-02-04T16:00:00.0000000");
        String early = q("2018-03-05T05:00:00.0000000");
        assertNumber(call("DateTimeDiff", q("yyyy"), late, early), -1);
        assertNumber(call("DateTimeDiff", q("mm"), late, early), -11);
        assertNumber(call("DateTimeDiff", q("dd"), late, early), -336);
        assertNumber(call("DateTimeDiff", q("hh"), late, early), -8075);
        assertNumber(call("DateTimeDiff", q("ss"), late, early), -29070000);
        assertNumber(call("DateTimeDiff", q("yyyy"), early, late), 1);
        assertNumber(call("DateTimeDiff", q("mm"), early, late), 11);
        assertNumber(call("DateTimeDiff", q("dd"), early, late), 336);
        assertNumber(call("DateTimeDiff", q("hh"), early, late), 8075);
        assertNumber(call("DateTimeDiff", q("ss"), early, late), 29070000);
    }

    @Test
    void dateTimeDiffCountsBoundaries() {
        assertNumber(call("DateTimeDiff", q("dd"), q("2020-01-01T23:59:59Z"), q("2020-01-02T00:00:01Z")), 1);
        assertNumber(call("DateTimeDiff", q("yyyy"), q("2020-12-31T23:59:59Z"), q("2021-01-01")), 1);
        assertNumber(call("DateTimeDiff", q("ms"), q("2020-01-01T00:00:00.0009Z"), q("2020-01-01T00:00:00.0011Z")), 1);
        assertNumber(call("DateTimeDiff", q("ns"), q("2020-01-01T00:00:00Z"), q("2020-01-01T00:00:00.0000003Z")), 300);
        assertThat(call("DateTimeDiff", q("xx"), q("2020-01-01"), q("2020-01-02"))).isNull();
        assertThat(call("DateTimeDiff", q("dd"), "5", q("2020-01-02"))).isNull();
    }

    @Test
    void dateTimeFromPartsConformanceCase() {
        assertText(call("DateTimeFromParts", "2017", "4", "20"), "2017-04-20T00:00:00.0000000Z");
        assertText(call("DateTimeFromParts", "2017", "4", "20", "0", "0", "0", "0"), "2017-04-20T00:00:00.0000000Z");
        assertText(call("DateTimeFromParts", "2017", "4", "20", "13", "15", "20", "3456789"), "2017-04-20T13:15:20.3456789Z");
        assertText(call("DateTimeFromParts", "2017", "4", "20", "13", "15"), "2017-04-20T13:15:00.0000000Z");
        assertThat(call("DateTimeFromParts", "-2000", "-1", "-1")).isNull();
    }

    @Test
    void dateTimeFromPartsRejectsInvalidDates() {
        assertThat(call("DateTimeFromParts", "2017", "2", "30")).isNull();
        assertThat(call("DateTimeFromParts", "2017", "4", "20", "24")).isNull();
        assertThat(call("DateTimeFromParts", "2017", "4", "20", "0", "0", "0", "10000000")).isNull();
        assertThat(call("DateTimeFromParts", "0", "1", "1")).isNull();
        assertThat(call("DateTimeFromParts", "2017.5", "4", "20")).isNull();
        assertThat(call("DateTimeFromParts", "2017", "\"4\"", "20")).isNull();
    }

    @Test
    void dateTimePartConformanceCase() {
        String d = q("2016-05-29T08:30:00.1301617");
        assertNumber(call("DateTimePart", q("yyyy"), d), 2016);
        assertNumber(call("DateTimePart", q("mm"), d), 5);
        assertNumber(call("DateTimePart", q("dd"), d), 29);
        assertNumber(call("DateTimePart", q("hh"), d), 8);
        assertNumber(call("DateTimePart", q("mi"), d), 30);
        assertNumber(call("DateTimePart", q("ss"), d), 0);
        assertNumber(call("DateTimePart", q("ms"), d), 130);
        assertNumber(call("DateTimePart", q("mcs"), d), 130161);
        assertNumber(call("DateTimePart", q("ns"), d), 130161700);
    }

    @Test
    void yearMonthDayAcceptDocumentedFormats() {
        assertNumber(call("DAY", q("2024-01-10")), 10);
        assertNumber(call("DAY", q("2000-12-12T10:00:00")), 12);
        assertNumber(call("DAY", q("1989-03-03T12:12:12.1234567Z")), 3);
        assertNumber(call("MONTH", q("1989-03-03Z")), 3);
        assertNumber(call("YEAR", q("2023-03-06 15:29:59.9")), 2023);
        assertThat(call("YEAR", q("2023-3-06"))).isNull();
        assertThat(call("YEAR", q("2023-03-06T15:29"))).isNull();
        assertThat(call("YEAR", q("2023-03-06T15:29:59."))).isNull();
        assertThat(call("YEAR", q("2023-03-06T15:29:59.12345678"))).isNull();
        assertThat(call("YEAR", q("2023-03-06X15:29:59"))).isNull();
        assertThat(call("YEAR", q("2023-03-06T15:29:59+01:00"))).isNull();
        assertThat(call("YEAR", "20230306")).isNull();
    }

    @Test
    void ticksAndTimestampsConformanceCases() {
        assertNumber(call("DateTimeToTicks", q("2015-05-19T12:00:00.0000000")), 14320368000000000d);
        assertNumber(call("DateTimeToTimestamp", q("2015-05-19T12:00:00.0000000")), 1432036800000d);
        assertText(call("TicksToDateTime", "15973607943002652"), "2020-08-13T23:19:54.3002652Z");
        assertText(call("TicksToDateTime", "0"), "1970-01-01T00:00:00.0000000Z");
        assertText(call("TicksToDateTime", "-116444736000000000"), "1601-01-01T00:00:00.0000000Z");
        assertText(call("TimestampToDateTime", "1597360794300"), "2020-08-13T23:19:54.3000000Z");
        assertText(call("TimestampToDateTime", "0"), "1970-01-01T00:00:00.0000000Z");
        assertText(call("TimestampToDateTime", "-11644473600000"), "1601-01-01T00:00:00.0000000Z");
    }

    @Test
    void ticksAcceptLargeDoublesAndRejectOthers() {
        // A parser may hand large integer literals over as doubles or longs.
        assertText(FunctionCalls.callNodes("TicksToDateTime", DoubleNode.valueOf(15973607943002652d)),
                "2020-08-13T23:19:54.3002652Z");
        assertText(FunctionCalls.callNodes("TicksToDateTime", LongNode.valueOf(-116444736000000000L)),
                "1601-01-01T00:00:00.0000000Z");
        assertThat(call("TicksToDateTime", "1.5")).isNull();
        assertThat(call("TicksToDateTime", "\"0\"")).isNull();
        assertThat(call("TicksToDateTime", "9e18")).isNull();
        assertThat(call("TimestampToDateTime", "1e300")).isNull();
        assertThat(call("DateTimeToTicks", "42")).isNull();
        assertNumber(call("DateTimeToTimestamp", q("1969-12-31T23:59:59.9999999Z")), -1);
    }

    @Test
    void currentTimeFunctionsUseTheQueryStartTime() {
        assertText(call("GetCurrentDateTime"), "2024-10-14T14:20:30.6668888Z");
        assertText(call("GetCurrentDateTimeStatic"), "2024-10-14T14:20:30.6668888Z");
        assertNumber(call("GetCurrentTicks"), 17289156306668888d);
        assertNumber(call("GetCurrentTicksStatic"), 17289156306668888d);
        assertNumber(call("GetCurrentTimestamp"), 1728915630666d);
        assertNumber(call("GetCurrentTimestampStatic"), 1728915630666d);
    }

    @Test
    void nowAndAgoMatchDocumentedExamples() {
        assertText(call("NOW"), "2024-10-14T14:20:30.6668888Z");
        assertText(call("NOW", q("yyyy"), "1"), "2025-10-14T14:20:30.6668888Z");
        assertText(call("NOW", q("yyyy"), "-1"), "2023-10-14T14:20:30.6668888Z");
        assertText(call("NOW", q("ss"), "30"), "2024-10-14T14:21:00.6668888Z");
        assertText(call("NOW", q("ms"), "4"), "2024-10-14T14:20:30.6708888Z");
        assertText(call("AGO", q("yyyy"), "1"), "2023-10-14T14:20:30.6668888Z");
        assertText(call("AGO", q("yyyy"), "-1"), "2025-10-14T14:20:30.6668888Z");
        assertText(call("AGO", q("ss"), "30"), "2024-10-14T14:20:00.6668888Z");
        assertText(call("AGO", q("ms"), "4"), "2024-10-14T14:20:30.6628888Z");
        assertThat(call("NOW", q("ss"))).isNull();
        assertThat(call("AGO", q("weeks"), "1")).isNull();
        assertThat(call("AGO", q("ss"), "1.5")).isNull();
    }

    @Test
    void dateTimeFormatMatchesDocumentedExamples() {
        String d = q("2024-10-10 14:40:20");
        assertText(call("DateTimeFormat", d, q("yyyyMMdd")), "20241010");
        assertText(call("DateTimeFormat", d, q("yyyy-MM-dd [HH:mm:ss]")), "2024-10-10 [14:40:20]");
        assertText(call("DateTimeFormat", d, json("\"To\\\\da\\\\y i\\\\s: yyyy-MM-ddTHH:mm:ss.fff\"").toString()),
                "Today is: 2024-10-10T14:40:20.000");
        assertText(call("DateTimeFormat", d, json("\"To\\\\da\\\\y i\\\\s: yyyy-MM-ddTHH:mm:ss.FFF\"").toString()),
                "Today is: 2024-10-10T14:40:20.");
    }

    @Test
    void dateTimeFormatOtherSpecifiers() {
        String d = q("2024-03-05T07:08:09.1234567Z");
        assertText(call("DateTimeFormat", d, q("d/M/yy h:m:s tt")), "5/3/24 7:8:9 AM");
        assertText(call("DateTimeFormat", d, q("dddd, MMMM dd yyyy")), "Tuesday, March 05 2024");
        assertText(call("DateTimeFormat", d, q("ddd MMM 'yyyy' fffffff FFFF")), "Tue Mar yyyy 1234567 1234");
        assertText(call("DateTimeFormat", d, q("%d")), "5");
        assertText(call("DateTimeFormat", d, q("d")), "03/05/2024");
        assertText(call("DateTimeFormat", d, q("o")), "2024-03-05T07:08:09.1234567Z");
        assertText(call("DateTimeFormat", d, q("s")), "2024-03-05T07:08:09");
        assertText(call("DateTimeFormat", d, q("u")), "2024-03-05 07:08:09Z");
        assertText(call("DateTimeFormat", d, q("R")), "Tue, 05 Mar 2024 07:08:09 GMT");
        assertThat(call("DateTimeFormat", d, q("x"))).isNull();
        assertThat(call("DateTimeFormat", d, q("'unclosed"))).isNull();
        assertThat(call("DateTimeFormat", d, "5")).isNull();
        assertThat(call("DateTimeFormat", q("bad"), q("yyyy"))).isNull();
    }

    @Test
    void wrongTypesAreUndefined() {
        assertThat(call("DateTimePart", "1", q("2020-01-01"))).isNull();
        assertThat(call("DateTimePart", q("dd"), "null")).isNull();
        assertThat(call("DateTimePart", q("dd"), "undefined")).isNull();
        assertThat(call("DateTimeToTicks", "undefined")).isNull();
        assertThat(call("DAY", "[]")).isNull();
    }

    @Override
    List<BuiltinFunction> family() {
        return DateTimeFunctions.all();
    }

    @Override
    List<String> requiredCases() {
        return List.of("ms-samples/datetimeadd", "ms-samples/datetimebin", "ms-samples/datetimediff",
                "ms-samples/datetimefromparts", "ms-samples/datetimepart", "ms-samples/datetimetoticks",
                "ms-samples/datetimetotimestamp", "ms-samples/tickstodatetime", "ms-samples/timestamptodatetime");
    }
}
