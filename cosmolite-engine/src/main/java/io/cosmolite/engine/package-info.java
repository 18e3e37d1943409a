/** The Cosmolite engine: the public API over documents, containers, partitioning, change feed and storage. */
package io.cosmolite.engine;
