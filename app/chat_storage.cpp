#include "chat_storage.h"

#include "app_paths.h"
#include "conclave/storage/database.h"
#include "conclave/storage/database_error.h"
#include "conclave/storage/open_database.h"
#include "sqlite_code_panel_sessions.h"
#include "sqlite_conversation_store.h"
#include "sqlite_preference_store.h"

#include <QCoreApplication>

namespace conclave::app {
namespace {

// The context lupdate and the translator see for this file's strings.
struct ChatStorageText {
    Q_DECLARE_TR_FUNCTIONS(ChatStorage)
};

QString hintForOpenError(storage::ErrorKind kind) {
    switch (kind) {
    case storage::ErrorKind::newer_schema:
        return ChatStorageText::tr("The database was written by a newer Conclave and was left untouched. Update "
                  "Conclave to "
                  "see your conversations; until then new chats are not saved.");
    case storage::ErrorKind::read_only:
        return ChatStorageText::tr("Make the data folder writable and restart Conclave; until then new chats are "
                  "not saved.");
    default:
        return ChatStorageText::tr("Restart Conclave to try again; until then new chats are not saved.");
    }
}

} // namespace

ChatStorage::ChatStorage() = default;
ChatStorage::ChatStorage(ChatStorage&&) noexcept = default;
ChatStorage::~ChatStorage() = default;

QString databasePath() {
    return dataFolder() + QStringLiteral("/conclave.db");
}

ChatStorage openChatStorage(const QString& path) {
    ChatStorage result;
    try {
        storage::OpenedDatabase opened = storage::open_conclave_database(path.toStdString());
        result.database = std::move(opened.database);
        result.store = std::make_unique<SqliteConversationStore>(*result.database);
        result.preferences = std::make_unique<SqlitePreferenceStore>(*result.database);
        result.panelSessions = std::make_unique<SqliteCodePanelSessions>(*result.database);
        const storage::OpenReport& report = opened.report;
        if (report.corrupt_file_moved_to) {
            result.noticeTitle = ChatStorageText::tr("The conversation database was damaged");
            result.noticeMessage =
                ChatStorageText::tr("It was moved to %1. Recovered: %2, %3.")
                    .arg(QString::fromStdString(*report.corrupt_file_moved_to),
                         ChatStorageText::tr("%n conversations", nullptr,
                                             report.recovered_conversations),
                         ChatStorageText::tr("%n messages", nullptr, report.recovered_messages));
            result.noticeHint = ChatStorageText::tr(
                "Check the recovered conversations; the damaged file is kept for a closer look.");
            QStringList problems;
            for (const std::string& problem : report.problems)
                problems << QString::fromStdString(problem);
            result.noticeDetails = problems.join(u'\n');
        }
    } catch (const storage::DatabaseError& error) {
        result.database.reset();
        result.store = std::make_unique<ui::InMemoryConversationStore>();
        result.preferences = std::make_unique<ui::InMemoryPreferenceStore>();
        result.panelSessions = std::make_unique<ui::InMemoryCodePanelSessions>(result.store.get());
        result.noticeTitle = ChatStorageText::tr("Conversations cannot be saved");
        result.noticeMessage = QString::fromStdString(error.what());
        result.noticeHint = hintForOpenError(error.kind());
        result.noticeDetails = ChatStorageText::tr("Database: %1").arg(path);
    }
    return result;
}

} // namespace conclave::app
