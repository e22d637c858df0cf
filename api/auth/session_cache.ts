import { LRUCache } from "lru-cache";
import type { Log } from "../app_env.ts";
import type { Db } from "../db/db.ts";
import { findSession, type SessionRow } from "../db/sessions.ts";
import { SESSION_CACHE_MAX, SESSION_CACHE_TTL_MS } from "./policy.ts";

/** Channel notified on commit of every change to sessions or users (migration 0015). */
export const SESSIONS_CHANNEL = "za_sessions";

interface Entry {
  session: SessionRow;
  /** Date.now() after which the entry is not used: the session's expiry or the TTL, whichever comes first. */
  until: number;
}

/**
 * Live session lookups kept in memory, so a guarded request costs no query while its session is known.
 * Correctness rests on three rules: every change to `sessions` or `users` (logout, disable, role or zone
 * change) NOTIFYs `za_sessions` and every process empties its cache on it (and after a lost LISTEN
 * connection); an entry never outlives its session's expiry; and a lookup that raced with a notification is
 * returned but not kept. Unknown or ended sessions are never cached (a new login has a new token).
 * Decision record 0014.
 */
export class SessionCache {
  private readonly lru = new LRUCache<string, Entry>({ max: SESSION_CACHE_MAX });
  /** Bumped on every invalidation: a lookup started before one is not stored. */
  private epoch = 0;
  hits = 0;
  misses = 0;

  private readonly db: Db;
  private readonly now: () => number;

  private constructor(db: Db, now: () => number) {
    this.db = db;
    this.now = now;
  }

  /** Subscribes to `za_sessions` and returns the cache. */
  static async start(db: Db, log: Log, now: () => number = Date.now): Promise<SessionCache> {
    const cache = new SessionCache(db, now);
    await db.listen(SESSIONS_CHANNEL, (payload) => {
      if (payload === null) log("warn", "session notifications reconnected: session cache emptied");
      cache.clear();
    });
    return cache;
  }

  /** The live session stored under the token hash `idHash`, or null; from memory when known. */
  async find(idHash: string): Promise<SessionRow | null> {
    const t0 = this.now();
    const hit = this.lru.get(idHash);
    if (hit && hit.until > t0) {
      this.hits++;
      return hit.session;
    }
    if (hit) this.lru.delete(idHash);
    this.misses++;
    const epoch = this.epoch;
    const found = await findSession(this.db, idHash);
    if (!found) return null;
    // Measured from before the query, so the entry ends no later than the session does.
    if (epoch === this.epoch)
      this.lru.set(idHash, {
        session: found.session,
        until: t0 + Math.min(SESSION_CACHE_TTL_MS, found.expiresInMs),
      });
    return found.session;
  }

  /** Drops one session at once (this process's logout; the notification then empties every process). */
  forget(idHash: string): void {
    this.epoch++;
    this.lru.delete(idHash);
  }

  /** Drops every entry. */
  clear(): void {
    this.epoch++;
    this.lru.clear();
  }

  get size(): number {
    return this.lru.size;
  }
}
