-- Schema version 1: conversations, messages (a tree), models, their settings, app settings.
-- Timestamps are milliseconds since the Unix epoch, UTC. Text enums are stored by name;
-- a name is never renamed or reused, because files written years ago must still read.

CREATE TABLE models (
    id                      INTEGER PRIMARY KEY,
    path                    TEXT    NOT NULL UNIQUE,
    file_size               INTEGER NOT NULL DEFAULT 0,
    file_modified_at        INTEGER NOT NULL DEFAULT 0,
    sha256                  TEXT,
    display_name            TEXT    NOT NULL,
    architecture            TEXT    NOT NULL DEFAULT '',
    parameter_count         INTEGER NOT NULL DEFAULT 0,
    active_parameter_count  INTEGER NOT NULL DEFAULT 0,
    quant_mix               TEXT    NOT NULL DEFAULT '',
    context_length          INTEGER NOT NULL DEFAULT 0,
    added_at                INTEGER NOT NULL,
    last_used_at            INTEGER,
    favourite               INTEGER NOT NULL DEFAULT 0 CHECK (favourite IN (0, 1)),
    -- The file was not found the last time the app looked; the row stays so history keeps
    -- its model and the user can point it at the moved file.
    missing                 INTEGER NOT NULL DEFAULT 0 CHECK (missing IN (0, 1))
);

-- Every column NULL means "use the default" (the model's metadata, then the app's).
CREATE TABLE model_settings (
    model_id            INTEGER PRIMARY KEY REFERENCES models(id) ON DELETE CASCADE,
    system_prompt       TEXT,
    temperature         REAL,
    top_k               INTEGER,
    top_p               REAL,
    min_p               REAL,
    repetition_penalty  REAL,
    seed                INTEGER,
    context_length      INTEGER,
    threads             INTEGER,
    backend             TEXT,
    gpu_memory_budget   INTEGER,
    placement_mode      TEXT
);

CREATE TABLE conversations (
    id                  INTEGER PRIMARY KEY,
    -- Stable identity across machines: export/import matches conversations by uid.
    uid                 TEXT    NOT NULL UNIQUE DEFAULT (lower(hex(randomblob(16)))),
    title               TEXT    NOT NULL DEFAULT '',
    created_at          INTEGER NOT NULL,
    updated_at          INTEGER NOT NULL,
    pinned              INTEGER NOT NULL DEFAULT 0 CHECK (pinned IN (0, 1)),
    archived            INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
    last_model_id       INTEGER REFERENCES models(id) ON DELETE SET NULL,
    -- The leaf of the branch the user looks at; NULL for an empty conversation.
    active_leaf_id      INTEGER REFERENCES messages(id) ON DELETE SET NULL,
    system_prompt       TEXT,
    temperature         REAL,
    top_k               INTEGER,
    top_p               REAL,
    min_p               REAL,
    repetition_penalty  REAL,
    seed                INTEGER
);

CREATE INDEX conversations_by_recency ON conversations(archived, pinned DESC, updated_at DESC);
-- Deleting a message looks up the conversations whose active leaf it is.
CREATE INDEX conversations_by_active_leaf ON conversations(active_leaf_id);

-- Messages form a tree per conversation: editing or regenerating adds a sibling under the
-- same parent. parent_id has no ON DELETE action on purpose: a cascade down a long chain
-- would recurse once per message; subtrees are deleted in one statement instead.
CREATE TABLE messages (
    id                      INTEGER PRIMARY KEY,
    uid                     TEXT    NOT NULL UNIQUE DEFAULT (lower(hex(randomblob(16)))),
    conversation_id         INTEGER NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
    parent_id               INTEGER REFERENCES messages(id),
    role                    TEXT    NOT NULL CHECK (role IN ('system', 'user', 'assistant', 'tool')),
    content                 TEXT    NOT NULL DEFAULT '',
    reasoning               TEXT    NOT NULL DEFAULT '',
    state                   TEXT    NOT NULL DEFAULT 'complete'
        CHECK (state IN ('complete', 'streaming', 'stopped', 'failed', 'interrupted')),
    error                   TEXT,
    model_id                INTEGER REFERENCES models(id) ON DELETE SET NULL,
    -- The model's name when the message was written, kept even if the model row goes.
    model_name              TEXT    NOT NULL DEFAULT '',
    prompt_tokens           INTEGER NOT NULL DEFAULT 0,
    completion_tokens       INTEGER NOT NULL DEFAULT 0,
    time_to_first_token_ms  REAL,
    tokens_per_second       REAL,
    created_at              INTEGER NOT NULL,
    updated_at              INTEGER NOT NULL
);

CREATE INDEX messages_by_parent ON messages(conversation_id, parent_id, id);
CREATE INDEX messages_children ON messages(parent_id);
CREATE INDEX messages_by_state ON messages(state) WHERE state = 'streaming';

CREATE TABLE app_settings (
    key    TEXT PRIMARY KEY,
    value  TEXT NOT NULL
) WITHOUT ROWID;
