/** The investment office's internal pages: `#/staff?tab=inquiries|match|referrals|sharing&zone=&year=`. */
export const STAFF_TABS = ["inquiries", "match", "referrals", "sharing"] as const;
export type StaffTab = (typeof STAFF_TABS)[number];

export interface StaffRoute {
  tab: StaffTab;
  zone?: number;
  year?: number;
}

const RE = /^#\/staff\/?(?:\?(.*))?$/;

/** Parses a hash; null when it is not a staff route. */
export function parseStaffHash(hash: string): StaffRoute | null {
  const m = RE.exec(hash);
  if (!m) return null;
  const q = new URLSearchParams(m[1] ?? "");
  const tab = STAFF_TABS.find((t) => t === q.get("tab")) ?? "inquiries";
  const out: StaffRoute = { tab };
  const zone = Number(q.get("zone"));
  if (Number.isSafeInteger(zone) && zone > 0) out.zone = zone;
  const year = Number(q.get("year"));
  if (Number.isInteger(year) && year >= 1990 && year <= 2100) out.year = year;
  return out;
}

/** The hash of a staff route. */
export function staffHash(r: StaffRoute): string {
  const q = new URLSearchParams({ tab: r.tab });
  if (r.zone !== undefined) q.set("zone", String(r.zone));
  if (r.year !== undefined) q.set("year", String(r.year));
  return `#/staff?${q.toString()}`;
}
