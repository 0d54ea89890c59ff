-- Tag authors [ext]: the API key that added each tag. Tags added before this migration have none (added_by null).
-- The key's label is not copied here: it is read from api_keys when the tag is read.
ALTER TABLE tags ADD COLUMN added_by_key_id TEXT;
