import { type ConstraintType, ConstraintTypeSchema } from "@api/schemas/enums.ts";
import { useMemo, useState } from "react";
import type { ConstraintCollection } from "../api_client.ts";

/** Constraint types in the order the legend lists them. */
export const CONSTRAINT_TYPES: readonly ConstraintType[] = ConstraintTypeSchema.options;

/** Which constraint types the zone has, and which of them the person left switched on in the legend. */
export interface ConstraintToggles {
  /** The types present in the zone's constraint layers, in `CONSTRAINT_TYPES` order. */
  present: ConstraintType[];
  visible: Readonly<Record<ConstraintType, boolean>>;
  setVisible(type: ConstraintType, visible: boolean): void;
}

const ALL_ON = Object.fromEntries(CONSTRAINT_TYPES.map((t) => [t, true])) as Record<ConstraintType, boolean>;

/**
 * Legend state for the constraint layers: every type on by default; toggling only changes layer
 * visibility, the data stays loaded. `constraints` is the zone's `GET /api/constraints` collection.
 */
export function useConstraintToggles(constraints: ConstraintCollection | null): ConstraintToggles {
  const [visible, setVisibleState] = useState<Record<ConstraintType, boolean>>(ALL_ON);
  const present = useMemo(() => {
    const seen = new Set(constraints?.features.map((f) => f.properties.type));
    return CONSTRAINT_TYPES.filter((t) => seen.has(t));
  }, [constraints]);
  return {
    present,
    visible,
    setVisible(type, on) {
      setVisibleState((v) => ({ ...v, [type]: on }));
    },
  };
}
