import { expect } from "vitest";
import type { createApp } from "../../api/app.ts";

type App = ReturnType<typeof createApp>;

/** A signed-in test client: the `za_session=…` cookie pair and the CSRF token. */
export interface TestSession {
  cookie: string;
  csrf: string;
}

/** Logs in through `POST /api/auth/login` and returns the cookie and CSRF token. */
export async function loginAs(app: App, username: string, password: string): Promise<TestSession> {
  const res = await app.request("/api/auth/login", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ username, password }),
  });
  expect(res.status).toBe(200);
  const body = (await res.json()) as { csrfToken: string };
  const cookie = res.headers.get("set-cookie")?.split(";")[0] ?? "";
  expect(cookie).toMatch(/^za_session=/);
  return { cookie, csrf: body.csrfToken };
}

/**
 * Sends a request as `session` (cookie, and X-CSRF-Token on writes; null → anonymous) with a JSON or
 * FormData body; returns status and parsed JSON (null for an empty body).
 */
export async function call<T = unknown>(
  app: App,
  session: TestSession | null,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: T; headers: Headers }> {
  const headers: Record<string, string> = { "Accept-Language": "en" };
  if (session) {
    headers.Cookie = session.cookie;
    if (method !== "GET") headers["X-CSRF-Token"] = session.csrf;
  }
  let payload: BodyInit | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers["Content-Type"] = "application/json";
    payload = JSON.stringify(body);
  }
  const res = await app.request(path, {
    method,
    headers,
    ...(payload === undefined ? {} : { body: payload }),
  });
  const type = res.headers.get("Content-Type") ?? "";
  const text = type.includes("json") ? await res.text() : "";
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T, headers: res.headers };
}
