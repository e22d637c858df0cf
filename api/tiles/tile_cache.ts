import { createHash } from "node:crypto";
import { brotliCompress, constants, gzip } from "node:zlib";
import { LRUCache } from "lru-cache";

/** A rendered tile: its bytes (empty for an empty tile), strong ETag, and once compressed its gzip and brotli forms. */
export interface RenderedTile {
  readonly body: Uint8Array;
  readonly etag: string;
  gzip?: Uint8Array;
  br?: Uint8Array;
}

/**
 * Brotli quality for cached tiles: 5 compresses MVT about as fast as gzip level 6 and 10–20% smaller;
 * the top qualities cost 10–50× the time for a few percent more.
 */
const BROTLI_QUALITY = 5;

/** Tiles smaller than this are sent as they are (gzip would save less than a packet). */
const GZIP_MIN_BYTES = 1_024;

/** Strong ETag of a tile's bytes: equal bytes give equal tags in every process and version. */
export const tileEtag = (body: Uint8Array): string =>
  `"${createHash("sha256").update(body).digest("base64url").slice(0, 32)}"`;

/**
 * In-memory LRU of rendered tiles bounded by bytes. Keys carry the layer's data version, so a write
 * makes every older entry unreachable at once (they age out); nothing stale is served.
 */
export class TileCache {
  private readonly lru: LRUCache<string, RenderedTile>;
  hits = 0;
  misses = 0;

  constructor(maxBytes: number) {
    this.lru = new LRUCache<string, RenderedTile>({
      maxSize: Math.max(1, maxBytes),
      // 64 bytes of bookkeeping per entry, so empty tiles count too.
      // The compressed forms (each kept only when smaller than the body) are attached later: reserve
      // room for them up front.
      sizeCalculation: (t) => 3 * t.body.byteLength + 64,
    });
  }

  /** Drops every tile (after missed notifications, when versions cannot be trusted). */
  clear(): void {
    this.lru.clear();
  }

  get(key: string): RenderedTile | undefined {
    const t = this.lru.get(key);
    if (t) this.hits++;
    else this.misses++;
    return t;
  }

  /**
   * Caches `tile` and compresses it in the background (zlib's thread pool); later hits can send the
   * gzip or brotli form.
   */
  set(key: string, tile: RenderedTile): void {
    this.lru.set(key, tile);
    // Not kept (cache off, or larger than the whole cache): nobody would send a compressed form.
    if (tile.body.byteLength < GZIP_MIN_BYTES || !this.lru.has(key)) return;
    // Compressing bytes we just produced fails only when memory runs out; the tile then goes out in
    // the forms that did succeed (at worst uncompressed), and the failure is counted.
    gzip(tile.body, { level: 6 }, (err, gz) => {
      if (err) this.compressionFailures++;
      else if (gz.byteLength < tile.body.byteLength) tile.gzip = gz;
    });
    brotliCompress(
      tile.body,
      {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
          [constants.BROTLI_PARAM_SIZE_HINT]: tile.body.byteLength,
        },
      },
      (err, br) => {
        if (err) this.compressionFailures++;
        else if (br.byteLength < tile.body.byteLength) tile.br = br;
      },
    );
  }

  /** Background compressions that failed (each leaves the tile uncompressed in that encoding). */
  compressionFailures = 0;

  get size(): number {
    return this.lru.size;
  }
}
