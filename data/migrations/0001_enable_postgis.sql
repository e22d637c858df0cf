-- PostGIS provides geometry/geography types and ST_* functions.
-- On a server the extension may already exist (created by a DBA); IF NOT EXISTS keeps this idempotent.
CREATE EXTENSION IF NOT EXISTS postgis;
