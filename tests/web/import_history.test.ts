import { describe, expect, test } from "vitest";
import { undoableIds } from "../../web/components/import_history.tsx";
import type { ImportHistoryRow } from "../../web/import_client.ts";

const row = (id: number, target: ImportHistoryRow["target"], undone = false): ImportHistoryRow => ({
  id,
  target,
  parkId: null,
  fileName: `f${id}`,
  format: "shapefile",
  featureCount: 1,
  insertedCount: 1,
  updatedCount: 0,
  createdBy: "planner",
  createdAt: "2026-11-28T00:00:00.000Z",
  undoneAt: undone ? "2026-11-28T01:00:00.000Z" : null,
});

describe("undoableIds", () => {
  test("the newest import in force of each target, skipping undone ones, in any order", () => {
    const rows = [
      row(1, "plots"),
      row(5, "plots", true),
      row(4, "stats"),
      row(2, "constraints"),
      row(3, "plots"),
    ];
    expect([...undoableIds(rows)].sort()).toEqual([2, 3, 4]);
  });
  test("nothing when every import is undone", () => {
    expect(undoableIds([row(1, "plots", true)]).size).toBe(0);
  });
});
