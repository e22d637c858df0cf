import { createHash } from "node:crypto";
import { gzip } from "node:zlib";
import { LRUCache } from "lru-cache";

/** A rendered tile: its bytes (empty for an empty tile), strong ETag, and once compressed its gzip form. */
export interface RenderedTile {
  readonly body: Uint8Array;
  readonly etag: string;
  gzip?: Uint8Array;
}

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
      // The gzip form (at most the body's size) is attached later: reserve room for it up front.
      sizeCalculation: (t) => 2 * t.body.byteLength + 64,
    });
  }

  get(key: string): RenderedTile | undefined {
    const t = this.lru.get(key);
    if (t) this.hits++;
    else this.misses++;
    return t;
  }

  /** Caches `tile` and compresses it in the background (zlib's thread pool); later hits can send gzip. */
  set(key: string, tile: RenderedTile): void {
    this.lru.set(key, tile);
    // Not kept (cache off, or larger than the whole cache): nobody would send the gzip form.
    if (tile.body.byteLength < GZIP_MIN_BYTES || !this.lru.has(key)) return;
    gzip(tile.body, { level: 6 }, (err, gz) => {
      // Compression of bytes we just produced cannot fail short of memory exhaustion; without it the
      // tile is simply sent uncompressed.
      if (err) return;
      if (gz.byteLength < tile.body.byteLength) tile.gzip = gz;
    });
  }

  get size(): number {
    return this.lru.size;
  }
}
