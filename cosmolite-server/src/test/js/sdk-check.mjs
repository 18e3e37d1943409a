// Drives the official JavaScript SDK (@azure/cosmos) against a running Cosmolite server and
// prints one line per check: "ok - <name>" or "not ok - <name>: <reason>". JsSdkTest starts the
// server, runs this script with node and expects every check it knows to be reported "ok".
//
// Environment: the connection (see cosmolite-client.mjs), and COSMOLITE_PARTITIONS (the server's
// physical partitions per container; default 1).
// Exit code: 0 when every check passed, 1 otherwise.

import assert from "node:assert/strict";
import { BulkOperationType, ChangeFeedStartFrom } from "@azure/cosmos";
import { clientFromEnvironment } from "./cosmolite-client.mjs";

const client = clientFromEnvironment();

const failures = [];
let checksRun = 0;

/** Runs one named check; a thrown error (an assertion or an SDK error) fails it and the run goes on. */
async function check(name, fn) {
  checksRun++;
  try {
    await fn();
    console.log(`ok - ${name}`);
  } catch (error) {
    failures.push(name);
    const reason = (error?.stack ?? String(error)).split("\n").slice(0, 6).join("\n    ");
    console.log(`not ok - ${name}: ${reason}`);
  }
}

/** Asserts that `promise` rejects with an SDK error of HTTP status `code`. */
async function rejectsWithStatus(promise, code) {
  await assert.rejects(promise, (error) => {
    assert.equal(error.code, code, `expected status ${code}, got ${error.code}: ${error.message}`);
    return true;
  });
}

/** Every page of a query, read with fetchNext until the iterator is done. */
async function fetchPages(iterator) {
  const pages = [];
  while (iterator.hasMoreResults()) {
    const page = await iterator.fetchNext();
    // A page may hold nothing (the SDK skips the OFFSET rows page by page): keep [] for it.
    pages.push({ ...page, resources: page.resources ?? [] });
  }
  return pages;
}

/** Every change an iterator has now: pages until the feed answers 304 (nothing new). */
async function readChangesUntilNotModified(iterator) {
  const changes = [];
  for (let pages = 0; ; pages++) {
    assert.ok(pages < 1000, "the change feed never reported 304");
    const page = await iterator.readNext();
    if (page.statusCode === 304) {
      return changes;
    }
    changes.push(...page.result);
  }
}

const ids = (documents) => documents.map((d) => d.id);
const sorted = (values) => [...values].sort();
const ascending = (numbers) => [...numbers].sort((a, b) => a - b);
const range = (count) => Array.from({ length: count }, (_, i) => i);
const pad = (n) => String(n).padStart(2, "0");

const { database } = await client.databases.createIfNotExists({ id: "js-sdk" });
const { container: items } = await database.containers.createIfNotExists({
  id: "items",
  partitionKey: { paths: ["/pk"] },
});

// --- databases and containers ---

await check("database create, read, delete", async () => {
  const created = await client.databases.create({ id: "js-temp-db" });
  assert.equal(created.statusCode, 201);
  assert.equal(created.resource.id, "js-temp-db");
  const read = await client.database("js-temp-db").read();
  assert.equal(read.statusCode, 200);
  assert.equal(read.resource._rid, created.resource._rid);
  await rejectsWithStatus(client.databases.create({ id: "js-temp-db" }), 409);
  const deleted = await client.database("js-temp-db").delete();
  assert.equal(deleted.statusCode, 204);
  await rejectsWithStatus(client.database("js-temp-db").read(), 404);
});

await check("container create, read, replace, delete", async () => {
  const definition = { id: "js-temp-container", partitionKey: { paths: ["/pk"] } };
  const created = await database.containers.create(definition);
  assert.equal(created.statusCode, 201);
  assert.deepEqual(created.resource.partitionKey.paths, ["/pk"]);
  const read = await database.container("js-temp-container").read();
  assert.equal(read.resource.id, "js-temp-container");
  assert.equal(read.resource.defaultTtl, undefined);
  const replaced = await database.container("js-temp-container").replace({ ...read.resource, defaultTtl: 3600 });
  assert.equal(replaced.statusCode, 200);
  assert.equal(replaced.resource.defaultTtl, 3600);
  assert.equal((await database.container("js-temp-container").read()).resource.defaultTtl, 3600);
  const deleted = await database.container("js-temp-container").delete();
  assert.equal(deleted.statusCode, 204);
  await rejectsWithStatus(database.container("js-temp-container").read(), 404);
});

// --- items ---

await check("item create and read", async () => {
  const created = await items.items.create({ id: "crud-1", pk: "crud", n: 1, tags: ["a"] });
  assert.equal(created.statusCode, 201);
  assert.ok(created.resource._etag, "the created item has an etag");
  const read = await items.item("crud-1", "crud").read();
  assert.equal(read.statusCode, 200);
  assert.equal(read.resource.n, 1);
  assert.deepEqual(read.resource.tags, ["a"]);
  assert.equal(read.etag, created.etag);
});

await check("item replace with a matching etag", async () => {
  const { resource: current } = await items.item("crud-1", "crud").read();
  const replaced = await items.item("crud-1", "crud").replace(
    { ...current, n: 2 },
    { accessCondition: { type: "IfMatch", condition: current._etag } },
  );
  assert.equal(replaced.statusCode, 200);
  assert.equal(replaced.resource.n, 2);
  assert.notEqual(replaced.resource._etag, current._etag);
});

await check("item replace with a stale etag is 412", async () => {
  const { resource: current } = await items.item("crud-1", "crud").read();
  await items.item("crud-1", "crud").replace({ ...current, n: 3 });
  await rejectsWithStatus(
    items.item("crud-1", "crud").replace(
      { ...current, n: 4 },
      { accessCondition: { type: "IfMatch", condition: current._etag } },
    ),
    412,
  );
  assert.equal((await items.item("crud-1", "crud").read()).resource.n, 3);
});

await check("item upsert creates, then replaces", async () => {
  const first = await items.items.upsert({ id: "upsert-1", pk: "crud", n: 1 });
  assert.equal(first.statusCode, 201);
  const second = await items.items.upsert({ id: "upsert-1", pk: "crud", n: 2 });
  assert.equal(second.statusCode, 200);
  assert.equal((await items.item("upsert-1", "crud").read()).resource.n, 2);
});

await check("item patch, with a condition", async () => {
  await items.items.create({ id: "patch-1", pk: "crud", n: 10, tags: ["a"], gone: true });
  const patched = await items.item("patch-1", "crud").patch([
    { op: "incr", path: "/n", value: 5 },
    { op: "add", path: "/tags/-", value: "b" },
    { op: "set", path: "/color", value: "red" },
    { op: "remove", path: "/gone" },
  ]);
  assert.equal(patched.statusCode, 200);
  assert.equal(patched.resource.n, 15);
  assert.deepEqual(patched.resource.tags, ["a", "b"]);
  assert.equal(patched.resource.color, "red");
  assert.equal(patched.resource.gone, undefined);
  await rejectsWithStatus(
    items.item("patch-1", "crud").patch({ condition: "FROM c WHERE c.n > 100", operations: [{ op: "set", path: "/n", value: 0 }] }),
    412,
  );
  const conditional = await items.item("patch-1", "crud").patch({
    condition: "FROM c WHERE c.n = 15",
    operations: [{ op: "set", path: "/n", value: 0 }],
  });
  assert.equal(conditional.resource.n, 0);
});

await check("item delete, then read is 404", async () => {
  await items.items.create({ id: "delete-1", pk: "crud" });
  const deleted = await items.item("delete-1", "crud").delete();
  assert.equal(deleted.statusCode, 204);
  // The SDK answers a missing item's read with a 404 response rather than an error.
  const read = await items.item("delete-1", "crud").read();
  assert.equal(read.statusCode, 404);
  assert.equal(read.resource, undefined);
  await rejectsWithStatus(items.item("delete-1", "crud").delete(), 404);
});

await check("missing item is 404", async () => {
  assert.equal((await items.item("never-written", "crud").read()).statusCode, 404);
  await rejectsWithStatus(items.item("never-written", "crud").replace({ id: "never-written", pk: "crud" }), 404);
  // The same id under another partition key is another item.
  assert.equal((await items.item("crud-1", "another-pk").read()).statusCode, 404);
});

await check("duplicate id is 409", async () => {
  await rejectsWithStatus(items.items.create({ id: "crud-1", pk: "crud" }), 409);
  // Ids are unique per partition key value only.
  assert.equal((await items.items.create({ id: "crud-1", pk: "elsewhere" })).statusCode, 201);
});

// --- queries: 40 items over 8 partition key values, so every physical partition holds some ---

const QUERY_ITEMS = range(40).map((i) => ({ id: `q${pad(i)}`, pk: `qp${i % 8}`, kind: "q", n: i, tier: i % 3 }));
for (const item of QUERY_ITEMS) {
  await items.items.create(item);
}
const byN = (a, b) => a.n - b.n;

/** Runs a query twice, with fetchAll and page by page, asserting both give `expected`. */
async function assertQuery(querySpec, expected, options = {}) {
  const all = await items.items.query(querySpec, options).fetchAll();
  assert.deepEqual(all.resources, expected, "fetchAll");
  const pages = await fetchPages(items.items.query(querySpec, { ...options, maxItemCount: 3 }));
  assert.deepEqual(pages.flatMap((p) => p.resources), expected, "fetchNext with maxItemCount 3");
  return pages;
}

await check("query with parameters", async () => {
  const expected = QUERY_ITEMS.filter((i) => i.tier === 1 && i.n >= 20).map((i) => i.id);
  const { resources } = await items.items
    .query({
      query: "SELECT VALUE c.id FROM c WHERE c.kind = @kind AND c.tier = @tier AND c.n >= @min",
      parameters: [
        { name: "@kind", value: "q" },
        { name: "@tier", value: 1 },
        { name: "@min", value: 20 },
      ],
    })
    .fetchAll();
  assert.deepEqual(sorted(resources), expected);
});

await check("query in one partition key", async () => {
  const expected = QUERY_ITEMS.filter((i) => i.pk === "qp3").sort(byN).map((i) => ({ id: i.id, n: i.n }));
  await assertQuery("SELECT c.id, c.n FROM c ORDER BY c.n", expected, { partitionKey: "qp3" });
});

await check("cross-partition ORDER BY, paged", async () => {
  const expected = [...QUERY_ITEMS].sort((a, b) => b.n - a.n).map((i) => ({ id: i.id, n: i.n }));
  const pages = await assertQuery("SELECT c.id, c.n FROM c WHERE c.kind = 'q' ORDER BY c.n DESC", expected);
  assert.ok(pages.length >= 40 / 3, `paged into at least 14 pages, got ${pages.length}`);
});

await check("aggregates COUNT and SUM", async () => {
  await assertQuery("SELECT VALUE COUNT(1) FROM c WHERE c.kind = 'q'", [40]);
  await assertQuery("SELECT VALUE SUM(c.n) FROM c WHERE c.kind = 'q'", [QUERY_ITEMS.reduce((s, i) => s + i.n, 0)]);
  await assertQuery("SELECT VALUE MAX(c.n) FROM c WHERE c.kind = 'q' AND c.tier = 2", [38]);
});

await check("DISTINCT", async () => {
  // String values: this SDK version's DISTINCT drops falsy VALUE results such as 0 on the client.
  const partitionKeys = sorted(new Set(QUERY_ITEMS.map((i) => i.pk)));
  const { resources } = await items.items.query("SELECT DISTINCT VALUE c.pk FROM c WHERE c.kind = 'q'").fetchAll();
  assert.deepEqual(sorted(resources), partitionKeys);
  await assertQuery("SELECT DISTINCT VALUE c.pk FROM c WHERE c.kind = 'q' ORDER BY c.pk", partitionKeys);
  await assertQuery("SELECT DISTINCT c.tier FROM c WHERE c.kind = 'q' ORDER BY c.tier", [{ tier: 0 }, { tier: 1 }, { tier: 2 }]);
});

await check("TOP", async () => {
  const expected = QUERY_ITEMS.slice(0, 5).map((i) => i.id);
  await assertQuery("SELECT TOP 5 VALUE c.id FROM c WHERE c.kind = 'q' ORDER BY c.n", expected);
});

await check("OFFSET LIMIT", async () => {
  const expected = QUERY_ITEMS.slice(10, 17).map((i) => i.id);
  await assertQuery("SELECT VALUE c.id FROM c WHERE c.kind = 'q' ORDER BY c.n OFFSET 10 LIMIT 7", expected);
});

await check("query resumed from a continuation token", async () => {
  const query = "SELECT VALUE c.id FROM c WHERE c.kind = 'q'";
  const expected = sorted(QUERY_ITEMS.map((i) => i.id));
  const seen = [];
  let continuationToken;
  let pages = 0;
  do {
    // A new iterator per page, as an application serving pages to its callers would do.
    const page = await items.items.query(query, { maxItemCount: 6, continuationToken }).fetchNext();
    seen.push(...page.resources);
    continuationToken = page.continuationToken;
    assert.ok(++pages <= 40, "the continuation never ended");
  } while (continuationToken);
  assert.deepEqual(sorted(seen), expected);
  assert.ok(pages >= 7, `40 results at 6 per page took ${pages} pages`);
});

// --- transactional batch and bulk ---

await check("batch commits every operation", async () => {
  await items.items.create({ id: "b-existing", pk: "batch", n: 1 });
  await items.items.create({ id: "b-doomed", pk: "batch", n: 1 });
  const response = await items.items.batch(
    [
      { operationType: BulkOperationType.Create, resourceBody: { id: "b-new", pk: "batch", n: 1 } },
      { operationType: BulkOperationType.Upsert, resourceBody: { id: "b-upserted", pk: "batch", n: 1 } },
      { operationType: BulkOperationType.Read, id: "b-existing" },
      { operationType: BulkOperationType.Replace, id: "b-existing", resourceBody: { id: "b-existing", pk: "batch", n: 2 } },
      { operationType: BulkOperationType.Patch, id: "b-new", resourceBody: { operations: [{ op: "incr", path: "/n", value: 10 }] } },
      { operationType: BulkOperationType.Delete, id: "b-doomed" },
    ],
    "batch",
  );
  assert.equal(response.code, 200);
  assert.deepEqual(response.result.map((r) => r.statusCode), [201, 201, 200, 200, 200, 204]);
  assert.equal(response.result[2].resourceBody.n, 1);
  assert.equal((await items.item("b-new", "batch").read()).resource.n, 11);
  assert.equal((await items.item("b-existing", "batch").read()).resource.n, 2);
  assert.equal((await items.item("b-doomed", "batch").read()).statusCode, 404);
});

await check("failing batch answers 409 and 424 and writes nothing", async () => {
  await items.items.create({ id: "f-existing", pk: "failing-batch", n: 1 });
  const response = await items.items.batch(
    [
      { operationType: BulkOperationType.Create, resourceBody: { id: "f-new", pk: "failing-batch" } },
      { operationType: BulkOperationType.Create, resourceBody: { id: "f-existing", pk: "failing-batch" } },
      { operationType: BulkOperationType.Replace, id: "f-existing", resourceBody: { id: "f-existing", pk: "failing-batch", n: 2 } },
    ],
    "failing-batch",
  );
  assert.equal(response.code, 207);
  assert.deepEqual(response.result.map((r) => r.statusCode), [424, 409, 424]);
  assert.equal((await items.item("f-new", "failing-batch").read()).statusCode, 404);
  assert.equal((await items.item("f-existing", "failing-batch").read()).resource.n, 1);
});

await check("bulk over every partition", async () => {
  const creates = range(200).map((i) => ({
    operationType: BulkOperationType.Create,
    partitionKey: `bulk-${i % 16}`,
    resourceBody: { id: `bulk-${i}`, pk: `bulk-${i % 16}`, kind: "bulk", n: i },
  }));
  const created = await items.items.executeBulkOperations(creates);
  assert.equal(created.length, 200);
  assert.deepEqual(created.filter((r) => r.error || r.response.statusCode !== 201), []);

  const mixed = await items.items.executeBulkOperations([
    { operationType: BulkOperationType.Read, id: "bulk-0", partitionKey: "bulk-0" },
    { operationType: BulkOperationType.Replace, id: "bulk-1", partitionKey: "bulk-1", resourceBody: { id: "bulk-1", pk: "bulk-1", kind: "bulk", n: 1001 } },
    { operationType: BulkOperationType.Upsert, partitionKey: "bulk-2", resourceBody: { id: "bulk-2", pk: "bulk-2", kind: "bulk", n: 1002 } },
    // A patch's body may be the bare operations array, as with item.patch([...]).
    { operationType: BulkOperationType.Patch, id: "bulk-3", partitionKey: "bulk-3", resourceBody: [{ op: "incr", path: "/n", value: 1000 }] },
    { operationType: BulkOperationType.Delete, id: "bulk-4", partitionKey: "bulk-4" },
    { operationType: BulkOperationType.Create, partitionKey: "bulk-5", resourceBody: { id: "bulk-5", pk: "bulk-5", kind: "bulk" } },
  ]);
  assert.deepEqual(
    mixed.map((r) => r.response?.statusCode ?? r.error?.code),
    [200, 200, 200, 200, 204, 409],
  );
  assert.equal(mixed[0].response.resourceBody.n, 0);
  const { resources } = await items.items
    .query("SELECT VALUE c.n FROM c WHERE c.kind = 'bulk' AND c.n > 1000")
    .fetchAll();
  assert.deepEqual(ascending(resources), [1001, 1002, 1003]);
  const { resources: count } = await items.items.query("SELECT VALUE COUNT(1) FROM c WHERE c.kind = 'bulk'").fetchAll();
  assert.deepEqual(count, [199]);
});

// --- change feed, on a container of its own so the expected changes are exactly known ---

const { container: feed } = await database.containers.createIfNotExists({ id: "feed", partitionKey: { paths: ["/pk"] } });
const FEED_ITEMS = range(30).map((i) => ({ id: `f${pad(i)}`, pk: `fp${i % 6}`, n: i }));
for (const item of FEED_ITEMS) {
  await feed.items.create(item);
}
// Latest-version mode shows an item once, at its last version.
await feed.items.upsert({ ...FEED_ITEMS[0], n: 100 });

await check("change feed from the beginning, whole container", async () => {
  const changes = await readChangesUntilNotModified(
    feed.items.getChangeFeedIterator({ changeFeedStartFrom: ChangeFeedStartFrom.Beginning(), maxItemCount: 7 }),
  );
  assert.deepEqual(sorted(ids(changes)), ids(FEED_ITEMS));
  assert.equal(changes.find((c) => c.id === "f00").n, 100);
});

await check("change feed from the beginning, per feed range", async () => {
  const ranges = await feed.getFeedRanges();
  assert.equal(ranges.length, Number(process.env.COSMOLITE_PARTITIONS ?? 1), "one feed range per physical partition");
  const perRange = [];
  for (const feedRange of ranges) {
    perRange.push(
      ids(await readChangesUntilNotModified(
        feed.items.getChangeFeedIterator({ changeFeedStartFrom: ChangeFeedStartFrom.Beginning(feedRange) }),
      )),
    );
  }
  const all = perRange.flat();
  assert.deepEqual(sorted(all), ids(FEED_ITEMS), "the ranges together hold every item once");
  if (ranges.length > 1) {
    assert.ok(perRange.filter((r) => r.length > 0).length > 1, "items spread over several ranges");
  }
});

await check("change feed for one partition key", async () => {
  const changes = await readChangesUntilNotModified(
    feed.items.getChangeFeedIterator({ changeFeedStartFrom: ChangeFeedStartFrom.Beginning("fp2") }),
  );
  assert.deepEqual(sorted(ids(changes)), ids(FEED_ITEMS.filter((i) => i.pk === "fp2")));
});

await check("change feed from now sees only later writes", async () => {
  const iterator = feed.items.getChangeFeedIterator({ changeFeedStartFrom: ChangeFeedStartFrom.Now() });
  assert.deepEqual(await readChangesUntilNotModified(iterator), []);
  await feed.items.create({ id: "later-1", pk: "fp1", n: 1 });
  await feed.items.create({ id: "later-2", pk: "fp4", n: 2 });
  await feed.items.upsert({ ...FEED_ITEMS[7], n: 700 });
  const changes = await readChangesUntilNotModified(iterator);
  assert.deepEqual(sorted(ids(changes)), ["f07", "later-1", "later-2"]);
  assert.deepEqual(await readChangesUntilNotModified(iterator), [], "nothing new after the read");
});

await client.database("js-sdk").delete();
client.dispose();
console.log(failures.length === 0 ? `all ${checksRun} checks passed` : `${failures.length} of ${checksRun} checks failed`);
process.exit(failures.length === 0 ? 0 : 1);
