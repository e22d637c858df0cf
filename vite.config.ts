import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const r = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  root: r("./web"),
  plugins: [react()],
  resolve: {
    alias: { "@geo": r("./geo"), "@api": r("./api"), "@data": r("./data"), "@web": r("./web") },
  },
  build: {
    outDir: r("./dist/web"),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    // maplibre-gl in its own chunk: it changes rarely (long-lived cache) and bench/bundle_size.ts reports
    // the app's own JavaScript apart from it (docs/performance.md).
    rolldownOptions: {
      output: {
        codeSplitting: { groups: [{ name: "maplibre-gl", test: /node_modules[\\/]maplibre-gl[\\/]/ }] },
      },
    },
  },
  server: { proxy: { "/api": "http://127.0.0.1:8787" } },
});
