import type { ParkSummary, Zone } from "@api/schemas/zones.ts";
import { useState } from "react";
import { createPortal } from "react-dom";
import { useAsync } from "../hooks/use_async.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { fetchMe } from "../import_client.ts";
import { ImportDialog } from "./import_dialog.tsx";
import { PanelBoundary } from "./panel_boundary.tsx";

/** Roles that may import (docs/security.md: planner within its zone, admin). */
const IMPORT_ROLES = new Set(["planner", "admin"]);

/**
 * The header's 导入数据 button for a signed-in planner or administrator (GET /api/auth/me; nothing is shown
 * without a session), opening the import dialog for the shown zone.
 */
export function ImportButton({ zone, park }: { zone: Zone; park: ParkSummary | null }) {
  const { lang, t } = useI18n();
  const [meState] = useAsync("me", (signal) => fetchMe(lang, signal));
  const [open, setOpen] = useState(false);
  if (meState.status !== "ok" || !IMPORT_ROLES.has(meState.data.role)) return null;
  const me = meState.data;
  if (me.zoneId !== null && me.zoneId !== zone.id) return null;
  return (
    <>
      <button type="button" className="button" data-testid="import-open" onClick={() => setOpen(true)}>
        {t("import.open")}
      </button>
      {/* In a portal: inside the header the dialog would take the header's colours and stacking context. */}
      {open
        ? createPortal(
            <PanelBoundary name="import">
              <ImportDialog
                zone={zone}
                me={me}
                parkId={park?.zoneId === zone.id ? park.id : null}
                onClose={() => setOpen(false)}
              />
            </PanelBoundary>,
            document.body,
          )
        : null}
    </>
  );
}
