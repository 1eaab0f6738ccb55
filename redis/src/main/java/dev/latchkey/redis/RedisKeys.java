package dev.latchkey.redis;

/**
 * The keys of one account. The account sits in braces, a Redis Cluster hash tag, so that every key
 * of an account lands in one slot and the scripts may touch several of them.
 */
record RedisKeys(String account) {
  static final String PREFIX = "latchkey:";

  /** Hash: token, gen, loginAt, lastUse, idle, hard; expires when the session would end. */
  String session() {
    return PREFIX + "{" + account + "}:session";
  }

  /** String: the highest generation stored; outlives the session so generations never repeat. */
  String generation() {
    return PREFIX + "{" + account + "}:generation";
  }

  /** String: the holder's random token; set with NX and a lease (PX). */
  String lock() {
    return PREFIX + "{" + account + "}:lock";
  }

  /** Sorted set: one member per login started, scored by its start (epoch millis). */
  String logins() {
    return PREFIX + "{" + account + "}:logins";
  }
}
