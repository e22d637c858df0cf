import type { Geometry } from "geojson";
import { describe, expect, test } from "vitest";
import { bboxOf, type Frame, frameFor } from "../../web/state/frame.ts";

const square: Geometry = {
  type: "MultiPolygon",
  coordinates: [
    [
      [
        [104.2, 23.3],
        [104.21, 23.3],
        [104.21, 23.31],
        [104.2, 23.3],
      ],
    ],
  ],
};

describe("bboxOf", () => {
  test("nested coordinates of any depth, and geometry collections", () => {
    expect(bboxOf(square)).toEqual([104.2, 23.3, 104.21, 23.31]);
    expect(
      bboxOf({
        type: "GeometryCollection",
        geometries: [square, { type: "Point", coordinates: [99.9, 24] }],
      }),
    ).toEqual([99.9, 23.3, 104.21, 24]);
    expect(bboxOf({ type: "MultiPolygon", coordinates: [] })).toBeNull();
  });
});

describe("frameFor", () => {
  const zone = { id: 1, bbox: [104, 23, 105, 24] as [number, number, number, number] };
  const park = { id: 7, bbox: [104.1, 23.2, 104.3, 23.4] as [number, number, number, number] };
  const plot = { id: 42, geometry: square };

  test("zone, then park, then a linked plot are framed by their own boxes and keys", () => {
    expect(frameFor({ zone, park: null, plot: null }, null, null)).toEqual({
      key: "zone:1",
      bbox: zone.bbox,
    });
    expect(frameFor({ zone, park, plot: null }, null, null)).toEqual({ key: "park:7", bbox: park.bbox });
    expect(frameFor({ zone, park, plot }, null, null)).toEqual({
      key: "plot:42",
      bbox: [104.2, 23.3, 104.21, 23.31],
    });
  });

  test("a plot clicked on the map keeps the previous frame, so the map does not move", () => {
    const previous: Frame = { key: "park:7", bbox: park.bbox };
    expect(frameFor({ zone, park, plot }, 42, previous)).toBe(previous);
    // Another plot than the clicked one (e.g. opened from the table) is framed.
    expect(frameFor({ zone, park, plot }, 41, previous)?.key).toBe("plot:42");
  });
});
