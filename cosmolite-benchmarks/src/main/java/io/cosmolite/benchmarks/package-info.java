/**
 * JMH benchmarks of the engine, and of the server through the official SDK; run with the commands in
 * docs/performance.md, never by {@code mvn verify}.
 */
package io.cosmolite.benchmarks;
