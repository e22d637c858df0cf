-- Session lookups cached in each API process (api/auth/session_cache.ts) must end when a session or its
-- account changes anywhere: every statement that deletes or updates sessions (logout, expiry sweep) or
-- updates or deletes users (disable, role or zone change) NOTIFYs channel `za_sessions` on commit, and
-- every API process listening on this database empties its session cache. Inserts (logins) need no
-- notice: a new session has a new token, which no cache holds.

CREATE FUNCTION za_notify_sessions() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('za_sessions', json_build_object('schema', TG_TABLE_SCHEMA, 'table', TG_TABLE_NAME)::text);
  RETURN NULL;
END $$;

CREATE TRIGGER sessions_notify AFTER UPDATE OR DELETE OR TRUNCATE ON sessions
  FOR EACH STATEMENT EXECUTE FUNCTION za_notify_sessions();
CREATE TRIGGER users_notify AFTER UPDATE OR DELETE OR TRUNCATE ON users
  FOR EACH STATEMENT EXECUTE FUNCTION za_notify_sessions();
