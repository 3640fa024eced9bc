// Code panel sessions in a real SQLite file (schema version 5): a session is a conversation of
// kind code_panel with its document beside it; every conversation of an older database reads
// as a chat after the migration (the version-1 fixture brought to 4, then opened); lists filter
// by kind; search finds a session's task and says it is a panel session; the document survives
// reopening the file, is replaced by a save and goes with its session; a chat cannot hold a
// document; export and import keep the kind. Schema version 6: each answer's task (kind,
// instruction, languages, file name, selection, code) survives reopening, is replaced, goes
// with its answer and its session, is refused for a chat, a question, a missing message and
// half a selection; a version-5 file keeps its sessions and answers, without tasks.

#include "conclave/storage/code_panel_store.h"
#include "conclave/storage/conversation_store.h"
#include "conclave/storage/database_error.h"
#include "conclave/storage/exchange.h"
#include "conclave/storage/open_database.h"
#include "conclave/storage/search.h"
#include "storage_test_support.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace conclave::storage;
using namespace conclave::storage::testing;

namespace {

CodePanelDocument pythonDocument() {
    CodePanelDocument document;
    document.file_path = "/home/u/src/calc.py";
    document.file_modified_at = 1'699'999'000'000;
    document.language = "python";
    document.content = "def add(a, b):\n    return a - b\n";
    return document;
}

NewMessage message(Id conversation, Role role, std::string content) {
    NewMessage m;
    m.conversation_id = conversation;
    m.role = role;
    m.content = std::move(content);
    return m;
}

CodePanelDocument pasted(std::string content) {
    CodePanelDocument document;
    document.content = std::move(content);
    return document;
}

// A session with a question and its answer; the answer's id.
Id sessionWithAnswer(ConversationStore& conversations, CodePanelStore& panel) {
    const Id session = panel.create_session("calc.py", pythonDocument()).id;
    conversations.append_message(message(session, Role::user, "Fix this Python code."));
    return conversations.append_message(message(session, Role::assistant, "```python\n```")).id;
}

CodePanelTask fixOfTheReturnLine(Id answer) {
    CodePanelTask task;
    task.answer_id = answer;
    task.kind = "fix";
    task.detail = "add subtracts — ✓ unicode kept";
    task.language = "python";
    task.file_name = "calc.py";
    task.selection_start = 15;
    task.selection_end = 32;
    task.code = "    return a - b\n";
    return task;
}

} // namespace

class TestCodePanelStore : public QObject {
    Q_OBJECT

private slots:
    void sessionAndDocumentSurviveReopening() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("conclave.db").toStdString();
        ManualClock clock;
        Id session = 0;
        {
            auto db = migrated_database(path);
            ConversationStore conversations(*db, clock.clock());
            CodePanelStore panel(*db, clock.clock());
            conversations.create_conversation("a chat");
            clock.advance(1000);
            const Conversation created = panel.create_session("calc.py", pythonDocument());
            session = created.id;
            QCOMPARE(created.kind, ConversationKind::code_panel);
            QCOMPARE(q(created.title), "calc.py");
            // The task and its answer are messages, as in a chat.
            conversations.append_message(message(session, Role::user,
                                                 "Explain this Python code.\n\n```python\n"
                                                 "def add(a, b):\n    return a - b\n```\n"));
            conversations.append_message(message(session, Role::assistant, "It subtracts."));
        }
        auto db = std::make_unique<Database>(path);
        CodePanelStore panel(*db);
        const std::optional<CodePanelDocument> document = panel.document(session);
        QVERIFY(document);
        CodePanelDocument expected = pythonDocument();
        expected.conversation_id = session;
        expected.updated_at = 1'700'000'001'000;
        QVERIFY(*document == expected);
        ConversationStore conversations(*db);
        QCOMPARE(conversations.conversation(session).kind, ConversationKind::code_panel);
        QCOMPARE(conversations.active_branch(session).size(), std::size_t{2});
    }

    void savingReplacesTheDocumentAndMakesTheSessionRecent() {
        QTemporaryDir dir;
        auto db = migrated_database(dir.filePath("conclave.db").toStdString());
        ManualClock clock;
        ConversationStore conversations(*db, clock.clock());
        CodePanelStore panel(*db, clock.clock());
        const Id session = panel.create_session("pasted", pasted("x = 1\n")).id;
        QCOMPARE(panel.document(session)->file_path, std::nullopt);
        QCOMPARE(q(panel.document(session)->language), "");
        clock.advance(1000);
        const Id chat = conversations.create_conversation("newer chat").id;
        QCOMPARE(conversations.list_conversations().front().id, chat);
        clock.advance(1000);
        CodePanelDocument saved = pythonDocument();
        saved.conversation_id = session;
        saved.content = "def add(a, b):\n    return a + b\n";
        panel.save_document(saved);
        QCOMPARE(q(panel.document(session)->content), "def add(a, b):\n    return a + b\n");
        QCOMPARE(panel.document(session)->file_path,
                 std::optional<std::string>("/home/u/src/calc.py"));
        QCOMPARE(conversations.list_conversations().front().id, session);
        // One row per session.
        Statement count = db->prepare("SELECT count(*) FROM code_panel_documents");
        QVERIFY(count.step());
        QCOMPARE(count.int64(0), 1);
    }

    void listsFilterByKind() {
        QTemporaryDir dir;
        auto db = migrated_database(dir.filePath("conclave.db").toStdString());
        ConversationStore conversations(*db);
        CodePanelStore panel(*db);
        conversations.create_conversation("chat one");
        panel.create_session("session", pythonDocument());
        conversations.create_conversation("chat two", std::nullopt, ConversationKind::chat);
        QCOMPARE(conversations.list_conversations().size(), std::size_t{3});
        QCOMPARE(conversations.list_conversations({.kind = ConversationKind::chat}).size(),
                 std::size_t{2});
        const auto sessions =
            conversations.list_conversations({.kind = ConversationKind::code_panel});
        QCOMPARE(sessions.size(), std::size_t{1});
        QCOMPARE(q(sessions.front().title), "session");
    }

    void searchFindsPanelSessions() {
        QTemporaryDir dir;
        auto db = migrated_database(dir.filePath("conclave.db").toStdString());
        ConversationStore conversations(*db);
        CodePanelStore panel(*db);
        const Id session = panel.create_session("calc.py", pythonDocument()).id;
        conversations.append_message(message(
            session, Role::user, "Review this code:\n```python\ndef subtract_things():\n```"));
        const Id chat = conversations.create_conversation("chat").id;
        conversations.append_message(message(chat, Role::user, "subtract_things in a chat"));
        const std::vector<SearchHit> hits = ConversationSearch(*db).search("subtract_things");
        QCOMPARE(hits.size(), std::size_t{2});
        for (const SearchHit& hit : hits)
            QCOMPARE(hit.conversation_kind, hit.conversation_id == session
                                                ? ConversationKind::code_panel
                                                : ConversationKind::chat);
        const std::vector<SearchHit> titles = ConversationSearch(*db).search("calc");
        QCOMPARE(titles.size(), std::size_t{1});
        QCOMPARE(titles.front().conversation_kind, ConversationKind::code_panel);
    }

    void documentGoesWithItsSession() {
        QTemporaryDir dir;
        auto db = migrated_database(dir.filePath("conclave.db").toStdString());
        ConversationStore conversations(*db);
        CodePanelStore panel(*db);
        const Id session = panel.create_session("s", pythonDocument()).id;
        conversations.delete_conversation(session);
        QVERIFY(!panel.document(session));
        Statement count = db->prepare("SELECT count(*) FROM code_panel_documents");
        QVERIFY(count.step());
        QCOMPARE(count.int64(0), 0);
    }

    void aChatHoldsNoDocument() {
        QTemporaryDir dir;
        auto db = migrated_database(dir.filePath("conclave.db").toStdString());
        ConversationStore conversations(*db);
        CodePanelStore panel(*db);
        CodePanelDocument document = pythonDocument();
        document.conversation_id = conversations.create_conversation("chat").id;
        QVERIFY_THROWS_EXCEPTION(DatabaseError, panel.save_document(document));
        document.conversation_id = 4242;
        try {
            panel.save_document(document);
            QFAIL("saved a document for a missing conversation");
        } catch (const DatabaseError& error) {
            QCOMPARE(error.kind(), ErrorKind::not_found);
        }
        QVERIFY(!panel.document(document.conversation_id));
    }

    // The version-1 fixture brought to version 4 (the schema before panel sessions) opens as
    // the current version: its conversations are chats, and sessions can be added.
    void olderDatabaseReadsAsChats() {
        QTemporaryDir dir;
        const QString path = dir.filePath("conclave.db");
        QVERIFY(QFile::copy(QStringLiteral(CONCLAVE_STORAGE_FIXTURES "/conclave-v1.db"), path));
        QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
        {
            Database db(path.toStdString());
            migrate(db, 4);
            QCOMPARE(db.user_version(), 4);
        }
        OpenedDatabase opened = open_conclave_database(path.toStdString());
        QCOMPARE(opened.report.found_schema_version, 4);
        QCOMPARE(opened.report.schema_version, current_schema_version());
        QVERIFY(current_schema_version() >= 5);
        ConversationStore conversations(*opened.database);
        const std::vector<Conversation> all = conversations.list_conversations();
        QCOMPARE(all.size(), std::size_t{2});
        for (const Conversation& c : all) QCOMPARE(c.kind, ConversationKind::chat);
        CodePanelStore panel(*opened.database);
        const Id session = panel.create_session("new", pythonDocument()).id;
        QCOMPARE(
            conversations.list_conversations({.kind = ConversationKind::code_panel}).front().id,
            session);
        QVERIFY(opened.database->integrity_problems().empty());
    }

    void taskSurvivesReopeningAndGoesWithItsAnswer() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("conclave.db").toStdString();
        Id answer = 0;
        {
            auto db = migrated_database(path);
            ConversationStore conversations(*db);
            CodePanelStore panel(*db);
            answer = sessionWithAnswer(conversations, panel);
            QVERIFY(!panel.task(answer));
            panel.save_task(fixOfTheReturnLine(answer));
        }
        auto db = std::make_unique<Database>(path);
        ConversationStore conversations(*db);
        CodePanelStore panel(*db);
        QVERIFY(panel.task(answer) == fixOfTheReturnLine(answer));

        // Replaced: a convert of the whole code (no selection).
        CodePanelTask convert;
        convert.answer_id = answer;
        convert.kind = "convert";
        convert.language = "python";
        convert.target_language = "rust";
        convert.code = pythonDocument().content;
        panel.save_task(convert);
        QVERIFY(panel.task(answer) == convert);
        QCOMPARE(panel.task(answer)->selection_start, std::nullopt);
        Statement count = db->prepare("SELECT count(*) FROM code_panel_tasks");
        QVERIFY(count.step());
        QCOMPARE(count.int64(0), 1);

        // Deleting the answer (a branch) deletes its task; so does deleting the session.
        conversations.delete_subtree(answer);
        QVERIFY(!panel.task(answer));
        const Id second = sessionWithAnswer(conversations, panel);
        panel.save_task(fixOfTheReturnLine(second));
        conversations.delete_conversation(conversations.message(second).conversation_id);
        QVERIFY(!panel.task(second));
        Statement left = db->prepare("SELECT count(*) FROM code_panel_tasks");
        QVERIFY(left.step());
        QCOMPARE(left.int64(0), 0);
    }

    void taskIsRefusedWhereItDoesNotBelong() {
        QTemporaryDir dir;
        auto db = migrated_database(dir.filePath("conclave.db").toStdString());
        ConversationStore conversations(*db);
        CodePanelStore panel(*db);
        const Id answer = sessionWithAnswer(conversations, panel);
        const auto kindOf = [&](CodePanelTask task) {
            try {
                panel.save_task(task);
            } catch (const DatabaseError& error) {
                return error.kind();
            }
            return ErrorKind::other; // not refused: the QCOMPAREs below fail on it
        };
        CodePanelTask task = fixOfTheReturnLine(4242);
        QCOMPARE(kindOf(task), ErrorKind::not_found);
        // The question, not the answer.
        task.answer_id = conversations.message(answer).parent_id.value();
        QCOMPARE(kindOf(task), ErrorKind::invalid_input);
        // An answer in a chat.
        const Id chat = conversations.create_conversation("chat").id;
        task.answer_id = conversations.append_message(message(chat, Role::assistant, "Hi")).id;
        QCOMPARE(kindOf(task), ErrorKind::invalid_input);
        // Half a selection.
        task = fixOfTheReturnLine(answer);
        task.selection_end.reset();
        QCOMPARE(kindOf(task), ErrorKind::invalid_input);
        // A selection that ends before it starts, and an unknown kind: the table refuses them.
        task = fixOfTheReturnLine(answer);
        task.selection_end = 3;
        QVERIFY_THROWS_EXCEPTION(DatabaseError, panel.save_task(task));
        task = fixOfTheReturnLine(answer);
        task.kind = "summarise";
        QVERIFY_THROWS_EXCEPTION(DatabaseError, panel.save_task(task));
        QVERIFY(!panel.task(answer));
    }

    // A file of version 5 (sessions without tasks) opens as the current version: its session,
    // document and answer are kept, the answer has no task, and new answers can have one.
    void version5SessionsKeepTheirAnswers() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("conclave.db").toStdString();
        Id answer = 0;
        {
            Database db(path);
            migrate(db, 5);
            QCOMPARE(db.user_version(), 5);
            // Written as version 5 wrote it, in SQL: today's stores read columns of later versions.
            db.prepare("INSERT INTO conversations(title, created_at, updated_at, kind)"
                       " VALUES('calc.py', 1, 1, 'code_panel')")
                .run();
            const Id session = db.last_insert_id();
            const CodePanelDocument document = pythonDocument();
            db.prepare("INSERT INTO code_panel_documents(conversation_id, file_path, file_modified_at,"
                       " language, content, updated_at) VALUES(:id, :path, :modified, :language,"
                       " :content, 1)")
                .bind(":id", session)
                .bind(":path", *document.file_path)
                .bind(":modified", *document.file_modified_at)
                .bind(":language", document.language)
                .bind(":content", document.content)
                .run();
            db.prepare("INSERT INTO messages(conversation_id, role, content, created_at, updated_at)"
                       " VALUES(:id, 'user', 'Fix this Python code.', 1, 1)")
                .bind(":id", session)
                .run();
            const Id question = db.last_insert_id();
            db.prepare("INSERT INTO messages(conversation_id, parent_id, role, content, created_at,"
                       " updated_at) VALUES(:id, :parent, 'assistant', :content, 2, 2)")
                .bind(":id", session)
                .bind(":parent", question)
                .bind(":content", "```python\n```")
                .run();
            answer = db.last_insert_id();
            db.prepare("UPDATE conversations SET active_leaf_id = :leaf WHERE id = :id")
                .bind(":leaf", answer)
                .bind(":id", session)
                .run();
        }
        OpenedDatabase opened = open_conclave_database(path);
        QCOMPARE(opened.report.found_schema_version, 5);
        QCOMPARE(opened.report.schema_version, current_schema_version());
        QVERIFY(current_schema_version() >= 6);
        ConversationStore conversations(*opened.database);
        CodePanelStore panel(*opened.database);
        const Id session = conversations.message(answer).conversation_id;
        QCOMPARE(q(panel.document(session)->content), q(pythonDocument().content));
        QCOMPARE(conversations.active_branch(session).back().message.id, answer);
        QVERIFY(!panel.task(answer));
        panel.save_task(fixOfTheReturnLine(answer));
        QVERIFY(panel.task(answer) == fixOfTheReturnLine(answer));
        QVERIFY(opened.database->integrity_problems().empty());
    }

    void exportAndImportKeepTheKind() {
        QTemporaryDir dir;
        auto source = migrated_database(dir.filePath("a.db").toStdString());
        ConversationStore sourceConversations(*source);
        const Id session = CodePanelStore(*source).create_session("session", pythonDocument()).id;
        sourceConversations.append_message(message(session, Role::user, "Explain."));
        sourceConversations.create_conversation("chat");
        const std::string json = ConversationExchange(*source).export_json();
        QVERIFY(json.find("\"kind\":\"code_panel\"") != std::string::npos);

        auto target = migrated_database(dir.filePath("b.db").toStdString());
        ConversationExchange(*target).import_json(json);
        ConversationStore targetConversations(*target);
        QCOMPARE(
            targetConversations.list_conversations({.kind = ConversationKind::code_panel}).size(),
            std::size_t{1});
        QCOMPARE(targetConversations.list_conversations({.kind = ConversationKind::chat}).size(),
                 std::size_t{1});

        // A file written before the kind existed imports as chats.
        std::string old = json;
        for (std::size_t at; (at = old.find(",\"kind\":\"code_panel\"")) != std::string::npos;)
            old.erase(at, std::string(",\"kind\":\"code_panel\"").size());
        for (std::size_t at; (at = old.find(",\"kind\":\"chat\"")) != std::string::npos;)
            old.erase(at, std::string(",\"kind\":\"chat\"").size());
        QVERIFY(old.find("kind") == std::string::npos);
        auto third = migrated_database(dir.filePath("c.db").toStdString());
        ConversationExchange(*third).import_json(old);
        QCOMPARE(
            ConversationStore(*third).list_conversations({.kind = ConversationKind::chat}).size(),
            std::size_t{2});
    }
};

QTEST_GUILESS_MAIN(TestCodePanelStore)
#include "test_code_panel_store.moc"
