package io.cosmolite.engine.query.functions;

import static io.cosmolite.engine.query.functions.ArgReaders.arg;
import static io.cosmolite.engine.query.functions.ArgReaders.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.cosmolite.engine.json.Json;
import io.cosmolite.engine.query.functions.BuiltinFunction.Body;
import io.cosmolite.engine.query.functions.BuiltinFunction.Family;
import io.cosmolite.engine.query.value.Values;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The full-text functions, evaluated one item at a time: FullTextContains, FullTextContainsAll,
 * FullTextContainsAny, FullTextScore and RRF.
 *
 * <p>Differences from Cosmos DB, which answers these from a full-text index: text is split into
 * lower-case runs of letters and digits, with no stemming and no stop words; a search string of
 * several words matches when all its words occur in the text. FullTextScore is a per-document BM25
 * term-frequency score (k1 = 1.2, b = 0.75, the document's own length standing in for the average
 * and no inverse document frequency, since no corpus statistics exist per item). RRF cannot fuse
 * ranks per item: its value is the array of its component scores (a trailing weights array
 * excluded), which an executor ranks and fuses as Σ 1/(60 + rank).
 */
final class FullTextFunctions {
    private static final double K1 = 1.2;

    private FullTextFunctions() {}

    static List<BuiltinFunction> all() {
        return List.of(
                fn("FullTextContains", 2, 2, (a, c) -> contains(a, true)),
                fn("FullTextContainsAll", 2, Integer.MAX_VALUE, (a, c) -> contains(a, true)),
                fn("FullTextContainsAny", 2, Integer.MAX_VALUE, (a, c) -> contains(a, false)),
                fn("FullTextScore", 2, Integer.MAX_VALUE, FullTextFunctions::score),
                fn("RRF", 1, Integer.MAX_VALUE, FullTextFunctions::rrf));
    }

    private static BuiltinFunction fn(String name, int min, int max, Body body) {
        return new BuiltinFunction(name, Family.FULL_TEXT, min, max, body);
    }

    /** Splits text into lower-case words: maximal runs of letters and digits. */
    static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            boolean word = i < text.length() && Character.isLetterOrDigit(text.charAt(i));
            if (word && start < 0) {
                start = i;
            } else if (!word && start >= 0) {
                out.add(text.substring(start, i).toLowerCase(Locale.ROOT));
                start = -1;
            }
        }
        return out;
    }

    private static JsonNode contains(JsonNode[] args, boolean all) {
        String text = text(arg(args, 0));
        List<String> terms = terms(args);
        if (text == null || terms == null) {
            return null;
        }
        List<String> words = tokens(text);
        for (String term : terms) {
            boolean found = words.containsAll(tokens(term)) && !tokens(term).isEmpty();
            if (found != all) {
                return Values.bool(found);
            }
        }
        return Values.bool(all);
    }

    private static JsonNode score(JsonNode[] args, FunctionContext ctx) {
        String text = text(arg(args, 0));
        List<String> terms = terms(args);
        if (text == null || terms == null) {
            return null;
        }
        List<String> words = tokens(text);
        Map<String, Integer> frequency = new HashMap<>();
        words.forEach(w -> frequency.merge(w, 1, Integer::sum));
        double total = 0;
        for (String term : terms) {
            for (String t : tokens(term)) {
                int tf = frequency.getOrDefault(t, 0);
                // BM25 with the average length equal to this document's: the length factor is 1.
                total += tf * (K1 + 1) / (tf + K1);
            }
        }
        return Values.number(total);
    }

    /** The search strings: arguments after the first, or one array of strings. */
    private static List<String> terms(JsonNode[] args) {
        List<JsonNode> nodes = new ArrayList<>();
        if (args.length == 2 && arg(args, 1) != null && arg(args, 1).isArray()) {
            arg(args, 1).forEach(nodes::add);
        } else {
            for (int i = 1; i < args.length; i++) {
                nodes.add(arg(args, i));
            }
        }
        List<String> out = new ArrayList<>(nodes.size());
        for (JsonNode n : nodes) {
            String s = text(n);
            if (s == null) {
                return null;
            }
            out.add(s);
        }
        return out.isEmpty() ? null : out;
    }

    private static JsonNode rrf(JsonNode[] args, FunctionContext ctx) {
        ArrayNode out = Json.NODES.arrayNode();
        for (int i = 0; i < args.length; i++) {
            JsonNode score = arg(args, i);
            if (i == args.length - 1 && i > 0 && score != null && score.isArray()) {
                break; // the optional weights
            }
            if (score == null || !score.isNumber()) {
                return null;
            }
            out.add(score);
        }
        return out;
    }
}
