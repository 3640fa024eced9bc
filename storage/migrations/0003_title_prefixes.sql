-- Schema version 3: prefix indexes (2 and 3 characters) for conversation titles too.
-- Search as you type matches the last word as a prefix; without these, a short prefix such
-- as "ka" made FTS5 merge the rows of every title word starting with it at each keystroke.
-- An FTS5 table's options are fixed when it is created, so the index is made again from
-- the titles; the triggers of version 2 refer to it by name and keep working.

DROP TABLE conversations_fts;

CREATE VIRTUAL TABLE conversations_fts USING fts5(
    title,
    content = 'conversations',
    content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3'
);

INSERT INTO conversations_fts(conversations_fts) VALUES ('rebuild');
