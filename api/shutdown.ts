import type { Server } from "node:http";

/** How often idle keep-alive sockets are closed during a drain, ms. */
const IDLE_SWEEP_MS = 50;

/**
 * Stops `server` gracefully: it stops accepting connections at once, closes idle keep-alive
 * connections, lets in-flight requests finish, and after `drainMs` cuts whatever is still open.
 * Resolves once every connection is closed; `timedOut` tells whether requests had to be cut.
 */
export function drainServer(server: Server, drainMs: number): Promise<{ timedOut: boolean }> {
  return new Promise((resolve, reject) => {
    let timedOut = false;
    // Responses of requests that arrive on kept-alive sockets during the drain tell the client to go away.
    const onRequest = (_req: unknown, res: { setHeader(name: string, value: string): void }) =>
      res.setHeader("Connection", "close");
    server.on("request", onRequest);
    // Sockets whose in-flight request just finished turn idle: close them as they do, rather than
    // waiting for the keep-alive timeout.
    const sweep = setInterval(() => server.closeIdleConnections(), IDLE_SWEEP_MS);
    const timer = setTimeout(() => {
      timedOut = true;
      server.closeAllConnections();
    }, drainMs);
    server.close((err) => {
      clearTimeout(timer);
      clearInterval(sweep);
      server.off("request", onRequest);
      if (err) reject(err);
      else resolve({ timedOut });
    });
    server.closeIdleConnections();
  });
}
