-- Schema version 2: full-text search over message text and conversation titles.
-- Both indexes are external-content FTS5 tables: the text lives once, in its own table,
-- and triggers keep the index in step with every insert, update and delete. unicode61 with
-- diacritics removed lets "cafe" find "café"; scripts written without spaces (Chinese,
-- Japanese) are indexed as whole runs, so they match by prefix of a run only. Prefix
-- indexes for 2 and 3 characters keep search-as-you-type fast on large histories.
--
-- A message is indexed once it stops streaming: re-indexing a growing answer at every
-- save would make each save cost as much as the whole answer so far.

CREATE VIRTUAL TABLE messages_fts USING fts5(
    content,
    content = 'messages',
    content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3'
);

CREATE VIRTUAL TABLE conversations_fts USING fts5(
    title,
    content = 'conversations',
    content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages WHEN new.state != 'streaming' BEGIN
    INSERT INTO messages_fts(rowid, content) VALUES (new.id, new.content);
END;

CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages WHEN old.state != 'streaming' BEGIN
    INSERT INTO messages_fts(messages_fts, rowid, content) VALUES ('delete', old.id, old.content);
END;

-- One trigger, two statements in this order: the old text leaves the index before the new
-- text enters it (the other order would delete the words both versions share).
CREATE TRIGGER messages_fts_update AFTER UPDATE OF content, state ON messages BEGIN
    INSERT INTO messages_fts(messages_fts, rowid, content)
        SELECT 'delete', old.id, old.content WHERE old.state != 'streaming';
    INSERT INTO messages_fts(rowid, content)
        SELECT new.id, new.content WHERE new.state != 'streaming';
END;

CREATE TRIGGER conversations_fts_insert AFTER INSERT ON conversations BEGIN
    INSERT INTO conversations_fts(rowid, title) VALUES (new.id, new.title);
END;

CREATE TRIGGER conversations_fts_delete AFTER DELETE ON conversations BEGIN
    INSERT INTO conversations_fts(conversations_fts, rowid, title) VALUES ('delete', old.id, old.title);
END;

CREATE TRIGGER conversations_fts_update AFTER UPDATE OF title ON conversations BEGIN
    INSERT INTO conversations_fts(conversations_fts, rowid, title) VALUES ('delete', old.id, old.title);
    INSERT INTO conversations_fts(rowid, title) VALUES (new.id, new.title);
END;

-- Index what version 1 already holds (streaming answers join when they end).
INSERT INTO messages_fts(rowid, content) SELECT id, content FROM messages WHERE state != 'streaming';
INSERT INTO conversations_fts(conversations_fts) VALUES ('rebuild');
