import type { zhCNAuth } from "./zh_cn_auth.ts";

/** English strings of signing in and out; a missing key fails typecheck. */
export const enAuth: Record<keyof typeof zhCNAuth, string> = {
  "auth.checking": "Checking your session…",
  "auth.title": "Staff sign-in",
  "auth.intro":
    "The map, plots and enterprise statistics are for staff only. Investors can browse available land without an account.",
  "auth.username": "Username",
  "auth.password": "Password",
  "auth.submit": "Sign in",
  "auth.submitting": "Signing in…",
  "auth.sessionEnded": "Your session has ended. Please sign in again.",
  "auth.investLink": "Go to the investor portal (no sign-in needed)",
  "auth.demo.title": "Demo accounts (illustrative data)",
  "auth.demo.note":
    "While the illustrative demo data is loaded, each role has a public demo account; they never exist in a real deployment.",
  "auth.demo.account": "Account",
  "auth.demo.passwordCol": "Password",
  "auth.demo.roleCol": "Role",
  "auth.demo.use": "Fill in",
  "auth.demo.useLabel": "Sign in as {username}",
  "auth.role.admin": "Administrator",
  "auth.role.reviewer": "Reviewer (natural-resources bureau)",
  "auth.role.planner": "Planner (zone management committee)",
  "auth.role.investment_officer": "Investment officer (investment office)",
  "auth.signedInAs": "{username} · {role}",
  "auth.allZones": "All zones",
  "auth.logout": "Sign out",
  "auth.noAccess": "Your account ({role}) cannot open this page.",
  "auth.switchAccount": "Switch account",
};
