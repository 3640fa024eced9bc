// ConversationStore on real database files: every conversation and message operation, the
// message tree (edits and regenerations as branches, the active leaf, deleting branches),
// unicode kept byte for byte, and clear errors for ids that do not exist.

#include "conclave/storage/conversation_store.h"
#include "conclave/storage/database_error.h"
#include "storage_test_support.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace conclave::storage;
using namespace conclave::storage::testing;

class TestConversationStore : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_next = 0;
    std::unique_ptr<Database> m_db;
    ManualClock m_clock;
    std::unique_ptr<ConversationStore> m_store;

    Message say(Id conversation, Role role, const std::string& text,
                std::optional<Id> parent = {}) {
        NewMessage m;
        m.conversation_id = conversation;
        m.role = role;
        m.content = text;
        m.parent_id = parent;
        m_clock.advance(10);
        return m_store->append_message(m);
    }

    static QStringList contents(const std::vector<BranchMessage>& branch) {
        QStringList out;
        for (const BranchMessage& entry : branch) out << q(entry.message.content);
        return out;
    }

private slots:
    void init() {
        m_db = migrated_database(
            (m_dir.path() + QStringLiteral("/store%1.db").arg(m_next++)).toStdString());
        m_store = std::make_unique<ConversationStore>(*m_db, m_clock.clock());
    }

    void cleanup() {
        m_store.reset();
        m_db.reset();
    }

    void createReadAndChangeConversation() {
        const Conversation created = m_store->create_conversation("Trip planning");
        QVERIFY(created.id > 0);
        QCOMPARE(created.uid.size(), std::size_t{32});
        QCOMPARE(created.created_at, *m_clock.now);
        QVERIFY(!created.active_leaf_id);

        m_store->rename(created.id, "Trip to Lisbon");
        m_store->set_pinned(created.id, true);
        m_store->set_system_prompt(created.id, std::string("Answer briefly."));
        SamplingOverrides sampling;
        sampling.temperature = 0.25;
        sampling.top_k = 40;
        sampling.seed = -7;
        m_store->set_sampling(created.id, sampling);

        const Conversation read = m_store->conversation(created.id);
        QCOMPARE(q(read.title), QStringLiteral("Trip to Lisbon"));
        QVERIFY(read.pinned);
        QCOMPARE(q(read.system_prompt.value_or("")), QStringLiteral("Answer briefly."));
        QVERIFY(read.sampling == sampling);
        QCOMPARE(read.uid, created.uid);

        m_store->set_system_prompt(created.id, std::nullopt);
        m_store->set_sampling(created.id, {});
        const Conversation cleared = m_store->conversation(created.id);
        QVERIFY(!cleared.system_prompt);
        QVERIFY(cleared.sampling == SamplingOverrides{});
    }

    // Max tokens, thinking and effort (schema version 7) are the conversation's own, each
    // independently unset; thinking off is a choice, not "unset"; sampling is left alone.
    void answerOverridesRoundTrip() {
        const Id c = m_store->create_conversation("Reasoning").id;
        QVERIFY(m_store->conversation(c).answer == AnswerOverrides{});
        m_store->set_sampling(c, {0.5, std::nullopt, std::nullopt, std::nullopt, std::nullopt, 9});
        const AnswerOverrides mine{4096, false, std::string("low")};
        m_store->set_answer_overrides(c, mine);
        const Conversation read = m_store->conversation(c);
        QVERIFY(read.answer == mine);
        QCOMPARE(read.sampling.seed, std::optional<std::int64_t>(9));
        QVERIFY(m_store->list_conversations()[0].answer == mine);
        QVERIFY(m_store->open_conversation(c).conversation.answer == mine);

        m_store->set_answer_overrides(c, {std::nullopt, true, std::nullopt});
        QCOMPARE(m_store->conversation(c).answer.thinking, std::optional<bool>(true));
        QVERIFY(!m_store->conversation(c).answer.max_tokens);
        QVERIFY(!m_store->conversation(c).answer.reasoning_effort);

        QVERIFY_THROWS_EXCEPTION(DatabaseError, m_store->set_answer_overrides(c, {0, {}, {}}));
        QCOMPARE(m_store->conversation(c).answer.thinking, std::optional<bool>(true));
        QVERIFY_THROWS_EXCEPTION(DatabaseError, m_store->set_answer_overrides(c + 100, {}));
    }

    void listPutsPinnedFirstThenRecentActivity() {
        const Id old = m_store->create_conversation("old").id;
        m_clock.advance(1000);
        const Id newer = m_store->create_conversation("newer").id;
        m_clock.advance(1000);
        const Id pinned = m_store->create_conversation("pinned").id;
        m_store->set_pinned(pinned, true);
        m_clock.advance(1000);
        const Id archived = m_store->create_conversation("archived").id;
        m_store->set_archived(archived, true);

        auto ids = [](const std::vector<Conversation>& list) {
            QList<Id> out;
            for (const Conversation& c : list) out << c.id;
            return out;
        };
        QCOMPARE(ids(m_store->list_conversations()), (QList<Id>{pinned, newer, old}));
        // A new message makes a conversation the most recent one.
        say(old, Role::user, "back to this");
        QCOMPARE(ids(m_store->list_conversations()), (QList<Id>{pinned, old, newer}));
        QCOMPARE(ids(m_store->list_conversations({.archived = ListOptions::Archived::only})),
                 (QList<Id>{archived}));
        QCOMPARE(m_store->list_conversations({.archived = ListOptions::Archived::include}).size(),
                 std::size_t{4});
        QCOMPARE(ids(m_store->list_conversations({.limit = 1, .offset = 1})), (QList<Id>{old}));
    }

    void pagesFollowOneAnotherWithoutRepeatsOrGaps() {
        // 23 conversations, pinned and not, several sharing a time (the id breaks the tie).
        QList<Id> created;
        for (int i = 0; i < 23; ++i) {
            if (i % 3 == 0) m_clock.advance(1000);
            const Id id = m_store->create_conversation("c" + std::to_string(i)).id;
            if (i % 7 == 0) m_store->set_pinned(id, true);
            created << id;
        }
        auto ids = [](const std::vector<Conversation>& list) {
            QList<Id> out;
            for (const Conversation& c : list) out << c.id;
            return out;
        };
        const QList<Id> all = ids(m_store->list_conversations());
        QCOMPARE(all.size(), 23);
        QList<Id> paged;
        std::vector<Conversation> page = m_store->list_conversations({.limit = 5});
        while (!page.empty()) {
            paged << ids(page);
            page =
                m_store->list_conversations({.limit = 5, .after = ListCursor::after(page.back())});
        }
        QCOMPARE(paged, all);

        // A conversation further down becomes the most recent while the user scrolls: the
        // next pages neither repeat a row nor skip one that did not move.
        std::vector<Conversation> first = m_store->list_conversations({.limit = 5});
        const Id moved = all[15];
        m_clock.advance(1000);
        say(moved, Role::user, "back to this one");
        QList<Id> rest;
        page = m_store->list_conversations({.limit = 5, .after = ListCursor::after(first.back())});
        while (!page.empty()) {
            rest << ids(page);
            page =
                m_store->list_conversations({.limit = 5, .after = ListCursor::after(page.back())});
        }
        QList<Id> expected = all.mid(5);
        expected.removeOne(moved);
        QCOMPARE(rest, expected);
    }

    void appendBuildsTheActiveBranch() {
        const Id c = m_store->create_conversation("chat").id;
        const Message question = say(c, Role::user, "What is 2+2?");
        QVERIFY(!question.parent_id);
        NewMessage answer;
        answer.conversation_id = c;
        answer.role = Role::assistant;
        answer.content = "4";
        answer.reasoning = "Adding two and two.";
        answer.model_name = "SmolLM2";
        answer.stats = {12, 1, 85.5, 42.0, StopReason::finished};
        const Message stored = m_store->append_message(answer);
        QCOMPARE(stored.parent_id, std::optional<Id>(question.id));
        QCOMPARE(q(stored.reasoning), QStringLiteral("Adding two and two."));
        QVERIFY(stored.stats == answer.stats);
        QCOMPARE(m_store->conversation(c).active_leaf_id, std::optional<Id>(stored.id));

        const ConversationView view = m_store->open_conversation(c);
        QCOMPARE(contents(view.branch), (QStringList{"What is 2+2?", "4"}));
        QCOMPARE(view.branch.back().sibling_count, 1);
    }

    void editAndRegenerateCreateBranches() {
        const Id c = m_store->create_conversation("branches").id;
        const Message q1 = say(c, Role::user, "Name a colour");
        const Message a1 = say(c, Role::assistant, "Red");
        // Regenerate: a second answer under the same question.
        const Message a2 = say(c, Role::assistant, "Blue", q1.id);
        QCOMPARE(contents(m_store->active_branch(c)), (QStringList{"Name a colour", "Blue"}));
        // Edit the question: a sibling question, with its own answer.
        const Message q2 = m_store->edit_message(q1.id, "Name a fruit");
        QVERIFY(!q2.parent_id);
        const Message a3 = say(c, Role::assistant, "Apple");
        QCOMPARE(a3.parent_id, std::optional<Id>(q2.id));

        const std::vector<BranchMessage> branch = m_store->active_branch(c);
        QCOMPARE(contents(branch), (QStringList{"Name a fruit", "Apple"}));
        QCOMPARE(branch[0].sibling_index, 1);
        QCOMPARE(branch[0].sibling_count, 2);

        // Back to the first question: its newest answer (Blue) comes with it.
        QCOMPARE(m_store->select_branch(q1.id), a2.id);
        const std::vector<BranchMessage> first = m_store->active_branch(c);
        QCOMPARE(contents(first), (QStringList{"Name a colour", "Blue"}));
        QCOMPARE(first[0].sibling_index, 0);
        QCOMPARE(first[1].sibling_index, 1);
        QCOMPARE(first[1].sibling_count, 2);
        m_store->set_active_leaf(c, a1.id);
        QCOMPARE(contents(m_store->active_branch(c)), (QStringList{"Name a colour", "Red"}));

        QCOMPARE(m_store->children(c, std::nullopt).size(), std::size_t{2});
        QCOMPARE(m_store->children(c, q1.id).size(), std::size_t{2});
        QCOMPARE(m_store->all_messages(c).size(), std::size_t{5});
    }

    void deleteSubtreeMovesTheBranchAndRemovesDescendants() {
        const Id c = m_store->create_conversation("pruning").id;
        const Message q1 = say(c, Role::user, "q");
        const Message a1 = say(c, Role::assistant, "first answer");
        say(c, Role::user, "follow-up");
        const Message a2 = say(c, Role::assistant, "second answer", q1.id);
        const Message deep = say(c, Role::user, "deeper");
        QCOMPARE(m_store->conversation(c).active_leaf_id, std::optional<Id>(deep.id));

        m_store->delete_subtree(a2.id);
        QCOMPARE(m_store->all_messages(c).size(), std::size_t{3});
        // The branch falls back to the newest remaining leaf under the question.
        QCOMPARE(contents(m_store->active_branch(c)),
                 (QStringList{"q", "first answer", "follow-up"}));
        QVERIFY_THROWS_EXCEPTION(DatabaseError, m_store->message(deep.id));

        m_store->delete_subtree(q1.id);
        QVERIFY(m_store->all_messages(c).empty());
        QVERIFY(!m_store->conversation(c).active_leaf_id);
        Q_UNUSED(a1);
    }

    void longChainsDeleteWithoutRecursionLimits() {
        // A cascade per level would hit SQLite's trigger depth limit (1000) here. The set-up
        // makes 1500 commits; without the per-commit fsync (power-cut durability, not
        // behaviour) they take milliseconds instead of seconds.
        m_db->exec("PRAGMA synchronous = NORMAL");
        const Id c = m_store->create_conversation("long").id;
        std::optional<Id> first;
        for (int i = 0; i < 1500; ++i) {
            const Message m =
                say(c, i % 2 ? Role::assistant : Role::user, "turn " + std::to_string(i));
            if (!first) first = m.id;
        }
        QCOMPARE(m_store->active_branch(c).size(), std::size_t{1500});
        m_store->delete_subtree(*first);
        QVERIFY(m_store->all_messages(c).empty());
        say(c, Role::user, "again");
        m_store->delete_conversation(c);
        QVERIFY_THROWS_EXCEPTION(DatabaseError, m_store->conversation(c));
    }

    void deleteConversationRemovesItsMessagesOnly() {
        const Id keep = m_store->create_conversation("keep").id;
        const Id drop = m_store->create_conversation("drop").id;
        say(keep, Role::user, "stays");
        const Message gone = say(drop, Role::user, "goes");
        m_store->delete_conversation(drop);
        QCOMPARE(m_store->all_messages(keep).size(), std::size_t{1});
        QVERIFY_THROWS_EXCEPTION(DatabaseError, m_store->message(gone.id));
        QCOMPARE(m_store->list_conversations().size(), std::size_t{1});
    }

    void unicodeIsKeptByteForByte_data() {
        QTest::addColumn<QString>("text");
        QTest::newRow("cyrillic and accents") << QStringLiteral("Приве́т, café — naïve");
        QTest::newRow("cjk") << QStringLiteral("你好，世界。日本語のテキスト");
        QTest::newRow("emoji and zwj") << QStringLiteral("👩‍👩‍👧 🦜 🇵🇹");
        QTest::newRow("rtl and combining") << QStringLiteral("שלום עולם مرحبا Z̤͔ͧ̑̓");
        QTest::newRow("code with quotes")
            << QStringLiteral("printf(\"%s\\n\", s); -- ' OR 1=1; \"\"");
    }

    void unicodeIsKeptByteForByte() {
        QFETCH(QString, text);
        const std::string utf8 = text.toStdString();
        const Id c = m_store->create_conversation(utf8).id;
        const Message m = say(c, Role::user, utf8);
        QCOMPARE(m_store->message(m.id).content, utf8);
        QCOMPARE(m_store->conversation(c).title, utf8);
    }

    void missingIdsAreReportedAsNotFound() {
        const Id c = m_store->create_conversation("x").id;
        const auto kind_of = [](const std::function<void()>& call) {
            try {
                call();
            } catch (const DatabaseError& error) {
                return error.kind();
            }
            return ErrorKind::other;
        };
        QCOMPARE(kind_of([&] { m_store->conversation(999); }), ErrorKind::not_found);
        QCOMPARE(kind_of([&] { m_store->rename(999, "x"); }), ErrorKind::not_found);
        QCOMPARE(kind_of([&] { m_store->message(999); }), ErrorKind::not_found);
        QCOMPARE(kind_of([&] { say(999, Role::user, "nowhere"); }), ErrorKind::not_found);
        QCOMPARE(kind_of([&] { m_store->delete_conversation(999); }), ErrorKind::not_found);
        // A parent from another conversation is refused and nothing is written.
        const Id other = m_store->create_conversation("other").id;
        const Message foreign = say(other, Role::user, "elsewhere");
        QCOMPARE(kind_of([&] { say(c, Role::assistant, "misplaced", foreign.id); }),
                 ErrorKind::invalid_input);
        QVERIFY(m_store->all_messages(c).empty());
    }

    void interruptedStreamsAreMarked() {
        const Id c = m_store->create_conversation("x").id;
        NewMessage m;
        m.conversation_id = c;
        m.role = Role::assistant;
        m.state = MessageState::streaming;
        m.content = "half an ans";
        const Message streaming = m_store->append_message(m);
        QCOMPARE(m_store->mark_interrupted_streams(), 1);
        const Message after = m_store->message(streaming.id);
        QCOMPARE(after.state, MessageState::interrupted);
        QCOMPARE(q(after.content), QStringLiteral("half an ans"));
        QCOMPARE(m_store->mark_interrupted_streams(), 0);
    }
};

QTEST_GUILESS_MAIN(TestConversationStore)
#include "test_conversation_store.moc"
