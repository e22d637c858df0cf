import type { ParkSummary, Zone } from "@api/schemas/zones.ts";
import { useState } from "react";
import { createPortal } from "react-dom";
import { hasRole, useAuth } from "../auth/auth_context.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { ImportDialog } from "./import_dialog.tsx";
import { PanelBoundary } from "./panel_boundary.tsx";

/**
 * The header's 导入数据 button for a planner of the shown zone or an administrator (docs/security.md; nothing
 * is shown to other roles), opening the import dialog for the shown zone.
 */
export function ImportButton({ zone, park }: { zone: Zone; park: ParkSummary | null }) {
  const { t } = useI18n();
  const me = useAuth()?.me;
  const [open, setOpen] = useState(false);
  if (!me || !hasRole(me, "planner")) return null;
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
