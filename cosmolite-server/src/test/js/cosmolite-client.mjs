// The connection every script of this project makes, from the environment its Java test sets:
// COSMOLITE_ENDPOINT (e.g. https://localhost:8081/), COSMOLITE_KEY (the account key),
// COSMOLITE_CA_FILE (the server's certificate in PEM form; only for https endpoints).

import fs from "node:fs";
import https from "node:https";
import { CosmosClient } from "@azure/cosmos";

/** The value of an environment variable; a missing one ends the script with exit code 2. */
export function requiredEnv(name) {
  const value = process.env[name];
  if (!value) {
    console.error(`${name} is not set`);
    process.exit(2);
  }
  return value;
}

/** A client of the server the environment names. */
export function clientFromEnvironment() {
  const endpoint = requiredEnv("COSMOLITE_ENDPOINT");
  return new CosmosClient({
    endpoint,
    key: requiredEnv("COSMOLITE_KEY"),
    // Trust the server's self-signed certificate, as `cosmolite serve` tells JS users to. keepAlive:
    // an agent of one's own closes each connection after its request, so every request would pay
    // a TLS handshake (the run takes twice as long).
    ...(endpoint.startsWith("https:")
      ? { agent: new https.Agent({ ca: fs.readFileSync(requiredEnv("COSMOLITE_CA_FILE")), keepAlive: true }) }
      : {}),
  });
}
