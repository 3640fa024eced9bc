-- Schema version 6: the task of each code-panel answer (issue 8), so a session's last answer
-- can be retried after a restart and its proposal is compared with the code the task ran on.
-- One row per answer (an assistant message of a code_panel conversation), deleted with it.
-- Task kinds are stored by name; a name is never renamed or reused.

CREATE TABLE code_panel_tasks (
    answer_id        INTEGER PRIMARY KEY REFERENCES messages(id) ON DELETE CASCADE,
    kind             TEXT    NOT NULL CHECK (kind IN ('explain', 'review', 'fix', 'write_tests',
                                                      'document', 'convert', 'instruction')),
    -- Fix: the problem (may be empty); instruction: the instruction; '' for the others.
    detail           TEXT    NOT NULL DEFAULT '',
    -- The fence word of the code's language when the task ran ('' for plain text), and for
    -- Convert the language converted to.
    language         TEXT    NOT NULL DEFAULT '',
    target_language  TEXT    NOT NULL DEFAULT '',
    -- The file name shown to the model ('' for pasted code).
    file_name        TEXT    NOT NULL DEFAULT '',
    -- The selection the task ran on, in UTF-16 code units of the document then; both NULL
    -- when it ran on the whole code.
    selection_start  INTEGER CHECK (selection_start >= 0),
    selection_end    INTEGER CHECK (selection_end >= selection_start),
    -- The code the task ran on (the selection or the whole text), as sent to the model.
    code             TEXT    NOT NULL,
    CHECK ((selection_start IS NULL) = (selection_end IS NULL))
);
