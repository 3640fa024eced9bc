-- Schema version 7: a conversation's own answer choices, beside its sampling overrides of
-- version 1 — the most tokens of one answer, thinking on or off, and the reasoning effort
-- (the same three choices model_settings gained in version 4). NULL follows the model's
-- settings; every row written before has NULL, so nothing changes for it.

ALTER TABLE conversations ADD COLUMN max_tokens INTEGER CHECK (max_tokens IS NULL OR max_tokens > 0);
-- 1: thinking on, 0: off (for chat templates that let the user choose).
ALTER TABLE conversations ADD COLUMN thinking INTEGER CHECK (thinking IS NULL OR thinking IN (0, 1));
-- The template's own words, e.g. 'low', 'medium', 'high'.
ALTER TABLE conversations ADD COLUMN reasoning_effort TEXT;
