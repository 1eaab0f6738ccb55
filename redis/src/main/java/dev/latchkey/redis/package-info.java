/**
 * Fleet mode (issue 7): {@link dev.latchkey.redis.RedisSessionStore} shares the session, the
 * single-flight login lock and the login throttle of token and header auth between every worker
 * that points at one Redis, with Lettuce as the client.
 */
package dev.latchkey.redis;
