-- Schema version 5: sessions of the code-assistant panel (issue 8). A panel session is a
-- conversation of kind 'code_panel' — its tasks and answers are messages like a chat's, so
-- search finds them and they survive restarts — plus the panel's document: the code being
-- worked on, the file it came from and its language. Every conversation written before is a
-- chat. Kinds are stored by name; a name is never renamed or reused.

ALTER TABLE conversations ADD COLUMN kind TEXT NOT NULL DEFAULT 'chat'
    CHECK (kind IN ('chat', 'code_panel'));

CREATE INDEX conversations_by_kind ON conversations(kind, archived, pinned DESC, updated_at DESC);

CREATE TABLE code_panel_documents (
    conversation_id   INTEGER PRIMARY KEY REFERENCES conversations(id) ON DELETE CASCADE,
    -- The file the code was opened from or saved to; NULL for pasted code never saved.
    file_path         TEXT,
    -- The file's modification time (ms since the epoch) when it was last read or written, to
    -- tell the user at save time that someone else changed it since.
    file_modified_at  INTEGER,
    -- The fence word of the code's language ('python', 'cpp'); '' for plain text.
    language          TEXT    NOT NULL DEFAULT '',
    content           TEXT    NOT NULL DEFAULT '',
    updated_at        INTEGER NOT NULL
);
