/** Type-only contract for web/: `import type { ApiApp } from "@api/contract.ts"`. */
export type { ApiApp } from "./app.ts";
