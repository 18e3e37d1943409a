package io.cosmolite.engine.query.functions;

import static io.cosmolite.engine.query.functions.TestExpressions.eval;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import io.cosmolite.engine.query.value.Values;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class StringFunctionsTest {

    static List<SampleCases.Case> samples() {
        return SampleCases.using(StringFunctions.all(), SampleCases.ownFunctions());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void conformanceCase(SampleCases.Case c) {
        SampleCases.check(c);
    }

    @Test
    void everyStringSampleIsSelected() {
        assertThat(samples()).extracting(SampleCases.Case::id).contains(
                "ms-samples/concat", "ms-samples/contains", "ms-samples/endswith", "ms-samples/index-of",
                "ms-samples/left", "ms-samples/length", "ms-samples/lower", "ms-samples/ltrim",
                "ms-samples/regexmatch", "ms-samples/replace", "ms-samples/replicate", "ms-samples/reverse",
                "ms-samples/right", "ms-samples/rtrim", "ms-samples/startswith", "ms-samples/stringequals",
                "ms-samples/stringtoarray", "ms-samples/stringtoboolean", "ms-samples/stringtonull",
                "ms-samples/stringtonumber", "ms-samples/stringtoobject", "ms-samples/substring",
                "ms-samples/tostring", "ms-samples/trim", "ms-samples/upper");
    }

    @ParameterizedTest(name = "{0} => {1}")
    @CsvSource(delimiterString = "=>", quoteCharacter = '`', textBlock = """
            CONCAT("adventure", "works")                      => "adventureworks"
            CONCAT("a", "b", "c", "d")                        => "abcd"
            CONCAT("a", 1)                                    => undefined
            CONCAT("a", undefined)                            => undefined
            CONTAINS("AdventureWorks", "works", true)         => true
            CONTAINS("AdventureWorks", "adventure", false)    => false
            CONTAINS("AdventureWorks", "Works", "yes")        => undefined
            CONTAINS("AdventureWorks", "Works", undefined)    => undefined
            CONTAINS("AdventureWorks", 1)                     => undefined
            CONTAINS(1, "1")                                  => undefined
            CONTAINS("abc", "")                               => true
            ENDSWITH("AdventureWorks", "works", true)         => true
            ENDSWITH("AdventureWorks", "works")               => false
            STARTSWITH("AdventureWorks", "adventure", true)   => true
            STARTSWITH("AdventureWorks", null)                => undefined
            StringEquals("AdventureWorks", "adventureworks", true) => true
            StringEquals("AdventureWorks", "adventureworks")  => false
            StringEquals("a", 1)                              => undefined
            INDEX_OF("AdventureWorks", "Works", 5)            => 9
            INDEX_OF("AdventureWorks", "Adventure", 5)        => -1
            INDEX_OF("AdventureWorks", "aD")                  => -1
            INDEX_OF("AdventureWorks", "W", 100)              => -1
            INDEX_OF("AdventureWorks", "W", "1")              => undefined
            INDEX_OF("AdventureWorks", "W", 1.5)              => undefined
            INDEX_OF("AdventureWorks", "A", -1)               => -1
            INDEX_OF("AdventureWorks", 1)                     => undefined
            LASTINDEXOF("abcdeabc", "abc")                    => 5
            LASTINDEXOF("abcdeabc", "abc", 6)                 => 0
            LASTINDEXOF("abcdeabc", "abc", 7)                 => 5
            LASTINDEXOF("abcdeabc", "fg")                     => -1
            LASTINDEXOF("abcdeabc", "abc", 1)                 => -1
            LASTINDEXOF("abcdeabc", 1)                        => undefined
            LEFT("AdventureWorks", 0)                         => ""
            LEFT("AdventureWorks", 5)                         => "Adven"
            LEFT("AdventureWorks", 100)                       => "AdventureWorks"
            LEFT("AdventureWorks", -1)                        => ""
            LEFT("AdventureWorks", 1.5)                       => undefined
            LEFT("", 1.5)                                     => ""
            LEFT("AdventureWorks", "1")                       => undefined
            LEFT(1, 1)                                        => undefined
            RIGHT("AdventureWorks", 5)                        => "Works"
            RIGHT("AdventureWorks", 100)                      => "AdventureWorks"
            RIGHT("AdventureWorks", -1)                       => ""
            RIGHT("AdventureWorks", 0)                        => ""
            RIGHT("AdventureWorks", 1.5)                      => undefined
            LENGTH("AdventureWorks")                          => 14
            LENGTH("")                                        => 0
            LENGTH(null)                                      => undefined
            LENGTH(0)                                         => undefined
            LENGTH(["Adventure", "Works"])                    => undefined
            LOWER("ADVENTURE_WORKS")                          => "adventure_works"
            LOWER(1)                                          => undefined
            UPPER("adventureWorks")                           => "ADVENTUREWORKS"
            UPPER("stra\\u00dfe")                              => "STRA\u00dfE"
            LOWER("\\u00c9COLE")                               => "\u00e9cole"
            StringEquals("stra\\u00dfe", "STRASSE", true)       => false
            CONTAINS("\\u00c9cole", "\\u00e9COLE", true)          => true
            LTRIM("  AdventureWorks  ")                       => "AdventureWorks  "
            LTRIM("AdventureWorks", "Adventure")              => "Works"
            LTRIM("AdventureWorks", "")                       => "AdventureWorks"
            LTRIM("AdventureWorks", 1)                        => undefined
            RTRIM("  AdventureWorks  ")                       => "  AdventureWorks"
            RTRIM("AdventureWorks", "Works")                  => "Adventure"
            RTRIM("AdventureWorks", "AdventureWorks")         => ""
            TRIM("\\t\\n AdventureWorks \\r\\n")              => "AdventureWorks"
            TRIM("\\u00a0AdventureWorks\\u2003")                => "AdventureWorks"
            TRIM("-_-AdventureWorks-_-", "-_")                => "AdventureWorks"
            TRIM("-- AdventureWorks --", "-")                 => " AdventureWorks "
            TRIM(null)                                        => undefined
            REPLACE("AdventureWorksLT", "LT", "LT2")          => "AdventureWorksLT2"
            REPLACE("aaa", "a", "b")                          => "bbb"
            REPLACE("abc", "", "x")                           => undefined
            REPLACE("abc", "a", 1)                            => undefined
            REPLICATE("Cosmic", 3)                            => "CosmicCosmicCosmic"
            REPLICATE("a", 0)                                 => ""
            REPLICATE("a", 2.7)                               => "aa"
            REPLICATE("a", -1)                                => undefined
            REPLICATE("a", 1 / 0)                             => undefined
            REPLICATE("a", 10000)                             => undefined_check_length
            REPLICATE("a", 10001)                             => undefined
            REPLICATE("ab", 5001)                             => undefined
            REPLICATE(1, 2)                                   => undefined
            REVERSE("AdventureWorks")                         => "skroWerutnevdA"
            REVERSE("")                                       => ""
            REVERSE(1)                                        => undefined
            SUBSTRING("AdventureWorks", 0, 9)                 => "Adventure"
            SUBSTRING("AdventureWorks", 9, 5)                 => "Works"
            SUBSTRING("AdventureWorks", 0, -1)                => ""
            SUBSTRING("AdventureWorks", 9, 100)               => "Works"
            SUBSTRING("AdventureWorks", 100, 1)               => ""
            SUBSTRING("AdventureWorks", -1, 3)                => ""
            SUBSTRING("AdventureWorks", 0.5, 3)               => undefined
            SUBSTRING("AdventureWorks", 0, 2.5)               => undefined
            SUBSTRING("", 0.5, 3)                             => ""
            SUBSTRING("AdventureWorks", "0", 1)               => undefined
            RegexMatch("abcd", "ABC")                         => false
            RegexMatch("abcd", "ABC", "i")                    => true
            RegexMatch("abcd", "ab.", "")                     => true
            RegexMatch("abcd", "ab c", "x")                   => true
            RegexMatch("abcd", "aB c", "ix")                  => true
            RegexMatch("a\\nb", "a.b")                        => false
            RegexMatch("a\\nb", "a.b", "s")                   => true
            RegexMatch("a\\nb", "^b$")                        => false
            RegexMatch("a\\nb", "^b$", "m")                   => true
            RegexMatch("abcd", "abc", "q")                    => undefined
            RegexMatch("abcd", "(")                           => undefined
            RegexMatch("abcd", 1)                             => undefined
            RegexMatch(1, "1")                                => undefined
            RegexMatch("abcd", "abc", 1)                      => undefined
            CONTAINS_ALL_CI("Have a nice day!", "have", "nice", "day!") => true
            CONTAINS_ALL_CI("Have a nice day!", "HAVE", "NICE", "DAY!") => true
            CONTAINS_ALL_CI("Have a nice day!", "had", "nice", "day!")  => false
            CONTAINS_ALL_CI("Have a nice day!", undefined, "nice", "day!") => undefined
            CONTAINS_ALL_CI("Have a nice day!", undefined, "had")       => false
            CONTAINS_ALL_CS("Have a nice day!", "have", "nice", "day!") => false
            CONTAINS_ALL_CS("Have a nice day!", "Have", "nice", "day!") => true
            CONTAINS_ALL_CS("Have a nice day!", "HAVE", "NICE", "DAY!") => false
            CONTAINS_ALL_CS("Have a nice day!", undefined, "nice", "day!") => undefined
            CONTAINS_ALL_CS("Have a nice day!", undefined, "had")       => false
            CONTAINS_ANY_CI("Have a nice day!", "HAVE", "NICE", "DAY!") => true
            CONTAINS_ANY_CI("Have a nice day!", undefined, "nice", "day!") => true
            CONTAINS_ANY_CI("Have a nice day!", undefined, "had")       => undefined
            CONTAINS_ANY_CS("Have a nice day!", "have", "nice", "day!") => true
            CONTAINS_ANY_CS("Have a nice day!", "HAVE", "NICE", "DAY!") => false
            CONTAINS_ANY_CS("Have a nice day!", "had", "nice", "day!")  => true
            CONTAINS_ANY_CS("Have a nice day!", undefined, "nice", "day!") => true
            CONTAINS_ANY_CS("Have a nice day!", undefined, "had")       => undefined
            CONTAINS_ANY_CS(1, "a")                                     => undefined
            StringJoin(["Iropa", "Mountain", "Bike"], " ")    => "Iropa Mountain Bike"
            StringJoin(["Iropa", "Mountain", "Bike"], "")     => "IropaMountainBike"
            StringJoin(["Iropa", "Mountain", "Bike"], undefined) => undefined
            StringJoin(["6", "7", "4", "3"], "A")             => "6A7A4A3"
            StringJoin(["Adventure", "LT"], "Works")          => "AdventureWorksLT"
            StringJoin([], ",")                               => ""
            StringJoin(["a", 1], ",")                         => undefined
            StringJoin("a", ",")                              => undefined
            StringSplit("Handlebar", "e")                     => ["Handl", "bar"]
            StringSplit("CARBON_STEEL_BIKE_WHEEL", "_")       => ["CARBON", "STEEL", "BIKE", "WHEEL"]
            StringSplit("Road Bike", " ")                     => ["Road", "Bike"]
            StringSplit("xenmoun mountain bike", "moun")      => ["xen", " ", "tain bike"]
            StringSplit("AluminumBikeFrame", undefined)       => undefined
            StringSplit("Helmet", "")                         => ["Helmet"]
            StringSplit("", "")                               => [""]
            StringSplit("a,,b,", ",")                         => ["a", "", "b", ""]
            StringToArray("[]")                               => []
            StringToArray('[ "coats", "gloves", "hats" ]')    => ["coats", "gloves", "hats"]
            StringToArray("[ 'coats', 'gloves', 'hats' ]")    => undefined
            StringToArray("[1] [2]")                          => undefined
            StringToArray("{}")                               => undefined
            StringToArray(undefined)                          => undefined
            StringToArray(null)                               => undefined
            StringToBoolean("true")                           => true
            StringToBoolean("  false  ")                      => false
            StringToBoolean("TRUE")                           => undefined
            StringToBoolean(true)                             => undefined
            StringToNull("  null  ")                          => null
            StringToNull("NULL")                              => undefined
            StringToNull(null)                                => undefined
            StringToNumber("100")                             => 100
            StringToNumber("3.14")                            => 3.14
            StringToNumber("   60   ")                        => 60
            StringToNumber("-1.79769e+308")                   => -1.79769e+308
            StringToNumber("Hello")                           => undefined
            StringToNumber("NaN")                             => undefined
            StringToNumber("1e400")                           => undefined
            StringToNumber("0x10")                            => undefined
            StringToNumber("1 2")                             => undefined
            StringToNumber(NaN)                               => undefined
            StringToNumber(Infinity)                          => undefined
            StringToObject("{}")                              => {}
            StringToObject('{"isAvailable": true}')           => {"isAvailable": true}
            StringToObject("{'price': 27.55}")                => undefined
            StringToObject("[]")                              => undefined
            ToString(125)                                     => "125"
            ToString(0.1234)                                  => "0.1234"
            ToString(false)                                   => "false"
            ToString(null)                                    => "null"
            ToString([ 1, 2, 3 ])                             => "[1,2,3]"
            ToString({ "department": "Bicycles" })            => "{\\"department\\":\\"Bicycles\\"}"
            ToString({ "a": [1.5, "x\\"y", null, {"b": true}] }) => "{\\"a\\":[1.5,\\"x\\\\\\"y\\",null,{\\"b\\":true}]}"
            ToString("Hello World")                           => "Hello World"
            ToString(undefined)                               => undefined
            ToString(NaN)                                     => "NaN"
            ToString(Infinity)                                => "Infinity"
            ToString(-Infinity)                               => "-Infinity"
            ToString(-0.0)                                    => "0"
            ToString(1e21)                                    => "1e+021"
            ToString(1e20)                                    => "1e+020"
            ToString(999999999999999)                         => "999999999999999"
            ToString(1e15)                                    => "1e+015"
            ToString(123456.789)                              => "123456.789"
            ToString(0.0001)                                  => "0.0001"
            ToString(0.00001)                                 => "1e-005"
            ToString(2049537175849502700)                     => "2.0495371758495027e+018"
            ToString(123456789012345680000)                   => "1.2345678901234568e+020"
            ToString(0.000001)                                => "1e-006"
            ToString(-0.0000001)                              => "-1e-007"
            ToString(1.5e-10)                                 => "1.5e-010"
            ToString(-2.5e300)                                => "-2.5e+300"
            ToString(0.1 + 0.2)                               => "0.30000000000000004"
            ToString(2e23)                                    => "2e+023"
            ToString(9007199254740993)                        => "9007199254740992"
            ToString(-123.5)                                  => "-123.5"
            ToString(1152921504606846976)                     => "1.152921504606847e+018"
            ToString(5e-324)                                  => "4.94065645841247e-324"
            ToString(1.7976931348623157e308)                  => "1.7976931348623157e+308"
            """)
    void evaluates(String expression, String expected) {
        if (expected.equals("undefined_check_length")) {
            assertThat(eval(expression).textValue()).hasSize(StringFunctions.MAX_REPLICATE_LENGTH);
            return;
        }
        TestExpressions.check(expression, expected);
    }

    @Test
    void lengthsAndPositionsCountUtf16CodeUnits() {
        assertThat(eval("LENGTH(\"h\\u00e9llo\")").intValue()).isEqualTo(5);
        assertThat(TestExpressions.call("LENGTH", Values.string("a\uD83D\uDE00b")).intValue()).isEqualTo(4);
        assertThat(TestExpressions.call("REVERSE", Values.string("a\uD83D\uDE00b")).textValue()).isEqualTo("b\uD83D\uDE00a");
    }

    @Test
    void regexPatternsAreCompiledOncePerPatternAndModifiers() {
        JsonNode[] args = {Values.string("salt3824908"), Values.string("salt{1}\\d+$"), Values.string("i")};
        BuiltinFunction regexMatch = Functions.lookup("RegexMatch");
        int before = RegexCache.size();
        for (int i = 0; i < 1000; i++) {
            assertThat(regexMatch.body().apply(args, TestExpressions.CONTEXT)).isEqualTo(Values.TRUE);
        }
        assertThat(RegexCache.size()).isLessThanOrEqualTo(before + 1);
        for (int i = 0; i < 300; i++) {
            RegexCache.pattern("p" + i, "");
        }
        assertThat(RegexCache.size()).isLessThanOrEqualTo(256);
    }

    @Test
    void numberTextIsTheBackendsPrintfGeneralFormat() {
        assertThat(ValueText.number(0.1234)).isEqualTo("0.1234");
        assertThat(ValueText.number(125)).isEqualTo("125");
        assertThat(ValueText.number(-1.5)).isEqualTo("-1.5");
        assertThat(ValueText.number(123.456e5)).isEqualTo("12345600");
        assertThat(ValueText.number(1.25e-7)).isEqualTo("1.25e-007");
        assertThat(ValueText.number(9.999999999999999e14)).isEqualTo("999999999999999.88");
        assertThat(ValueText.number(0.30000000000000004)).isEqualTo("0.30000000000000004");
        assertThat(ValueText.number(Double.MIN_NORMAL)).isEqualTo("2.2250738585072014e-308");
        for (double d : new double[] {Math.PI, 1 / 3.0, 2 / 3.0, 1e22, 4.35, 0.1 * 3, 100.0 / 7, 1e-300 * 7}) {
            assertThat(Double.parseDouble(ValueText.number(d))).isEqualTo(d);
        }
        assertThat(TestExpressions.call("ToString", DoubleNode.valueOf(Double.NaN)).textValue()).isEqualTo("NaN");
    }

    @Test
    void familyIsString() {
        assertThat(StringFunctions.all()).allSatisfy(f ->
                assertThat(f.family()).isEqualTo(BuiltinFunction.Family.STRING));
        assertThat(SampleCases.names(StringFunctions.all())).contains(
                "CONCAT", "CONTAINS", "CONTAINS_ALL_CI", "CONTAINS_ALL_CS", "CONTAINS_ANY_CI", "CONTAINS_ANY_CS",
                "ENDSWITH", "INDEX_OF", "LASTINDEXOF", "LEFT", "LENGTH", "LOWER", "LTRIM", "REGEXMATCH", "REPLACE",
                "REPLICATE", "REVERSE", "RIGHT", "RTRIM", "STARTSWITH", "STRINGEQUALS", "STRINGJOIN", "STRINGSPLIT",
                "STRINGTOARRAY", "STRINGTOBOOLEAN", "STRINGTONULL", "STRINGTONUMBER", "STRINGTOOBJECT", "SUBSTRING",
                "TOSTRING", "TRIM", "UPPER");
    }

    /** ms-samples/concat-fields and ms-samples/regexmatch-field, over their documents. */
    @Test
    void fieldSamples() {
        JsonNode concat = SampleCases.byId("ms-samples/concat-fields");
        assertThat(SampleCases.overCategory(concat, "heavy-coats", "CONCAT(p.slug, \"-\", p.category, \"-\", p.model)"))
                .containsExactlyInAnyOrderElementsOf(concat.get("expected").findValues("sku"));
        JsonNode regex = SampleCases.byId("ms-samples/regexmatch-field");
        List<JsonNode> names = regex.get("documents").findParents("category").stream()
                .filter(d -> d.get("category").textValue().equals("winter-coats"))
                .filter(d -> Values.isTrue(TestExpressions.eval("RegexMatch(p.name, \" coat{1}\")", java.util.Map.of("p", d))))
                .map(d -> d.get("name"))
                .toList();
        assertThat(names).containsExactlyInAnyOrderElementsOf(regex.get("expected"));
    }
}
