import { z } from "zod";

/** Staff roles (issue 9): admin, reviewer (natural-resources bureau), planner (zone management committee), investment officer. */
export const RoleSchema = z.enum(["admin", "reviewer", "planner", "investment_officer"]);
export type Role = z.infer<typeof RoleSchema>;

/** Usernames: lower-case ASCII letters, digits, `_ . -`, 2–63 characters (the users table checks the same). */
export const UsernameSchema = z.string().regex(/^[a-z0-9][a-z0-9_.-]{1,62}$/, "2–63 of a-z 0-9 _ . -");

/** Largest accepted login body in bytes (413 `payload_too_large` above). */
export const LOGIN_MAX_BODY_BYTES = 4096;

/**
 * `POST /api/auth/login` body. The username is not checked against {@link UsernameSchema} here: any string
 * that is not an account answers the same 401 `invalid_credentials` as a wrong password.
 */
export const LoginSchema = z.object({
  username: z.string().min(1).max(200),
  password: z.string().min(1).max(1024),
});
export type Login = z.infer<typeof LoginSchema>;

/** A new account (`npm run user:create`). `zoneId` null: every zone. */
export const UserCreateSchema = z.object({
  username: UsernameSchema,
  role: RoleSchema,
  zoneId: z.number().int().positive().nullable(),
  password: z.string().min(12, "at least 12 characters").max(1024),
});
export type UserCreate = z.infer<typeof UserCreateSchema>;

/** The signed-in account, as `POST /api/auth/login` and `GET /api/auth/me` answer it. */
export interface Me {
  username: string;
  role: Role;
  /** null: every zone. */
  zoneId: number | null;
  /** Send it back as `X-CSRF-Token` on every POST, PUT, PATCH and DELETE. */
  csrfToken: string;
}

/** One account in `GET /api/auth/users` (admin only); never the password hash. */
export interface UserRow {
  id: number;
  username: string;
  role: Role;
  zoneId: number | null;
  disabled: boolean;
  isDemo: boolean;
  createdAt: string;
}
