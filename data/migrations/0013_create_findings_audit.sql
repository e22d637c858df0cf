-- Review workflow on plots and the audit log (issue 9, items 3 and 4).
-- A finding (idle land, low efficiency, data error) moves identified → verified → disposal_decided → closed
-- (or is dismissed: identified | verified → closed); the legal moves live in geo/finding_workflow.ts.
-- Every transition is a row of finding_transitions; photos are stored as bytea (never a client path).

CREATE TABLE plot_findings (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  plot_id integer NOT NULL REFERENCES plots (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('idle', 'low_efficiency', 'data_error')),
  status text NOT NULL DEFAULT 'identified'
    CHECK (status IN ('identified', 'verified', 'disposal_decided', 'closed')),
  note text NOT NULL DEFAULT '' CHECK (length(note) <= 4000),
  disposal text CHECK (disposal IN ('fee', 'reclaim', 'extension', 'change_of_use', 'negotiated_takeback')),
  -- Idle-land fee fixed when the disposal `fee` is decided (geo/idle_land.ts assessIdleLand), 万元.
  fee_wan double precision CHECK (fee_wan >= 0),
  fee_as_of date,
  version integer NOT NULL DEFAULT 1,
  created_by integer REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((status IN ('disposal_decided', 'closed')) OR disposal IS NULL)
);
CREATE INDEX plot_findings_plot_id ON plot_findings (plot_id);
CREATE INDEX plot_findings_status ON plot_findings (status);

CREATE TABLE finding_transitions (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  finding_id integer NOT NULL REFERENCES plot_findings (id) ON DELETE CASCADE,
  -- NULL from_status: the finding was opened.
  from_status text,
  to_status text NOT NULL,
  note text NOT NULL DEFAULT '',
  user_id integer REFERENCES users (id) ON DELETE SET NULL,
  username text NOT NULL,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX finding_transitions_finding_id ON finding_transitions (finding_id, id);

CREATE TABLE finding_photos (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  finding_id integer NOT NULL REFERENCES plot_findings (id) ON DELETE CASCADE,
  -- Detected from the magic bytes, never taken from the client.
  media_type text NOT NULL CHECK (media_type IN ('image/jpeg', 'image/png', 'image/webp')),
  bytes bytea NOT NULL,
  size_bytes integer NOT NULL CHECK (size_bytes > 0),
  caption text NOT NULL DEFAULT '' CHECK (length(caption) <= 500),
  user_id integer REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX finding_photos_finding_id ON finding_photos (finding_id);

-- Who changed what, when: one row per edit, written in the edit's transaction.
CREATE TABLE audit_log (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  user_id integer REFERENCES users (id) ON DELETE SET NULL,
  -- Kept when the account is deleted.
  username text NOT NULL,
  entity text NOT NULL CHECK (entity IN ('plot', 'finding', 'finding_photo')),
  entity_id integer NOT NULL,
  -- The plot the edit concerns, so the per-plot history is one index scan.
  plot_id integer NOT NULL,
  action text NOT NULL,
  before jsonb,
  after jsonb
);
CREATE INDEX audit_log_plot_id ON audit_log (plot_id, id);

-- A finding's status change changes the plots layer's `review` filter: bump its tile version.
CREATE TRIGGER plot_findings_tile_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON plot_findings
  FOR EACH STATEMENT EXECUTE FUNCTION za_bump_layer_version('plots');
