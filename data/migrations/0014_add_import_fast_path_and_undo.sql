-- Imports (issue 6): the plot area the import already staged is kept instead of computed twice, and
-- constraint and statistics imports become undoable.

-- An import computes every staged plot's area with this trigger's own expression, ST_Area(geom::geography),
-- inside the transaction that writes the plots, and says so with SET LOCAL za.plot_area_staged = 'on'
-- (api/db/import_staging.ts commitStaged) while it inserts area_m2 and area_mu itself. The WHEN clause
-- skips the per-row call then (100,000 plots: ~0.8 s of 15 s); every other write still computes the area.
DROP TRIGGER plots_set_area ON plots;
CREATE TRIGGER plots_set_area BEFORE INSERT OR UPDATE OF geom ON plots
  FOR EACH ROW WHEN (current_setting('za.plot_area_staged', true) IS DISTINCT FROM 'on')
  EXECUTE FUNCTION za_set_plot_area();

-- Queue each park once, not once per written row (an import writes 100,000 rows of one park).
CREATE OR REPLACE FUNCTION za_queue_plot_parks() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM za_queue_parks(ARRAY(SELECT DISTINCT park_id FROM new_rows));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM za_queue_parks(ARRAY(SELECT DISTINCT park_id FROM old_rows));
  ELSE
    PERFORM za_queue_parks(ARRAY(SELECT park_id FROM new_rows UNION SELECT park_id FROM old_rows));
  END IF;
  RETURN NULL;
END $$;

-- The constraint layer a constraint import created (undo deletes it, its features cascade).
ALTER TABLE imports ADD COLUMN layer_id integer REFERENCES constraint_layers (id) ON DELETE SET NULL;

-- Statistics rows a statistics import wrote: `previous` is the whole row before (to_jsonb), NULL when
-- the import inserted it; undo deletes inserted rows and writes previous rows back.
CREATE TABLE import_stats_changes (
  import_id integer NOT NULL REFERENCES imports (id) ON DELETE CASCADE,
  enterprise_id integer NOT NULL,
  year integer NOT NULL,
  previous jsonb,
  PRIMARY KEY (import_id, enterprise_id, year)
);
