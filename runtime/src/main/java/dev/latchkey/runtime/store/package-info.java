/**
 * Where token login keeps its session between calls and between processes: {@link
 * dev.latchkey.runtime.store.SessionStore}, with an in-memory default and a file-backed store that
 * lets short-lived processes on one machine share one token and one login budget (issue 10).
 */
package dev.latchkey.runtime.store;
