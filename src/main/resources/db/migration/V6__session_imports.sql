-- Run import [ext]: a session made by POST /v1/sessions:import names the run it came from (its id on the exporting
-- server) and the SHA-256 of the bundle's bytes. Importing the same bundle again finds the session by that hash: at
-- most one session (live or in the trash) per bundle; once it is purged, its row is gone and the hash is free again.
ALTER TABLE sessions ADD COLUMN imported_from_session_id TEXT;
ALTER TABLE sessions ADD COLUMN imported_bundle_sha256 TEXT;
CREATE UNIQUE INDEX sessions_imported_bundle ON sessions (imported_bundle_sha256) WHERE imported_bundle_sha256 IS NOT NULL;
-- An imported tag keeps its author as the exporting server named it: the key's id there and its label, which no
-- key of this server has (a tag added here reads its key's label from api_keys instead).
ALTER TABLE tags ADD COLUMN added_by_label TEXT;
