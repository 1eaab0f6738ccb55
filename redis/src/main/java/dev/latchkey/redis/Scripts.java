package dev.latchkey.redis;

/**
 * The Lua scripts: each is one atomic step on the server, so concurrent workers never interleave
 * inside a check-then-write. Scripts are sent with EVAL (not EVALSHA): they are short, run only on
 * logins and at most every 30 s per worker for uses, and a restarted Redis has lost its script
 * cache. Numbers are epoch millis, exact in Lua's doubles. Times are the workers' clocks: keep the
 * fleet's clocks in sync (NTP), as the login window is counted in them.
 */
final class Scripts {
  private Scripts() {}

  /**
   * KEYS: session, generation. ARGV: token, gen, loginAt, lastUse, idle, hard, ttl, generationTtl
   * (millis; idle/hard 0 = unknown). Stores the session unless a newer generation is already stored
   * (a slow worker whose lease expired must not replace a newer login); remembers the highest
   * generation. Returns 1 if stored, 0 if a newer one was kept.
   */
  static final String SAVE = """
      local stored = tonumber(redis.call('HGET', KEYS[1], 'gen') or '0')
      local gen = tonumber(ARGV[2])
      local highest = tonumber(redis.call('GET', KEYS[2]) or '0')
      if gen > highest then
        redis.call('SET', KEYS[2], ARGV[2], 'PX', ARGV[8])
      else
        redis.call('PEXPIRE', KEYS[2], ARGV[8])
      end
      if stored > gen then
        return 0
      end
      redis.call('DEL', KEYS[1])
      if tonumber(ARGV[7]) <= 0 then
        return 1
      end
      redis.call('HSET', KEYS[1], 'token', ARGV[1], 'gen', ARGV[2], 'loginAt', ARGV[3],
        'lastUse', ARGV[4], 'idle', ARGV[5], 'hard', ARGV[6])
      redis.call('PEXPIRE', KEYS[1], ARGV[7])
      return 1
      """;

  /** KEYS: session. ARGV: gen. Deletes the session only if it is still of that generation. */
  static final String INVALIDATE = """
      if redis.call('HGET', KEYS[1], 'gen') == ARGV[1] then
        redis.call('DEL', KEYS[1])
        return 1
      end
      return 0
      """;

  /**
   * KEYS: session. ARGV: gen, lastUse. Moves lastUse forward (never back) for that generation only,
   * and the key's expiry with it: idle after the use, but never past login + hard.
   */
  static final String TOUCH = """
      local h = redis.call('HMGET', KEYS[1], 'gen', 'lastUse', 'loginAt', 'idle', 'hard')
      if h[1] ~= ARGV[1] then
        return 0
      end
      local use = tonumber(ARGV[2])
      if use <= tonumber(h[2]) then
        return 0
      end
      redis.call('HSET', KEYS[1], 'lastUse', ARGV[2])
      local idle = tonumber(h[4])
      local hard = tonumber(h[5])
      local ends = -1
      if idle > 0 then
        ends = use + idle
      end
      if hard > 0 and (ends < 0 or tonumber(h[3]) + hard < ends) then
        ends = tonumber(h[3]) + hard
      end
      if ends >= 0 then
        if ends - use <= 0 then
          redis.call('DEL', KEYS[1])
          return 0
        end
        redis.call('PEXPIRE', KEYS[1], ends - use)
      end
      return 1
      """;

  /**
   * KEYS: logins. ARGV: now, window, limit, member. The sliding window, exactly: drops logins that
   * started at or before now - window, then records this one if fewer than limit remain. Returns -1
   * if reserved, else the millis at which the oldest one leaves the window.
   */
  static final String RESERVE = """
      local now = tonumber(ARGV[1])
      local window = tonumber(ARGV[2])
      redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
      if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[3]) then
        local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
        return tonumber(oldest[2]) + window
      end
      redis.call('ZADD', KEYS[1], now, ARGV[4])
      redis.call('PEXPIRE', KEYS[1], window)
      return -1
      """;

  /** KEYS: logins. ARGV: at, keepAfter, member, ttl. Records a login, dropping old ones. */
  static final String RECORD = """
      redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[2])
      redis.call('ZADD', KEYS[1], ARGV[1], ARGV[3])
      redis.call('PEXPIRE', KEYS[1], ARGV[4])
      return 1
      """;

  /**
   * KEYS: lock. ARGV: token, lease millis. Extends the lease only if this holder still has it: 1,
   * else 0 (it ran out and someone else may hold the lock now).
   */
  static final String RENEW = """
      if redis.call('GET', KEYS[1]) == ARGV[1] then
        redis.call('PEXPIRE', KEYS[1], ARGV[2])
        return 1
      end
      return 0
      """;

  /** KEYS: lock. ARGV: token. Releases the lock only if this holder still has it. */
  static final String UNLOCK = """
      if redis.call('GET', KEYS[1]) == ARGV[1] then
        redis.call('DEL', KEYS[1])
        return 1
      end
      return 0
      """;
}
