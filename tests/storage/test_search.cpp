// ConversationSearch: what the user types finds messages and titles, best match first,
// with highlighted snippets; the index follows edits and deletions; any text is a valid
// query; unicode (diacritics, case, Cyrillic, emoji) is matched as a user expects.

#include "conclave/storage/conversation_store.h"
#include "conclave/storage/search.h"
#include "storage_test_support.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace conclave::storage;
using namespace conclave::storage::testing;

class TestSearch : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_next = 0;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<ConversationStore> m_store;
    std::unique_ptr<ConversationSearch> m_search;

    Message say(Id conversation, const std::string& text) {
        NewMessage m;
        m.conversation_id = conversation;
        m.role = Role::user;
        m.content = text;
        return m_store->append_message(m);
    }

    QList<Id> message_ids(const std::string& query) {
        QList<Id> ids;
        for (const SearchHit& hit : m_search->search(query))
            if (hit.message_id) ids << *hit.message_id;
        return ids;
    }

private slots:
    void init() {
        m_db = migrated_database(
            (m_dir.path() + QStringLiteral("/search%1.db").arg(m_next++)).toStdString());
        m_store = std::make_unique<ConversationStore>(*m_db);
        m_search = std::make_unique<ConversationSearch>(*m_db);
    }

    void cleanup() {
        m_search.reset();
        m_store.reset();
        m_db.reset();
    }

    void bestMatchFirstWithSnippet() {
        const Id c = m_store->create_conversation("Cooking").id;
        const Message once =
            say(c, "I like many things about the sea, the mountains, the forests, old books, "
                   "trains and also, once in a while, a good risotto with mushrooms.");
        const Message focused = say(c, "Risotto: toast the rice, add risotto stock slowly.");
        say(c, "Nothing relevant here at all.");
        const std::vector<SearchHit> hits = m_search->search("risotto");
        QCOMPARE(hits.size(), std::size_t{2});
        QCOMPARE(hits[0].message_id, std::optional<Id>(focused.id));
        QCOMPARE(hits[1].message_id, std::optional<Id>(once.id));
        QVERIFY(hits[0].score < hits[1].score);
        QCOMPARE(hits[0].conversation_id, c);
        QCOMPARE(q(hits[0].conversation_title), QStringLiteral("Cooking"));
        QCOMPARE(hits[0].role, std::optional<Role>(Role::user));
        const QString snippet = q(hits[0].snippet);
        QVERIFY2(snippet.contains(q("\x02Risotto\x03")), qPrintable(snippet));
        // A long message gives an excerpt around the match, not the whole text.
        const QString excerpt = q(m_search->search("risotto", {.snippet_words = 6})[1].snippet);
        QVERIFY2(excerpt.contains(q("\x02risotto\x03")) && excerpt.contains(QStringLiteral("…")),
                 qPrintable(excerpt));
        QVERIFY(!excerpt.contains(QStringLiteral("mountains")));
    }

    void titlesAreFoundAndOutrankASingleMention() {
        const Id named = m_store->create_conversation("Kubernetes upgrade").id;
        const Id other = m_store->create_conversation("Misc").id;
        say(other, "we could also talk about kubernetes some day, among many other long topics of "
                   "interest");
        const std::vector<SearchHit> hits = m_search->search("kubernetes");
        QCOMPARE(hits.size(), std::size_t{2});
        QVERIFY(!hits[0].message_id);
        QCOMPARE(hits[0].conversation_id, named);
        QCOMPARE(q(hits[0].snippet), QStringLiteral("\x02Kubernetes\x03 upgrade"));
        // Renaming re-indexes the title.
        m_store->rename(named, "Cluster work");
        QCOMPARE(m_search->search("kubernetes").size(), std::size_t{1});
        QCOMPARE(m_search->search("cluster").size(), std::size_t{1});
    }

    void everyWordMustMatchAndTheLastIsAPrefix() {
        const Id c = m_store->create_conversation("x").id;
        const Message both = say(c, "The quick brown fox");
        say(c, "A quick test");
        QCOMPARE(message_ids("quick fox"), (QList<Id>{both.id}));
        QCOMPARE(message_ids("quick br"), (QList<Id>{both.id})); // typing "brown"
        QCOMPARE(message_ids("qu").size(), 2);
        QVERIFY(message_ids("fox quick zebra").isEmpty());
    }

    void indexFollowsEditsStreamingAndDeletes() {
        const Id c = m_store->create_conversation("x").id;
        NewMessage answer;
        answer.conversation_id = c;
        answer.role = Role::assistant;
        StreamingMessageWriter writer = m_store->begin_streaming(answer, {.flush_interval = {}});
        writer.append("photosynthesis converts light");
        // A growing answer is indexed once, when it ends, not at every save.
        QVERIFY(message_ids("photosynthesis").isEmpty());
        writer.append(" into sugar");
        writer.finish({});
        QCOMPARE(message_ids("photosynthesis").size(), 1);
        QCOMPARE(message_ids("sugar").size(), 1);
        // Editing text in place (an interrupted answer marked at start) re-indexes it.
        NewMessage cut = answer;
        cut.state = MessageState::streaming;
        cut.content = "chlorophyll absorbs";
        m_store->append_message(cut);
        QVERIFY(message_ids("chlorophyll").isEmpty());
        m_store->mark_interrupted_streams();
        QCOMPARE(message_ids("chlorophyll").size(), 1);
        QVERIFY(m_db->integrity_problems().empty());
        const Message removed = say(c, "ephemeral words");
        QCOMPARE(message_ids("ephemeral"), (QList<Id>{removed.id}));
        m_store->delete_subtree(removed.id);
        QVERIFY(message_ids("ephemeral").isEmpty());
        m_store->delete_conversation(c);
        QVERIFY(message_ids("photosynthesis").isEmpty());
        QVERIFY(m_db->integrity_problems().empty());
    }

    void anyTypedTextIsASafeQuery_data() {
        QTest::addColumn<QString>("typed");
        for (const char* text :
             {"\"", "\"unbalanced", "a*b", "NOT", "AND OR", "col:umn", "(", "^start", "-x",
              "NEAR(a b)", "'; DROP TABLE messages; --", "   ", "…", "*"})
            QTest::newRow(text) << QString::fromUtf8(text);
    }

    void anyTypedTextIsASafeQuery() {
        QFETCH(QString, typed);
        const Id c = m_store->create_conversation("safe").id;
        say(c, "NOT a problem: col:umn (and) \"quotes\" a*b");
        m_search->search(typed.toStdString()); // must not throw
        QCOMPARE(m_store->all_messages(c).size(), std::size_t{1});
    }

    void unicodeMatching_data() {
        QTest::addColumn<QString>("stored");
        QTest::addColumn<QString>("typed");
        QTest::newRow("diacritics ignored")
            << QStringLiteral("Un café crème") << QStringLiteral("cafe creme");
        QTest::newRow("accent typed")
            << QStringLiteral("naive approach") << QStringLiteral("naïve");
        QTest::newRow("case folded")
            << QStringLiteral("GRÜSSE aus München") << QStringLiteral("münchen");
        QTest::newRow("cyrillic") << QStringLiteral("Привет, мир") << QStringLiteral("МИР");
        QTest::newRow("greek prefix") << QStringLiteral("καλημέρα κόσμε") << QStringLiteral("καλη");
        QTest::newRow("cjk run prefix") << QStringLiteral("东京 大阪") << QStringLiteral("东");
    }

    void unicodeMatching() {
        QFETCH(QString, stored);
        QFETCH(QString, typed);
        const Id c = m_store->create_conversation("unicode").id;
        const Message m = say(c, stored.toStdString());
        QCOMPARE(message_ids(typed.toStdString()), (QList<Id>{m.id}));
        const QString snippet = q(m_search->search(typed.toStdString())[0].snippet);
        QVERIFY2(snippet.contains(QChar(2)), qPrintable(snippet));
        QCOMPARE(QString(snippet).remove(QChar(2)).remove(QChar(3)), stored);
    }

    void archivedCanBeLeftOut() {
        const Id c = m_store->create_conversation("old stuff").id;
        say(c, "archived needle");
        m_store->set_archived(c, true);
        QCOMPARE(m_search->search("needle").size(), std::size_t{1});
        QVERIFY(m_search->search("needle", {.include_archived = false}).empty());
    }

    void queryTranslation() {
        QCOMPARE(q(fts_query_for("  hello   world ")), QStringLiteral("\"hello\" \"world\"*"));
        QCOMPARE(q(fts_query_for("say \"hi\"")), QStringLiteral("\"say\" \"\"\"hi\"\"\"*"));
        QCOMPARE(q(fts_query_for(" \t\n")), QString());
    }
};

QTEST_GUILESS_MAIN(TestSearch)
#include "test_search.moc"
