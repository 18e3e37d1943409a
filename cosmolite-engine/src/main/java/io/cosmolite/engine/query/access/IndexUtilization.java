package io.cosmolite.engine.query.access;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmolite.engine.json.Json;
import java.util.List;

/**
 * The index metrics of a query, in the shape of Cosmos DB's {@code x-ms-cosmos-index-utilization}
 * report (the SDKs' {@code IndexUtilizationInfo}): the single-path indexes its filters used and
 * could use, and the composite indexes it used and could use.
 */
public record IndexUtilization(List<SingleIndex> utilizedSingle, List<SingleIndex> potentialSingle,
                               List<CompositeIndexUse> utilizedComposite, List<CompositeIndexUse> potentialComposite) {

    /** A filter and the single-path index that serves it, e.g. {@code (ROOT.name = "x")} and {@code /name/?}. */
    public record SingleIndex(String filterExpression, String indexSpec) {}

    /** A composite index by its column specs, e.g. {@code [/name ASC, /age ASC]}. */
    public record CompositeIndexUse(List<String> indexSpecs) {}

    /** Nothing used, nothing to suggest. */
    public static final IndexUtilization NONE = new IndexUtilization(List.of(), List.of(), List.of(), List.of());

    /** Copies the lists. */
    public IndexUtilization {
        utilizedSingle = List.copyOf(utilizedSingle);
        potentialSingle = List.copyOf(potentialSingle);
        utilizedComposite = List.copyOf(utilizedComposite);
        potentialComposite = List.copyOf(potentialComposite);
    }

    /** The report as JSON text (the header carries it base64-encoded). */
    public String toJson() {
        ObjectNode root = Json.object();
        singles(root.putArray("UtilizedSingleIndexes"), utilizedSingle);
        singles(root.putArray("PotentialSingleIndexes"), potentialSingle);
        composites(root.putArray("UtilizedCompositeIndexes"), utilizedComposite);
        composites(root.putArray("PotentialCompositeIndexes"), potentialComposite);
        return Json.toString(root);
    }

    private static void singles(ArrayNode out, List<SingleIndex> entries) {
        for (SingleIndex e : entries) {
            out.addObject().put("FilterExpression", e.filterExpression()).put("IndexSpec", e.indexSpec())
                    .put("FilterPreciseSet", true).put("IndexPreciseSet", true).put("IndexImpactScore", "High");
        }
    }

    private static void composites(ArrayNode out, List<CompositeIndexUse> entries) {
        for (CompositeIndexUse e : entries) {
            ObjectNode o = out.addObject();
            ArrayNode specs = o.putArray("IndexSpecs");
            e.indexSpecs().forEach(specs::add);
            o.put("IndexPreciseSet", true).put("IndexImpactScore", "High");
        }
    }
}
