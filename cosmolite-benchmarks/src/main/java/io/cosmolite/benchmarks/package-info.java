/** JMH benchmarks of the engine; run with the commands in docs/performance.md, never by {@code mvn verify}. */
package io.cosmolite.benchmarks;
