import { findingFeeWan, isFindingDismissal, isLegalFindingTransition } from "../../geo/finding_workflow.ts";
import type { IsoDate } from "../../geo/types.ts";
import { type Actor, insertAudit } from "../db/audit_log.ts";
import type { Db } from "../db/db.ts";
import {
  getFinding,
  getFindingDetail,
  getPlotForFinding,
  insertFinding,
  insertPhoto,
  insertTransition,
  updateFindingStatus,
} from "../db/findings.ts";
import { AppError } from "../errors.ts";
import type {
  FindingCreate,
  FindingDetail,
  FindingPhoto,
  FindingTransitionBody,
} from "../schemas/findings.ts";

type FindingRow = NonNullable<Awaited<ReturnType<typeof getFinding>>>;

/** The part of a finding the audit log keeps before and after a transition. */
const auditState = (f: Pick<FindingRow, "status" | "disposal" | "feeWan" | "feeAsOf" | "version">) => ({
  status: f.status,
  disposal: f.disposal,
  feeWan: f.feeWan,
  feeAsOf: f.feeAsOf,
  version: f.version,
});

const FEE_REASONS = {
  not_idle_kind: { "zh-CN": "只有闲置土地类核查发现才征缴闲置费", en: "only idle-land findings carry a fee" },
  not_idle: { "zh-CN": "截至该日期宗地未构成闲置土地", en: "the plot is not idle land as of that date" },
  exempt: {
    "zh-CN": "延迟动工由政府原因或不可抗力造成（第八条），不征收闲置费",
    en: "the delay was caused by the government or force majeure (art. 8): no fee",
  },
  no_land_price: { "zh-CN": "宗地缺少土地价款", en: "the plot has no land price" },
} as const;

/** Opens a finding on a plot (already checked to exist and be in the account's zone) with its audit row. */
export async function openFinding(db: Db, body: FindingCreate, actor: Actor): Promise<FindingDetail> {
  return db.transaction(async (tx) => {
    const id = await insertFinding(tx, body, actor);
    const created = await getFindingDetail(tx, id);
    if (!created) throw new Error(`finding ${id} vanished inside its own transaction`);
    await insertAudit(tx, {
      actor,
      entity: "finding",
      entityId: id,
      plotId: body.plotId,
      action: "open",
      before: null,
      after: { kind: created.kind, note: created.note, ...auditState(created) },
    });
    return created;
  });
}

/**
 * Moves a finding (row locked) to `body.to`: 409 `version_conflict` with the current finding on a stale
 * version, 409 `finding_transition_illegal` on an illegal move, 422 on a missing or unexpected disposal, a
 * dismissal without note, or a fee that does not apply. The fee comes from geo/ `findingFeeWan`.
 * `check` runs on the locked row first (zone access).
 */
export async function transitionFinding(
  db: Db,
  id: number,
  body: FindingTransitionBody,
  actor: Actor,
  today: IsoDate,
  check: (f: FindingRow) => void,
  lang: "zh-CN" | "en",
): Promise<FindingDetail> {
  return db.transaction(async (tx) => {
    const cur = await getFinding(tx, id, { forUpdate: true });
    if (!cur) throw new AppError("finding_not_found", { id });
    check(cur);
    if (cur.version !== body.version)
      throw new AppError(
        "version_conflict",
        { entityZh: "核查发现", entityEn: "Finding", id, current: cur.version, sent: body.version },
        { current: await getFindingDetail(tx, id) },
      );
    if (!isLegalFindingTransition(cur.status, body.to))
      throw new AppError(
        "finding_transition_illegal",
        { from: cur.status, to: body.to, allowed: cur.next.join(", ") || "—" },
        { from: cur.status, to: body.to, allowed: cur.next },
      );
    const deciding = body.to === "disposal_decided";
    if (deciding && body.disposal === undefined) throw new AppError("finding_disposal_required");
    if (!deciding && body.disposal !== undefined) throw new AppError("finding_disposal_unexpected");
    if (isFindingDismissal(cur.status, body.to) && body.note === "")
      throw new AppError("finding_note_required");
    let decided: Parameters<typeof updateFindingStatus>[4] = null;
    if (deciding && body.disposal !== undefined) {
      decided = { disposal: body.disposal, feeWan: null, feeAsOf: null };
      if (body.disposal === "fee") {
        const asOf = body.asOf ?? today;
        const plot = await getPlotForFinding(tx, cur.plotId);
        if (!plot) throw new AppError("plot_not_found", { id: cur.plotId });
        const fee = findingFeeWan(cur.kind, plot, asOf);
        if (!fee.ok)
          throw new AppError(
            "finding_fee_not_applicable",
            { reason: FEE_REASONS[fee.reason][lang] },
            { reason: fee.reason, asOf, idle: fee.assessment },
          );
        decided = { disposal: "fee", feeWan: fee.feeWan, feeAsOf: asOf };
      }
    }
    const version = await updateFindingStatus(tx, id, cur.version, body.to, decided);
    if (version === null) throw new Error(`finding ${id} changed under a row lock`);
    await insertTransition(tx, id, cur.status, body.to, body.note, actor);
    const after = await getFindingDetail(tx, id);
    if (!after) throw new Error(`finding ${id} vanished inside its own transaction`);
    await insertAudit(tx, {
      actor,
      entity: "finding",
      entityId: id,
      plotId: cur.plotId,
      action: `transition:${cur.status}->${body.to}`,
      before: auditState(cur),
      after: { ...auditState(after), note: body.note },
    });
    return after;
  });
}

/** Stores an evidence photo of finding `f` with its audit row; returns the finding with the new photo. */
export async function addPhoto(
  db: Db,
  f: FindingRow,
  photo: { mediaType: FindingPhoto["mediaType"]; bytes: Uint8Array; caption: string },
  actor: Actor,
): Promise<{ finding: FindingDetail; photoId: number }> {
  return db.transaction(async (tx) => {
    const photoId = await insertPhoto(tx, { findingId: f.id, ...photo, userId: actor.userId });
    await insertAudit(tx, {
      actor,
      entity: "finding_photo",
      entityId: photoId,
      plotId: f.plotId,
      action: "add_photo",
      before: null,
      after: {
        findingId: f.id,
        mediaType: photo.mediaType,
        sizeBytes: photo.bytes.byteLength,
        caption: photo.caption,
      },
    });
    const finding = await getFindingDetail(tx, f.id);
    if (!finding) throw new Error(`finding ${f.id} vanished inside its own transaction`);
    return { finding, photoId };
  });
}
