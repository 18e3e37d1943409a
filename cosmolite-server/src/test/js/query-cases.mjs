// Runs query cases through the official JavaScript SDK (@azure/cosmos) against a running Cosmolite
// server and writes down what each query returned. JsConformanceQueryTest loads the cases' items,
// runs this script and judges the outcomes: the comparison rules live in one place, in Java.
//
// Environment: the connection (see cosmolite-client.mjs);
// COSMOLITE_CASES: a JSON file {"database": "<id>", "cases": [{"id", "container", "query", "parameters"}]};
// COSMOLITE_OUTCOMES: the JSON file to write: {"<case id>": {"results": [...]} or {"error": "<why>"}}.
// Exit code: 0 when the outcomes are written, whatever the queries answered.

import fs from "node:fs";
import { clientFromEnvironment, requiredEnv } from "./cosmolite-client.mjs";

const { database, cases } = JSON.parse(fs.readFileSync(requiredEnv("COSMOLITE_CASES"), "utf8"));
const client = clientFromEnvironment();
const outcomes = {};
for (const c of cases) {
  const container = client.database(database).container(c.container);
  try {
    const { resources } = await container.items.query({ query: c.query, parameters: c.parameters }).fetchAll();
    outcomes[c.id] = { results: resources };
  } catch (error) {
    // The case fails with the server's status (or the client's own error); the other cases still run.
    outcomes[c.id] = { error: `${error.code ?? "client error"}: ${error.message}` };
  }
}
fs.writeFileSync(requiredEnv("COSMOLITE_OUTCOMES"), JSON.stringify(outcomes));
client.dispose();
console.log(`ran ${cases.length} queries, ${Object.values(outcomes).filter((o) => o.error).length} answered an error`);
