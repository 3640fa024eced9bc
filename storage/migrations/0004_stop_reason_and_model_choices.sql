-- Schema version 4: why each answer ended, and the per-model choices version 1 had no
-- column for (the answer's token limit, thinking on or off, the reasoning effort).
-- Rows written before have NULL: the stop reason is unknown and the choices are defaults.
-- Stop reasons are stored by name; a name is never renamed or reused.

ALTER TABLE messages ADD COLUMN stop_reason TEXT
    CHECK (stop_reason IS NULL OR stop_reason IN
           ('finished', 'token_limit', 'stop_string', 'context_full', 'stopped', 'error'));

ALTER TABLE model_settings ADD COLUMN max_tokens INTEGER;
-- 1: thinking on, 0: off (for chat templates that let the user choose).
ALTER TABLE model_settings ADD COLUMN thinking INTEGER CHECK (thinking IS NULL OR thinking IN (0, 1));
-- The template's own words, e.g. 'low', 'medium', 'high'.
ALTER TABLE model_settings ADD COLUMN reasoning_effort TEXT;
