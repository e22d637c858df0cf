import { LRUCache } from "lru-cache";
import type { Log } from "../app_env.ts";
import { oldestAssessmentAsOf, queueParks } from "../db/assessments.ts";
import type { Db } from "../db/db.ts";
import { listStatsYears } from "../db/plot_detail.ts";
import {
  constraintFilterParams,
  parkFilterParams,
  plotFilterParams,
  renderMvt,
  TILE_MARGIN,
  type TileFilterParams,
} from "../db/tiles.ts";
import { AppError } from "../errors.ts";
import { refreshQueuedAssessments } from "../metrics/assessment_refresh.ts";
import { todayIso } from "../metrics/plot_assessment.ts";
import type {
  ConstraintTileQuery,
  ParkTileQuery,
  PlotTileFilters,
  PlotTileQuery,
  TileCoords,
  TileLayer,
} from "../schemas/tiles.ts";
import { JsTiler } from "./js_tiler.ts";
import { LayerVersions } from "./layer_versions.ts";
import { type RenderedTile, TileCache, tileEtag } from "./tile_cache.ts";

/** Parks per transaction of the background drain: short, so a tile waiting on one of its parks waits little. */
const BACKGROUND_BATCH = 10;

const tileKey = (layer: TileLayer, t: TileCoords, canonical: string, version: number) =>
  `${layer}/${t.z}/${t.x}/${t.y}?${canonical}#${version}`;

/** A layer's validated query. */
export type TileQuery = PlotTileQuery | ParkTileQuery | ConstraintTileQuery;

/** A tile answer: the tile, whether the cache had it, and the data version it was rendered at. */
export interface TileResult extends RenderedTile {
  readonly cache: "hit" | "miss";
  readonly version: number;
}

export interface TileServiceOptions {
  /** Bytes of rendered tiles kept in memory. */
  cacheBytes: number;
  log: Log;
}

/**
 * Renders, caches and invalidates vector tiles: PostGIS `ST_AsMVT` when the database has it, else the
 * JS tiler (decided by `db.capabilities.mvt`, never by adapter). Cache keys hold the layer's data
 * version, which every write bumps (triggers + NOTIFY, {@link LayerVersions}). Before a plot tile is
 * rendered, queued parks under it are re-assessed so its grades and flags are current.
 */
export class TileService {
  readonly cache: TileCache;
  private readonly js = new JsTiler();
  private years: { version: number; years: number[] } | null = null;
  /** Cache key of each request's tile at the version it was rendered (saves rebuilding filters on hits). */
  private readonly hitKeys = new LRUCache<string, { version: number; key: string }>({ max: 100_000 });

  private readonly db: Db;
  readonly versions: LayerVersions;

  private constructor(db: Db, versions: LayerVersions, opts: TileServiceOptions) {
    this.db = db;
    this.versions = versions;
    this.cache = new TileCache(opts.cacheBytes);
    // Missed notifications (the LISTEN connection was down): drop every cached tile rather than trust
    // versions that may be behind until the reload lands.
    versions.onResync(() => {
      this.cache.clear();
      this.hitKeys.clear();
    });
  }

  /**
   * Subscribes to version notifications, queues every park when the stored assessments are missing or
   * dated, and drains the queue in the background in small batches (tiles over a queued park
   * re-assess it themselves meanwhile).
   */
  static async start(db: Db, opts: TileServiceOptions, now = new Date()): Promise<TileService> {
    const oldest = await oldestAssessmentAsOf(db);
    if (oldest === null || oldest < todayIso(now)) await queueParks(db, "all");
    const service = new TileService(db, await LayerVersions.start(db, opts.log), opts);
    if (service.versions.assessmentsPending) {
      const t0 = Date.now();
      refreshQueuedAssessments(db, { batch: BACKGROUND_BATCH, now }).then(
        (parks) => {
          if (parks.length > 0)
            opts.log("info", "plot assessments refreshed", { parks: parks.length, ms: Date.now() - t0 });
        },
        (err: Error) => opts.log("error", "background plot assessment failed", { error: err.message }),
      );
    }
    return service;
  }

  async stop(): Promise<void> {
    await this.versions.stop();
  }

  /**
   * The tile `layer/z/x/y` for validated filters `query` (x, y already checked against z). `requestKey`
   * (the request's path and query string) lets repeated requests skip rebuilding the filters.
   */
  async tile(
    layer: TileLayer,
    tile: TileCoords,
    query: TileQuery,
    requestKey?: string,
    now = new Date(),
  ): Promise<TileResult> {
    // A cache hit needs no re-assessment: every write that queues a park also bumps the plots
    // version, so a tile cached under the current version was rendered after the last queued change.
    let version = this.versions.get(layer);
    const memo = requestKey === undefined ? undefined : this.hitKeys.get(requestKey);
    if (memo?.version === version) {
      const hit = this.cache.get(memo.key);
      if (hit) return { ...hit, cache: "hit", version };
    }
    let { params, canonical } = await this.filters(layer, query, version);
    const cached = this.cache.get(tileKey(layer, tile, canonical, version));
    if (cached) return { ...cached, cache: "hit", version };
    if (layer === "plots" && (await this.refreshAssessments(tile, now))) {
      version = this.versions.get(layer);
      ({ params, canonical } = await this.filters(layer, query, version));
    }
    const key = tileKey(layer, tile, canonical, version);
    const body = this.db.capabilities.mvt
      ? await renderMvt(this.db, layer, tile, params)
      : await this.js.render(this.db, layer, tile, params, `${layer}?${canonical}#${version}`);
    const rendered = { body, etag: tileEtag(body) };
    this.cache.set(key, rendered);
    if (requestKey !== undefined) this.hitKeys.set(requestKey, { version, key });
    return { ...rendered, cache: "miss", version };
  }

  /** Re-assesses queued parks with plots under the tile; reloads versions and returns true when it wrote. */
  private async refreshAssessments(tile: TileCoords, now: Date): Promise<boolean> {
    if (!this.versions.assessmentsPending) return false;
    const epoch = this.versions.pendingEpoch;
    const done = await refreshQueuedAssessments(this.db, { tile: { ...tile, margin: TILE_MARGIN }, now });
    if (done.length > 0) await this.versions.reload();
    await this.versions.settlePending(epoch);
    return done.length > 0;
  }

  /** The filter parameters (without the detail flag) and their canonical text for cache keys. */
  private async filters(
    layer: TileLayer,
    query: TileQuery,
    version: number,
  ): Promise<{ params: TileFilterParams; canonical: string }> {
    let params: TileFilterParams;
    if (layer === "plots") {
      const q = query as PlotTileQuery;
      const f: PlotTileFilters = {
        year: await this.resolveYear(q.year, version),
        indicator: q.indicator ?? "outputPerMuWan",
        zone: q.zone ?? null,
        park: q.park ?? null,
        status: q.status ?? null,
        grade: q.grade ?? null,
        flag: q.flag ?? null,
        review: q.review ?? null,
        min: q.min ?? null,
        max: q.max ?? null,
      };
      params = plotFilterParams(f);
    } else if (layer === "parks") {
      params = parkFilterParams(query as ParkTileQuery);
    } else {
      params = constraintFilterParams(query as ConstraintTileQuery);
    }
    return { params, canonical: JSON.stringify(params) };
  }

  /** The asked statistics year (400 naming `year` when there are no statistics for it), default the latest. */
  private async resolveYear(asked: number | undefined, version: number): Promise<number> {
    if (this.years?.version !== version) this.years = { version, years: await listStatsYears(this.db) };
    const { years } = this.years;
    if (asked === undefined) return years.at(-1) ?? new Date().getFullYear() - 1;
    if (!years.includes(asked))
      throw new AppError("invalid_request", {
        field: "year",
        reason: `no statistics for ${asked}; available: ${years.join(", ") || "—"}`,
      });
    return asked;
  }
}
