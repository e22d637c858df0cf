-- Zone metrics from maintained facts (api/db/metrics_facts.ts, decision 0005).
--
-- A zone's metrics (TD/T 1029 sums and the 亩均 grade distribution) are aggregated over stored
-- per-plot and per-firm facts instead of joining a zone's plots, firms and statistics on every
-- request. The facts are the rows the from-scratch statements compute (api/db/metrics_sql.ts,
-- api/db/mu_jun_sql.ts), stored per statistics year; they are refreshed for every park queued in
-- `za_metrics_queue` before a zone's metrics are read, so a read never sees facts older than the data.

CREATE TABLE za_metrics_queue (
  park_id integer PRIMARY KEY REFERENCES parks (id) ON DELETE CASCADE,
  queued_at timestamptz NOT NULL DEFAULT now()
);

-- One row per plot and statistics year: the plot's condition mask and summed quantities (e0 … e7 in
-- the order of api/db/metrics_sql.ts), as of 31 December of the year. zone_id is the park's zone when
-- the row was written (a park moved to another zone is queued, so its rows are rewritten).
CREATE TABLE plot_metric_facts (
  year integer NOT NULL,
  zone_id integer NOT NULL REFERENCES zones (id) ON DELETE CASCADE,
  park_id integer NOT NULL REFERENCES parks (id) ON DELETE CASCADE,
  plot_id integer NOT NULL,
  enterprise_id integer,
  mask bigint NOT NULL,
  e0 double precision, e1 double precision, e2 double precision, e3 double precision,
  e4 double precision, e5 double precision, e6 double precision, e7 double precision,
  PRIMARY KEY (year, zone_id, park_id, plot_id)
);
CREATE INDEX plot_metric_facts_park ON plot_metric_facts (park_id);

-- One row per statistics year, zone and enterprise with a plot in that zone: the 亩均 inputs
-- (scale class, whole land, that year's statistics; NULL statistics when the firm did not report),
-- and plot_mask, the OR of the masks of the firm's plots in the zone (for distinct-firm counts).
CREATE TABLE firm_metric_facts (
  year integer NOT NULL,
  zone_id integer NOT NULL REFERENCES zones (id) ON DELETE CASCADE,
  enterprise_id integer NOT NULL,
  is_above_scale boolean NOT NULL,
  has_stats boolean NOT NULL,
  plot_mask bigint NOT NULL,
  land_m2 double precision,
  output_wan double precision, value_added_wan double precision, tax_wan double precision,
  revenue_wan double precision, fixed_asset_investment_wan double precision, energy_tce double precision,
  emissions_t double precision, electricity_kwh double precision, employees double precision,
  rnd_wan double precision,
  PRIMARY KEY (year, zone_id, enterprise_id)
);
CREATE INDEX firm_metric_facts_enterprise ON firm_metric_facts (enterprise_id);

-- The definition the stored facts were computed with (a hash of the statements and their rule
-- parameters) and the statistics years they cover; a change of either rebuilds every park.
CREATE TABLE za_metrics_facts_state (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  definition text,
  years integer[] NOT NULL DEFAULT '{}'
);
INSERT INTO za_metrics_facts_state DEFAULT VALUES;

-- Writes queue parks for both the tile assessments (0007) and the metrics facts.
CREATE OR REPLACE FUNCTION za_queue_parks(park_ids integer[]) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  n integer;
BEGIN
  INSERT INTO za_assessment_queue (park_id)
  SELECT DISTINCT p FROM unnest(park_ids) p WHERE p IS NOT NULL AND EXISTS (SELECT 1 FROM parks WHERE id = p)
  ON CONFLICT (park_id) DO UPDATE SET queued_at = now();
  GET DIAGNOSTICS n = ROW_COUNT;
  INSERT INTO za_metrics_queue (park_id)
  SELECT DISTINCT p FROM unnest(park_ids) p WHERE p IS NOT NULL AND EXISTS (SELECT 1 FROM parks WHERE id = p)
  ON CONFLICT (park_id) DO UPDATE SET queued_at = now();
  IF n > 0 THEN
    PERFORM pg_notify('za_assessment_queue', json_build_object('schema', current_schema())::text);
  END IF;
END $$;

-- A plot write changes its enterprise's whole land (enterprises.land_m2), which splits the firm's
-- statistics over all its plots: queue the parks of every plot of the firms involved, not only the
-- parks of the written plots (before this migration a firm's plots in other parks kept stale shares).
CREATE OR REPLACE FUNCTION za_queue_plot_parks() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  parks_hit integer[];
  firms integer[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    parks_hit := ARRAY(SELECT park_id FROM new_rows);
    firms := ARRAY(SELECT enterprise_id FROM new_rows WHERE enterprise_id IS NOT NULL);
  ELSIF TG_OP = 'DELETE' THEN
    parks_hit := ARRAY(SELECT park_id FROM old_rows);
    firms := ARRAY(SELECT enterprise_id FROM old_rows WHERE enterprise_id IS NOT NULL);
  ELSE
    parks_hit := ARRAY(SELECT park_id FROM new_rows UNION SELECT park_id FROM old_rows);
    firms := ARRAY(SELECT enterprise_id FROM new_rows WHERE enterprise_id IS NOT NULL
                   UNION SELECT enterprise_id FROM old_rows WHERE enterprise_id IS NOT NULL);
  END IF;
  PERFORM za_queue_parks(parks_hit || ARRAY(SELECT DISTINCT park_id FROM plots WHERE enterprise_id = ANY (firms)));
  RETURN NULL;
END $$;

-- A park moved to another zone changes both zones' firm sets.
CREATE FUNCTION za_queue_moved_parks() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM za_queue_parks(ARRAY(SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
                                WHERE n.zone_id IS DISTINCT FROM o.zone_id));
  RETURN NULL;
END $$;
CREATE TRIGGER parks_queue_update AFTER UPDATE ON parks REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION za_queue_moved_parks();
