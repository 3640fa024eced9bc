// ConversationSearch: what the user types finds messages and titles, best match first,
// with highlighted snippets; the index follows edits and deletions; any text is a valid
// query; unicode (diacritics, case, Cyrillic, emoji) is matched as a user expects. The
// ranking is bm25 (exactly, for words in fewer rows than the count limit; in the same order
// above it), and a very common word gives its newest matches, ranked.

#include "conclave/storage/conversation_store.h"
#include "conclave/storage/search.h"
#include "storage_test_support.h"

#include <QTemporaryDir>
#include <QtTest>
#include <algorithm>
#include <cmath>
#include <tuple>

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

    // 13,000 messages in one statement (the triggers index them): "often" in every third
    // (4,333 rows, above the ranking's exact-count limit of 4,096), three times in every
    // fifteenth, "seldom" in 13; lengths vary. The oldest message says "often" ten times.
    Id many_messages() {
        m_db->exec("PRAGMA synchronous = OFF"); // set-up speed only
        const Id c = m_store->create_conversation("many").id;
        say(c, "often often often often often often often often often often");
        m_db->prepare(
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 13000)"
                " INSERT INTO messages(conversation_id, role, content, created_at, updated_at)"
                " SELECT :c, 'user', 'word ' || substr('a b c d e f g h i j k l m n o p', 1,"
                "  (i % 16) * 2) || CASE WHEN i % 15 = 0 THEN ' often often often'"
                "  WHEN i % 3 = 0 THEN ' often' ELSE '' END"
                "  || CASE WHEN i % 1000 = 1 THEN ' seldom' ELSE '' END, i, i FROM n")
            .bind(":c", c)
            .run();
        return c;
    }

    // (rowid, conclave_rank, bm25) of the newest 2,000 matches, best first by each score.
    struct Ranked {
        QList<Id> by_ours;
        QList<Id> by_bm25;
        double largest_relative_difference = 0;
    };
    Ranked rank_both(const std::string& fts_query) {
        Statement select = m_db->prepare(
            "SELECT rowid, conclave_rank(messages_fts), bm25(messages_fts) FROM messages_fts"
            " WHERE messages_fts MATCH :query ORDER BY rowid DESC LIMIT 2000");
        select.bind(":query", fts_query);
        std::vector<std::tuple<Id, double, double>> rows;
        while (select.step()) rows.emplace_back(select.int64(0), select.real(1), select.real(2));
        Ranked ranked;
        for (const auto& [id, ours, theirs] : rows)
            ranked.largest_relative_difference = std::max(
                ranked.largest_relative_difference, std::abs(ours - theirs) / std::abs(theirs));
        const auto order = [&](auto score) {
            std::sort(rows.begin(), rows.end(), [&](const auto& x, const auto& y) {
                return std::pair(score(x), std::get<0>(y)) < std::pair(score(y), std::get<0>(x));
            });
            QList<Id> ids;
            for (const auto& row : rows) ids << std::get<0>(row);
            return ids;
        };
        ranked.by_ours = order([](const auto& row) { return std::get<1>(row); });
        ranked.by_bm25 = order([](const auto& row) { return std::get<2>(row); });
        return ranked;
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

    void rankingIsBm25EvenForVeryCommonWords() {
        many_messages();
        // Below the count limit: bm25 itself.
        const Ranked rare = rank_both("\"seldom\"");
        QCOMPARE(rare.by_ours.size(), 13);
        QVERIFY2(rare.largest_relative_difference < 1e-12,
                 qPrintable(QString::number(rare.largest_relative_difference)));
        // Above it the common word's weight is estimated: same order, scores within 1%.
        for (const char* query :
             {"\"often\"", "\"often\" \"seldom\"", "\"seldom\" \"oft\"*", "\"word\" \"often\""}) {
            const Ranked common = rank_both(query);
            QVERIFY(!common.by_ours.isEmpty());
            QCOMPARE(common.by_ours, common.by_bm25);
            QVERIFY2(common.largest_relative_difference < 0.01,
                     qPrintable(QString::number(common.largest_relative_difference)));
        }
    }

    void veryCommonWordGivesItsNewestMatchesRanked() {
        const Id c = many_messages();
        const Id oldest = m_store->all_messages(c).front().id; // "often" ten times
        const std::vector<SearchHit> hits = m_search->search("often", {.limit = 50});
        QCOMPARE(hits.size(), std::size_t{50});
        // Only the newest 2,000 matches are ranked: 6,000 messages back, every third matches.
        Statement newest = m_db->prepare("SELECT max(id) FROM messages");
        QVERIFY(newest.step());
        for (std::size_t i = 0; i < hits.size(); ++i) {
            QVERIFY(*hits[i].message_id != oldest);
            QVERIFY(*hits[i].message_id > newest.int64(0) - 6100);
            if (i) QVERIFY(hits[i - 1].score <= hits[i].score);
        }
        // Best first: the messages that say it three times, shortest first.
        QVERIFY2(q(hits[0].snippet).count(q("\x02often\x03")) == 3, qPrintable(q(hits[0].snippet)));
    }

    void queryTranslation() {
        QCOMPARE(q(fts_query_for("  hello   world ")), QStringLiteral("\"hello\" \"world\"*"));
        QCOMPARE(q(fts_query_for("say \"hi\"")), QStringLiteral("\"say\" \"\"\"hi\"\"\"*"));
        QCOMPARE(q(fts_query_for(" \t\n")), QString());
    }
};

QTEST_GUILESS_MAIN(TestSearch)
#include "test_search.moc"
