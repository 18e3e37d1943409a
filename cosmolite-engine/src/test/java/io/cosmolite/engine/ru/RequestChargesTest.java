package io.cosmolite.engine.ru;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmolite.engine.json.Json;
import org.junit.jupiter.api.Test;

class RequestChargesTest {
    private static final int KB = 1024;

    @Test
    void pointReadsMatchThePublishedFigures() {
        assertThat(RequestCharges.pointRead(KB)).isEqualTo(1.0);
        assertThat(RequestCharges.pointRead(100 * KB)).isCloseTo(10.0, within(0.5));
        assertThat(RequestCharges.pointRead(0)).isEqualTo(1.0);
        assertThat(RequestCharges.pointRead(300)).isEqualTo(1.0);
        assertThat(RequestCharges.pointRead(2 * KB)).isEqualTo(1.09);
    }

    @Test
    void unindexedWritesMatchTheKeyValueFigures() {
        assertThat(RequestCharges.write(WriteKind.CREATE, KB, 0)).isEqualTo(5.0);
        assertThat(RequestCharges.write(WriteKind.CREATE, 100 * KB, 0)).isEqualTo(50.0);
    }

    @Test
    void aTypicalOneKilobyteDocumentInsertsForAboutFiveAndAHalf() {
        ObjectNode doc = typicalDocument();
        int bytes = Json.toBytes(doc).length;
        int terms = RequestCharges.indexedTerms(doc);
        assertThat(bytes).isBetween(900, 1100);
        assertThat(terms).isBetween(10, 15);

        double insert = RequestCharges.write(WriteKind.CREATE, bytes, terms);
        double replace = RequestCharges.write(WriteKind.REPLACE, bytes, terms);
        assertThat(insert).isBetween(5.5, 6.5);
        assertThat(replace).isCloseTo(2 * insert, within(0.011));
    }

    @Test
    void upsertPatchAndDeleteAreChargedAsWhatTheyDid() {
        int bytes = 3 * KB;
        int terms = 40;
        double create = RequestCharges.write(WriteKind.CREATE, bytes, terms);
        double replace = RequestCharges.write(WriteKind.REPLACE, bytes, terms);
        assertThat(RequestCharges.write(WriteKind.UPSERT_CREATE, bytes, terms)).isEqualTo(create);
        assertThat(RequestCharges.write(WriteKind.UPSERT_REPLACE, bytes, terms)).isEqualTo(replace);
        assertThat(RequestCharges.write(WriteKind.PATCH, bytes, terms)).isEqualTo(replace);
        assertThat(RequestCharges.write(WriteKind.DELETE, bytes, terms)).isEqualTo(create);
        assertThat(replace).isGreaterThan(create);
    }

    @Test
    void chargesNeverFallAsSizesAndCountsGrow() {
        double lastRead = 0;
        double lastWrite = 0;
        double lastFeed = 0;
        for (int bytes = 0; bytes <= 2 * KB * KB; bytes += 97) {
            double read = RequestCharges.pointRead(bytes);
            double write = RequestCharges.write(WriteKind.CREATE, bytes, 10);
            double feed = RequestCharges.feedRead(5, bytes);
            assertThat(read).isGreaterThanOrEqualTo(lastRead);
            assertThat(write).isGreaterThanOrEqualTo(lastWrite);
            assertThat(feed).isGreaterThanOrEqualTo(lastFeed);
            lastRead = read;
            lastWrite = write;
            lastFeed = feed;
        }
        assertThat(lastRead).isGreaterThan(RequestCharges.pointRead(KB));
        for (int terms = 1; terms < 1000; terms++) {
            assertThat(RequestCharges.write(WriteKind.REPLACE, KB, terms))
                    .isGreaterThan(RequestCharges.write(WriteKind.REPLACE, KB, terms - 1));
        }
        for (int items = 1; items < 1000; items++) {
            assertThat(RequestCharges.feedRead(items, KB)).isGreaterThan(RequestCharges.feedRead(items - 1, KB));
        }
    }

    @Test
    void failedRequestsCostALookupUnlessTheyNeverRan() {
        assertThat(RequestCharges.failed(404)).isEqualTo(1.0);
        assertThat(RequestCharges.failed(409)).isEqualTo(1.0);
        assertThat(RequestCharges.failed(412)).isEqualTo(1.0);
        assertThat(RequestCharges.failed(400)).isEqualTo(1.0);
        assertThat(RequestCharges.failed(429)).isZero();
        assertThat(RequestCharges.failed(401)).isZero();
        assertThat(RequestCharges.failed(503)).isZero();
        assertThatThrownBy(() -> RequestCharges.failed(200)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void feedPagesMatchThePublishedQueryExamples() {
        assertThat(RequestCharges.feedRead(0, 0)).isEqualTo(1.0);
        // one 9,963-byte document returned for 3.19 RU in the query-metrics example
        assertThat(RequestCharges.feedRead(1, 9_963)).isCloseTo(3.19, within(0.1));
        // "a query returning 1000 1-KB items costs 1000"
        assertThat(RequestCharges.feedRead(1000, 1000L * KB)).isCloseTo(1000.0, within(10.0));
    }

    @Test
    void metadataOperationsHaveFixedCharges() {
        assertThat(RequestCharges.metadata()).isEqualTo(1.0);
        assertThat(RequestCharges.metadataWrite()).isEqualTo(5.0);
    }

    @Test
    void aBatchCostsTheSumOfItsOperations() {
        double create = RequestCharges.write(WriteKind.CREATE, KB, 12);
        double read = RequestCharges.pointRead(KB);
        assertThat(RequestCharges.batch(create, read, create)).isEqualTo(RequestCharges.round(2 * create + read));
        assertThat(RequestCharges.batch(0.1, 0.2)).isEqualTo(0.3);
        assertThat(RequestCharges.batch()).isZero();
    }

    @Test
    void chargesAreRoundedToTwoDecimals() {
        assertThat(RequestCharges.round(5.725)).isEqualTo(5.73);
        assertThat(RequestCharges.round(5.7249)).isEqualTo(5.72);
        double charge = RequestCharges.write(WriteKind.CREATE, 1500, 7);
        assertThat(charge * 100).isCloseTo(Math.rint(charge * 100), within(1e-9));
    }

    @Test
    void refusesNegativeSizes() {
        assertThatThrownBy(() -> RequestCharges.pointRead(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RequestCharges.write(WriteKind.CREATE, 1, -1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RequestCharges.feedRead(-1, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    /** About 1 KB with 12 indexed leaves, plus system properties that do not count. */
    private static ObjectNode typicalDocument() {
        ObjectNode doc = Json.object();
        doc.put("id", "order-000123");
        doc.put("customerId", "customer-42");
        doc.put("status", "shipped");
        doc.put("total", 129.95);
        doc.put("notes", "x".repeat(520));
        ObjectNode address = doc.putObject("address");
        address.put("street", "1 Main Street");
        address.put("city", "Springfield");
        address.put("zip", "12345");
        ArrayNode tags = doc.putArray("tags");
        tags.add("priority").add("gift").add("international");
        doc.put("paid", true);
        doc.put("_rid", "AAAAAYAAAAEBAAAAAAAAAA==");
        doc.put("_self", "dbs/AAAAAQ==/colls/AAAAAYAAAAE=/docs/AAAAAYAAAAEBAAAAAAAAAA==/");
        doc.put("_etag", "\"00000000-0000-0000-0000-000000000000\"");
        doc.put("_attachments", "attachments/");
        doc.put("_ts", 1_700_000_000L);
        return doc;
    }
}
