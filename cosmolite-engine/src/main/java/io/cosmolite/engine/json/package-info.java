/** The shared JSON mapper and helpers. Depends on {@code error} only. */
package io.cosmolite.engine.json;
