#pragma once
// openChatStorage: opens the conversation database for the chat window at start — storage's
// open_conclave_database (integrity check, recovery, migration) under a SqliteConversationStore
// and the settings' SqlitePreferenceStore over the same database — and says what the user should hear about it: a damaged database moved aside and what was
// recovered, or a database that cannot be used (written by a newer Conclave, read-only
// folder), in which case conversations live in memory for this session.
//
// Call once on the GUI thread, which then owns the database. Never throws.

#include "code_panel_sessions.h"
#include "conversation_store.h"
#include "preference_store.h"

#include <QString>
#include <memory>

namespace conclave::storage {
class Database;
}

namespace conclave::app {

struct ChatStorage {
    std::unique_ptr<storage::Database> database;  // null when it could not be opened
    std::unique_ptr<ui::ConversationStore> store; // SQLite, or in memory as the fallback
    std::unique_ptr<ui::PreferenceStore> preferences; // the settings, beside the conversations
    std::unique_ptr<ui::CodePanelSessions> panelSessions; // the code panel's documents
    // News for the error banner; the title is empty when there is nothing to tell.
    QString noticeTitle;
    QString noticeMessage;
    QString noticeHint;
    QString noticeDetails;

    ChatStorage();
    ChatStorage(ChatStorage&&) noexcept;
    ~ChatStorage();
};

ChatStorage openChatStorage(const QString& databasePath);

QString databasePath(); // dataFolder()/conclave.db

} // namespace conclave::app
