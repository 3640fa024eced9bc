// ConversationExchange: JSON export is lossless (every branch, the active one, uids, stats,
// unicode) so an import into another database rebuilds the same trees; importing again
// adds nothing; a later export merges only new messages; a bad file changes nothing.
// Markdown shows the active branch as a reader expects.

#include "conclave/storage/conversation_store.h"
#include "conclave/storage/database_error.h"
#include "conclave/storage/exchange.h"
#include "storage_test_support.h"

#include <QJsonDocument>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

using namespace conclave::storage;
using namespace conclave::storage::testing;

class TestExchange : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_next = 0;

    std::unique_ptr<Database> fresh() {
        return migrated_database(
            (m_dir.path() + QStringLiteral("/x%1.db").arg(m_next++)).toStdString());
    }

    static Message say(ConversationStore& store, Id c, Role role, const std::string& text,
                       std::optional<Id> parent = {}) {
        NewMessage m;
        m.conversation_id = c;
        m.role = role;
        m.content = text;
        m.parent_id = parent;
        if (role == Role::assistant) {
            m.model_name = "Qwen3 30B-A3B";
            m.reasoning = "thinking about \"" + text + "\"";
            m.stats = {31, 7, 210.5, 18.25, StopReason::token_limit};
        }
        return store.append_message(m);
    }

    // A conversation with two branches, odd characters and every kind of field set.
    static Id build(ConversationStore& store) {
        const Id c = store.create_conversation("Ünïcode \"quoted\" \\ title 🦜").id;
        store.set_pinned(c, true);
        store.set_system_prompt(c, std::string("Be terse.\nAlways."));
        store.set_sampling(c, {0.3, 20, 0.9, std::nullopt, 1.1, 1234567890123});
        store.set_answer_overrides(c, {512, false, std::string("high")});
        const Message q1 =
            say(store, c, Role::user, "first\tquestion\n with a newline and \x01 control");
        say(store, c, Role::assistant, "answer A");
        const Message b = say(store, c, Role::assistant, "answer B 中文", q1.id);
        say(store, c, Role::user, "follow-up on B");
        store.set_active_leaf(c, b.id);
        return c;
    }

    static void compareTrees(ConversationStore& from, Id a, ConversationStore& to, Id b) {
        const Conversation ca = from.conversation(a);
        const Conversation cb = to.conversation(b);
        QCOMPARE(cb.uid, ca.uid);
        QCOMPARE(cb.title, ca.title);
        QCOMPARE(cb.created_at, ca.created_at);
        QCOMPARE(cb.pinned, ca.pinned);
        QCOMPARE(cb.system_prompt, ca.system_prompt);
        QVERIFY(cb.sampling == ca.sampling);
        QVERIFY(cb.answer == ca.answer);
        const std::vector<Message> ma = from.all_messages(a);
        const std::vector<Message> mb = to.all_messages(b);
        QCOMPARE(mb.size(), ma.size());
        for (std::size_t i = 0; i < ma.size(); ++i) {
            QCOMPARE(mb[i].uid, ma[i].uid);
            QCOMPARE(mb[i].content, ma[i].content);
            QCOMPARE(mb[i].reasoning, ma[i].reasoning);
            QCOMPARE(mb[i].role, ma[i].role);
            QCOMPARE(mb[i].state, ma[i].state);
            QVERIFY(mb[i].stats == ma[i].stats);
            QCOMPARE(mb[i].created_at, ma[i].created_at);
            QCOMPARE(mb[i].parent_id.has_value(), ma[i].parent_id.has_value());
            if (ma[i].parent_id)
                QCOMPARE(to.message(*mb[i].parent_id).uid, from.message(*ma[i].parent_id).uid);
        }
        QCOMPARE(to.message(*cb.active_leaf_id).uid, from.message(*ca.active_leaf_id).uid);
    }

private slots:
    void jsonRoundTripIsLossless() {
        auto source = fresh();
        ConversationStore from(*source);
        const Id c = build(from);
        const std::string json = ConversationExchange(*source).export_json(c);
        QJsonParseError error{};
        QJsonDocument::fromJson(QByteArray::fromStdString(json), &error);
        QCOMPARE(error.error, QJsonParseError::NoError); // another parser reads it too

        auto target = fresh();
        const ImportSummary summary = ConversationExchange(*target).import_json(json);
        QCOMPARE(summary.conversations_added, 1);
        QCOMPARE(summary.messages_added, 4);
        ConversationStore to(*target);
        const std::vector<Conversation> imported = to.list_conversations();
        QCOMPARE(imported.size(), std::size_t{1});
        compareTrees(from, c, to, imported[0].id);
    }

    // Files exported before stop reasons were kept have no "stop_reason": they import, and
    // their answers' reason is unknown.
    void olderFileWithoutStopReasonsImports() {
        auto source = fresh();
        ConversationStore from(*source);
        build(from);
        QString json = QString::fromStdString(ConversationExchange(*source).export_json());
        QVERIFY(json.contains(QStringLiteral("\"stop_reason\":\"token_limit\"")));
        json.remove(QRegularExpression(QStringLiteral("\"stop_reason\":(null|\"[a-z_]+\"),")));
        QVERIFY(!json.contains(QStringLiteral("stop_reason")));

        auto target = fresh();
        const ImportSummary summary = ConversationExchange(*target).import_json(json.toStdString());
        QCOMPARE(summary.messages_added, 4);
        ConversationStore to(*target);
        for (const Message& m : to.all_messages(to.list_conversations()[0].id)) {
            QVERIFY(!m.stats.stop_reason);
            if (m.role == Role::assistant) QCOMPARE(m.stats.completion_tokens, 7);
        }
    }

    // The answer choices (schema version 7) travel as "answer"; thinking as a JSON boolean.
    // A file from before them imports following the model's; a max tokens of 0 is refused.
    void answerChoicesTravelAndOlderFilesImportWithout() {
        auto source = fresh();
        ConversationStore from(*source);
        const Id c = build(from);
        const QString json = QString::fromStdString(ConversationExchange(*source).export_json(c));
        QVERIFY2(json.contains(QStringLiteral(
                     "\"answer\":{\"max_tokens\":512,\"thinking\":false,\"reasoning_effort\":\"high\"}")),
                 qPrintable(json.left(600)));
        const Conversation read = ConversationStore(*source).conversation(c);
        QCOMPARE(read.answer.max_tokens, std::optional<std::int64_t>(512));
        QCOMPARE(read.answer.thinking, std::optional<bool>(false));

        QString older = json;
        older.remove(QRegularExpression(QStringLiteral("\"answer\":\\{[^}]*\\},")));
        QVERIFY(!older.contains(QStringLiteral("\"answer\"")));
        auto target = fresh();
        ConversationExchange(*target).import_json(older.toStdString());
        ConversationStore to(*target);
        QVERIFY(to.list_conversations()[0].answer == AnswerOverrides{});

        QString zero = json;
        zero.replace(QStringLiteral("\"max_tokens\":512"), QStringLiteral("\"max_tokens\":0"));
        auto refused = fresh();
        try {
            ConversationExchange(*refused).import_json(zero.toStdString());
            QFAIL("a max tokens of 0 was imported");
        } catch (const DatabaseError& error) {
            QCOMPARE(error.kind(), ErrorKind::invalid_input);
        }
        QVERIFY(ConversationStore(*refused).list_conversations().empty());
    }

    void importIsIdempotentAndMergesNewMessages() {
        auto source = fresh();
        ConversationStore from(*source);
        const Id c = build(from);
        const std::string first_export = ConversationExchange(*source).export_json();

        auto target = fresh();
        ConversationExchange exchange(*target);
        exchange.import_json(first_export);
        const ImportSummary again = exchange.import_json(first_export);
        QCOMPARE(again.conversations_added, 0);
        QCOMPARE(again.messages_added, 0);
        QCOMPARE(again.messages_already_present, 4);
        ConversationStore to(*target);
        QCOMPARE(to.list_conversations().size(), std::size_t{1});
        QCOMPARE(to.all_messages(to.list_conversations()[0].id).size(), std::size_t{4});

        // The conversation continues on the source machine; the new export brings just that.
        say(from, c, Role::user, "one more");
        const ImportSummary merged =
            exchange.import_json(ConversationExchange(*source).export_json());
        QCOMPARE(merged.conversations_merged, 1);
        QCOMPARE(merged.messages_added, 1);
        QCOMPARE(to.all_messages(to.list_conversations()[0].id).size(), std::size_t{5});
    }

    void badFilesChangeNothing_data() {
        QTest::addColumn<QString>("json");
        QTest::newRow("not json") << QStringLiteral("{ this is not json");
        QTest::newRow("other json") << QStringLiteral("{\"hello\": 1}");
        QTest::newRow("newer format") << QStringLiteral(
            "{\"format\":\"conclave-conversations\",\"version\":99,\"conversations\":[]}");
        QTest::newRow("missing parent")
            << QStringLiteral("{\"format\":\"conclave-conversations\",\"version\":1,"
                              "\"conversations\":[{\"uid\":\"c1\",\"title\":\"t\","
                              "\"messages\":[{\"uid\":\"m1\",\"parent\":\"nowhere\",\"role\":"
                              "\"user\",\"content\":\"x\"}]}]}");
        QTest::newRow("bad role") << QStringLiteral(
            "{\"format\":\"conclave-conversations\",\"version\":1,\"conversations\":[{\"uid\":"
            "\"c1\",\"title\":\"t\","
            "\"messages\":[{\"uid\":\"m1\",\"role\":\"wizard\",\"content\":\"x\"}]}]}");
        QTest::newRow("bad stop reason") << QStringLiteral(
            "{\"format\":\"conclave-conversations\",\"version\":1,\"conversations\":[{\"uid\":"
            "\"c1\",\"title\":\"t\",\"messages\":[{\"uid\":\"m1\",\"role\":\"assistant\","
            "\"content\":\"x\",\"stop_reason\":\"bored\"}]}]}");
        QTest::newRow("content not text") << QStringLiteral(
            "{\"format\":\"conclave-conversations\",\"version\":1,\"conversations\":[{\"uid\":"
            "\"c1\",\"title\":\"t\","
            "\"messages\":[{\"uid\":\"m1\",\"role\":\"user\",\"content\":42}]}]}");
        QTest::newRow("conversation not an object") << QStringLiteral(
            "{\"format\":\"conclave-conversations\",\"version\":1,\"conversations\":[\"text\"]}");
    }

    void badFilesChangeNothing() {
        QFETCH(QString, json);
        auto target = fresh();
        ConversationStore store(*target);
        build(store);
        try {
            ConversationExchange(*target).import_json(json.toStdString());
            QFAIL("a bad import file was accepted");
        } catch (const DatabaseError& error) {
            QCOMPARE(error.kind(), ErrorKind::invalid_input);
        }
        QCOMPARE(store.list_conversations().size(), std::size_t{1});
    }

    void importOrdersParentsBeforeChildren() {
        // A hand-edited file may list a reply before the message it answers.
        const std::string json =
            "{\"format\":\"conclave-conversations\",\"version\":1,\"conversations\":[{\"uid\":"
            "\"c1\","
            "\"title\":\"reordered\",\"active_leaf\":\"m2\",\"messages\":["
            "{\"uid\":\"m2\",\"parent\":\"m1\",\"role\":\"assistant\",\"content\":\"answer\","
            "\"state\":\"streaming\"},"
            "{\"uid\":\"m1\",\"parent\":null,\"role\":\"user\",\"content\":\"question\"}]}]}";
        auto target = fresh();
        ConversationExchange(*target).import_json(json);
        ConversationStore store(*target);
        const std::vector<BranchMessage> branch =
            store.active_branch(store.list_conversations()[0].id);
        QCOMPARE(branch.size(), std::size_t{2});
        QCOMPARE(q(branch[0].message.content), QStringLiteral("question"));
        // An answer exported mid-stream cannot continue here: it arrives interrupted.
        QCOMPARE(branch[1].message.state, MessageState::interrupted);
    }

    void markdownShowsTheActiveBranch() {
        auto db = fresh();
        ConversationStore store(*db);
        const Id c = build(store);
        NewMessage stopped;
        stopped.conversation_id = c;
        stopped.role = Role::assistant;
        stopped.content = "cut short";
        stopped.state = MessageState::stopped;
        store.append_message(stopped);
        const QString md = q(ConversationExchange(*db).export_markdown(c));
        QVERIFY2(md.startsWith(QStringLiteral("# Ünïcode \"quoted\" \\ title 🦜\n")),
                 qPrintable(md));
        QVERIFY(md.contains(QStringLiteral("## User\n\nfirst\tquestion")));
        QVERIFY(md.contains(QStringLiteral(
            "## Assistant (Qwen3 30B-A3B)\n\n<details>\n<summary>Thinking</summary>")));
        QVERIFY(md.contains(QStringLiteral("answer B 中文")));
        QVERIFY(!md.contains(QStringLiteral("answer A"))); // the other branch is not on screen
        QVERIFY(!md.contains(QStringLiteral("follow-up on B")));
        QVERIFY(md.contains(QStringLiteral("cut short\n\n*(stopped by the user)*")));
        QVERIFY(md.contains(QStringLiteral("answer B 中文\n\n*(cut at the token limit)*")));
        QVERIFY(md.indexOf(QStringLiteral("first\tquestion")) <
                md.indexOf(QStringLiteral("answer B")));

        store.create_conversation("second");
        const QString all = q(ConversationExchange(*db).export_markdown_all());
        QVERIFY(all.contains(QStringLiteral("# second")));
        QVERIFY(all.contains(QStringLiteral("---\n\n")));
    }
};

QTEST_GUILESS_MAIN(TestExchange)
#include "test_exchange.moc"
