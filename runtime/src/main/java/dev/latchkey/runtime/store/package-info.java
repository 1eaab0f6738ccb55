/**
 * Where token login and header sessions keep their session between calls and between processes:
 * {@link dev.latchkey.runtime.store.SessionStore}, with an in-memory default and a file-backed
 * store that lets short-lived processes on one machine share one token and one login budget
 * (issue 10). The {@code latchkey-redis} module adds a store shared by a fleet (issue 7).
 */
package dev.latchkey.runtime.store;
