import type { Log } from "../app_env.ts";
import { hasQueuedParks } from "../db/assessments.ts";
import type { Db } from "../db/db.ts";
import { currentSchema, loadLayerVersions } from "../db/tiles.ts";
import type { TileLayer } from "../schemas/tiles.ts";

/** Retries of the version reload after a reconnect, one per second (the LISTEN connection is up, so
 * the database answers again; a few retries cover a pool still full of dead connections). */
const RESYNC_ATTEMPTS = 30;
const RESYNC_RETRY_MS = 1_000;

interface VersionNotice {
  schema?: string;
  layer?: TileLayer;
  version?: number;
}

/**
 * The data version of each tile layer in this process, kept current by PostgreSQL notifications
 * (migration 0007's triggers NOTIFY `za_layer_versions` on commit of every write), so every API
 * process on the database drops stale tiles; and whether parks wait for re-assessment
 * (`za_assessment_queue`).
 */
export class LayerVersions {
  private versions: Record<TileLayer, number> = { plots: 0, parks: 0, constraints: 0 };
  private stops: Array<() => Promise<void>> = [];
  private resyncListeners: Array<() => void> = [];
  private stopped = false;
  /** True while parks may be queued for re-assessment (set by notifications, cleared by {@link settlePending}). */
  assessmentsPending = true;
  /** Counts queue notifications, so a drain clears the flag only if none arrived meanwhile. */
  pendingEpoch = 0;

  private readonly db: Db;
  private readonly schema: string;
  private readonly log: Log;

  private constructor(db: Db, schema: string, log: Log) {
    this.db = db;
    this.schema = schema;
    this.log = log;
  }

  /** Loads the versions and subscribes to their notifications. */
  static async start(db: Db, log: Log): Promise<LayerVersions> {
    const lv = new LayerVersions(db, await currentSchema(db), log);
    lv.stops.push(await db.listen("za_layer_versions", (p) => lv.onVersion(p)));
    lv.stops.push(
      await db.listen("za_assessment_queue", (p) => {
        if (p === null || lv.isOurs(p)) lv.markPending();
      }),
    );
    await lv.reload();
    lv.assessmentsPending = await hasQueuedParks(db);
    return lv;
  }

  /** The current version of `layer`. */
  get(layer: TileLayer): number {
    return this.versions[layer];
  }

  /** Re-reads every version (after a lost LISTEN connection, or after this process wrote). */
  async reload(): Promise<void> {
    const now = await loadLayerVersions(this.db);
    for (const layer of Object.keys(now) as TileLayer[]) this.raise(layer, now[layer]);
  }

  /** After a drain begun at `epoch`: clears the pending flag when the queue is empty and nothing was queued since. */
  async settlePending(epoch: number): Promise<void> {
    const queued = await hasQueuedParks(this.db);
    if (!queued && epoch === this.pendingEpoch) this.assessmentsPending = false;
  }

  private markPending(): void {
    this.assessmentsPending = true;
    this.pendingEpoch++;
  }

  /**
   * Calls `fn` after the LISTEN connection was lost and re-established: notifications may have been
   * missed, so whatever was derived from the versions (cached tiles) must be dropped.
   */
  onResync(fn: () => void): void {
    this.resyncListeners.push(fn);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    const stops = this.stops;
    this.stops = [];
    await Promise.all(stops.map((s) => s()));
  }

  private isOurs(payload: string): boolean {
    try {
      return (JSON.parse(payload) as VersionNotice).schema === this.schema;
    } catch (err) {
      this.log("warn", "unreadable tile notification", { payload, error: (err as Error).message });
      return true;
    }
  }

  private onVersion(payload: string | null): void {
    if (payload === null) {
      for (const fn of this.resyncListeners) fn();
      this.markPending();
      this.resync(0);
      return;
    }
    if (!this.isOurs(payload)) return;
    const n = JSON.parse(payload) as VersionNotice;
    if (n.layer && typeof n.version === "number") this.raise(n.layer, n.version);
  }

  /** Reloads the versions after a reconnect, retrying while the database is still coming back. */
  private resync(attempt: number): void {
    this.reload().catch((err: Error) => {
      this.log("error", "reloading tile versions failed", { error: err.message, attempt });
      if (!this.stopped && attempt < RESYNC_ATTEMPTS)
        setTimeout(() => this.resync(attempt + 1), RESYNC_RETRY_MS).unref();
    });
  }

  /** Versions only grow: a late notification never takes a layer back. */
  private raise(layer: TileLayer, version: number): void {
    if (version > this.versions[layer]) this.versions[layer] = version;
  }
}
