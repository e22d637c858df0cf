import { prewarm, setWorkerUrl } from "maplibre-gl";
import "maplibre-gl/dist/maplibre-gl.css";
// maplibre-gl 6 finds its worker next to its own module by default; once bundled that file is
// elsewhere, so point it at the copy Vite emits (same origin, nothing fetched from the network).
import workerUrl from "maplibre-gl/dist/maplibre-gl-worker.mjs?url";

setWorkerUrl(workerUrl);
// Start the tile worker now, while /api/zones loads, instead of when the first map is created: the worker
// script and its start-up no longer sit on the path to the first plot tiles (docs/performance.md).
prewarm();
