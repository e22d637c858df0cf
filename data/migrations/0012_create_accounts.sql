-- Accounts and sessions (issue 9, first slice): staff users with one role and an optional zone scope,
-- server-side sessions keyed by the hash of a random cookie token, and failed logins for rate limiting.

CREATE TABLE users (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  username text NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9][a-z0-9_.-]{1,62}$'),
  role text NOT NULL CHECK (role IN ('admin', 'reviewer', 'planner', 'investment_officer')),
  -- NULL: every zone. A zone-scoped account may only act within its zone.
  zone_id integer REFERENCES zones (id) ON DELETE RESTRICT,
  -- scrypt$N$r$p$salt$hash (base64url); see api/auth/password.ts.
  password_hash text NOT NULL,
  disabled boolean NOT NULL DEFAULT false,
  -- Demo accounts (README) exist only while the demo dataset is loaded.
  is_demo boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE sessions (
  -- SHA-256 (hex) of the 32-byte random token in the cookie: a leaked table does not yield live cookies.
  id text PRIMARY KEY CHECK (length(id) = 64),
  user_id integer NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  -- Double-submit CSRF token, sent back in X-CSRF-Token on state-changing requests.
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  CHECK (expires_at > created_at)
);
CREATE INDEX sessions_user_id ON sessions (user_id);
CREATE INDEX sessions_expires_at ON sessions (expires_at);

-- Failed logins per (username, client address); in the database so that every API instance shares them.
CREATE TABLE login_failures (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  username text NOT NULL,
  client_ip text NOT NULL,
  failed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_failures_key ON login_failures (username, client_ip, failed_at);
