package io.cosmolite.engine.index;

import com.fasterxml.jackson.databind.node.TextNode;
import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * The identities of indexes inside storage keys: a kind byte and the index's path (or column
 * specs) encoded as a self-delimiting string, so that one index's entries are one contiguous run
 * and no index id is a prefix of another's.
 */
final class IndexIds {
    /** A range index on one path. */
    static final byte SINGLE = 0x01;
    /** A composite index. */
    static final byte COMPOSITE = 0x02;

    private IndexIds() {}

    /** The id of the range index of a document path such as {@code [tags, []]}. */
    static byte[] single(List<String> segments) {
        return withKind(SINGLE, pathText(segments));
    }

    /** A path's canonical text: {@code /tags/[]}, names unquoted (they are only ever compared). */
    static String pathText(List<String> segments) {
        StringBuilder b = new StringBuilder();
        for (String s : segments) {
            b.append('/').append(s.replace("\\", "\\\\").replace("/", "\\/"));
        }
        return b.toString();
    }

    private static byte[] withKind(byte kind, String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() + 4);
        out.write(kind);
        IndexKeyCodec.write(out, TextNode.valueOf(text), false);
        return out.toByteArray();
    }
}
