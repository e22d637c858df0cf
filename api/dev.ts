import { spawn } from "node:child_process";
import { createServer } from "vite";

/**
 * `npm run dev`: the API under `tsx watch` (restarts on change, port 8787) plus Vite's dev server
 * with hot reload (port 5173), which proxies /api to the API.
 */
const api = spawn(process.execPath, ["--import", "tsx", "--watch", "api/main.ts"], {
  stdio: "inherit",
  env: { ...process.env, ZA_WEB_DIR: process.env.ZA_WEB_DIR ?? "web" },
});
const vite = await createServer({ configFile: "vite.config.ts", server: { port: 5173, host: "127.0.0.1" } });
await vite.listen();
vite.printUrls();
console.log("Open the Vite URL above for hot reload; the API restarts on change.");

const stop = async () => {
  api.kill("SIGTERM");
  await vite.close();
  process.exit(0);
};
process.on("SIGINT", () => void stop());
process.on("SIGTERM", () => void stop());
api.on("exit", (code) => {
  if (code !== null && code !== 0) console.error(`API exited with code ${code}`);
});
