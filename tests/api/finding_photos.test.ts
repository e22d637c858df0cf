import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createApp } from "../../api/app.ts";
import { createAccount } from "../../api/auth/accounts.ts";
import { PHOTO_MAX_BYTES } from "../../api/findings/photo_type.ts";
import type { FindingDetail } from "../../api/schemas/findings.ts";
import type { ErrorBody } from "../helpers/api.ts";
import { JPEG, PNG, photoForm, WEBP } from "../helpers/photos.ts";
import { call, logIn, type TestSession } from "../helpers/session.ts";
import { ADAPTERS, openAdapterDb, type TestDb } from "../helpers/test_db.ts";

type App = ReturnType<typeof createApp>;

/** Evidence photos of findings: type by magic bytes, size limit, storage and serving, zone checks. */
describe.each(ADAPTERS)("finding photos on %s", (kind) => {
  let t: TestDb;
  let app: App;
  let reviewer: TestSession;
  let planner: TestSession;
  let reviewerZone2: TestSession;
  let plotId: number;

  beforeAll(async () => {
    t = await openAdapterDb(kind);
    app = createApp({ db: t.db, log: () => {} });
    const rows = await t.db.query<{ id: number }>(
      "SELECT pl.id FROM plots pl JOIN parks p ON p.id = pl.park_id WHERE p.zone_id = 1 ORDER BY pl.id LIMIT 1",
    );
    plotId = rows[0]?.id ?? 0;
    await createAccount(t.db, {
      username: "rev-z2",
      role: "reviewer",
      zoneId: 2,
      password: "rev-z2-password",
    });
    reviewer = await logIn(app, "reviewer", "reviewer-demo");
    planner = await logIn(app, "planner", "planner-demo");
    reviewerZone2 = await logIn(app, "rev-z2", "rev-z2-password");
  });
  afterAll(async () => t.cleanup());

  const open = async () => {
    const res = await call<FindingDetail>(app, reviewer, "POST", "/api/findings", {
      plotId,
      kind: "idle",
      note: "site",
    });
    expect(res.status).toBe(201);
    return res.body;
  };
  const move = (f: { id: number }, body: Record<string, unknown>) =>
    call<FindingDetail & ErrorBody>(app, reviewer, "POST", `/api/findings/${f.id}/transitions`, body);

  test("photos: JPEG, PNG and WebP by magic bytes are stored and served back; the rest refused", async () => {
    const f = await open();
    for (const [bytes, type] of [
      [JPEG, "image/jpeg"],
      [PNG, "image/png"],
      [WEBP, "image/webp"],
    ] as const) {
      // The client's name and type are ignored: the content decides.
      const res = await call<FindingDetail & { photoId: number }>(
        app,
        reviewer,
        "POST",
        `/api/findings/${f.id}/photos`,
        photoForm(bytes, "../../etc/passwd", "text/plain", "north gate"),
      );
      expect(res.status).toBe(201);
      const photo = res.body.photos.find((p) => p.id === res.body.photoId);
      expect(photo).toMatchObject({ mediaType: type, sizeBytes: bytes.length, caption: "north gate" });
      const got = await app.request(photo?.url ?? "", { headers: { Cookie: planner.cookie } });
      expect(got.status).toBe(200);
      expect(got.headers.get("Content-Type")).toBe(type);
      expect(got.headers.get("X-Content-Type-Options")).toBe("nosniff");
      expect(new Uint8Array(await got.arrayBuffer())).toEqual(bytes);
    }
    const html = new TextEncoder().encode("<script>alert(1)</script>");
    const fake = await call<ErrorBody>(
      app,
      reviewer,
      "POST",
      `/api/findings/${f.id}/photos`,
      photoForm(html, "x.jpg", "image/jpeg"),
    );
    expect(fake.status).toBe(415);
    expect(fake.body.error.code).toBe("photo_unsupported_type");
    const noFile = new FormData();
    noFile.append("caption", "nothing");
    expect(
      (await call<ErrorBody>(app, reviewer, "POST", `/api/findings/${f.id}/photos`, noFile)).body.error.code,
    ).toBe("invalid_request");
  });

  test("malformed multipart answers 400, and a closed finding takes no more photos (409 finding_closed)", async () => {
    const f = await open();
    const garbage = await app.request(`/api/findings/${f.id}/photos`, {
      method: "POST",
      headers: {
        Cookie: reviewer.cookie,
        "X-CSRF-Token": reviewer.csrfToken,
        "Content-Type": "multipart/form-data; boundary=xyz",
        "Accept-Language": "en",
      },
      body: '--xyz\r\nContent-Disposition: form-data; name="file"; filename="a"\r\n\r\nabc',
    });
    expect(garbage.status).toBe(400);
    expect(((await garbage.json()) as ErrorBody).error.code).toBe("invalid_request");
    await move(f, { to: "closed", version: 1, note: "not idle after all" });
    const late = await call<ErrorBody>(
      app,
      reviewer,
      "POST",
      `/api/findings/${f.id}/photos`,
      photoForm(PNG, "a.png", "image/png"),
    );
    expect([late.status, late.body.error.code]).toEqual([409, "finding_closed"]);
  });

  test("a photo over the size limit answers 413 photo_too_large and stores nothing", async () => {
    const f = await open();
    const big = new Uint8Array(PHOTO_MAX_BYTES + 1);
    big.set(JPEG);
    const res = await call<ErrorBody>(
      app,
      reviewer,
      "POST",
      `/api/findings/${f.id}/photos`,
      photoForm(big, "big.jpg", "image/jpeg"),
    );
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe("photo_too_large");
    const detail = await call<FindingDetail>(app, reviewer, "GET", `/api/findings/${f.id}`);
    expect(detail.body.photos).toEqual([]);
  });

  test("photos of another zone's finding are refused to zone-scoped reviewers (403 zone_forbidden)", async () => {
    const f = await open();
    const res = await call<ErrorBody>(
      app,
      reviewerZone2,
      "POST",
      `/api/findings/${f.id}/photos`,
      photoForm(PNG, "a.png", "image/png"),
    );
    expect([res.status, res.body.error.code]).toEqual([403, "zone_forbidden"]);
    const up = await call<FindingDetail & { photoId: number }>(
      app,
      reviewer,
      "POST",
      `/api/findings/${f.id}/photos`,
      photoForm(PNG, "a.png", "image/png"),
    );
    const get = await call<ErrorBody>(
      app,
      reviewerZone2,
      "GET",
      `/api/findings/${f.id}/photos/${up.body.photoId}`,
    );
    expect([get.status, get.body.error.code]).toEqual([403, "zone_forbidden"]);
    const anon = await app.request(`/api/findings/${f.id}/photos/${up.body.photoId}`);
    expect(anon.status).toBe(401);
  });
});
