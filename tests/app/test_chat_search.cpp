// Search through the chat (no model): the SQLite store's search ranked with highlighted
// snippets, the SearchModel's rows and markup (typed text is safe, debounced), the in-memory
// store's substring search, and opening a result: the right conversation on the branch of a
// message that was not on screen, with the view asked to show that message.

#include "chat_controller.h"
#include "conclave/storage/database.h"
#include "conclave/storage/open_database.h"
#include "engine_thread.h"
#include "sqlite_conversation_store.h"

#include <QAbstractItemModelTester>
#include <QTemporaryDir>
#include <QtTest>

using conclave::app::EngineThread;
using conclave::app::SqliteConversationStore;
using conclave::ui::ChatController;
using conclave::ui::ChatMessage;
using conclave::ui::ConversationStore;
using conclave::ui::SearchModel;
namespace storage = conclave::storage;

namespace {
ChatMessage message(ChatMessage::Role role, const QString& text) {
    ChatMessage m;
    m.role = role;
    m.text = text;
    return m;
}
} // namespace

class TestChatSearch : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_files = 0;
    EngineThread m_engine;

    std::unique_ptr<storage::Database> open() {
        return storage::open_conclave_database(
                   m_dir.filePath(QStringLiteral("search%1.db").arg(++m_files)).toStdString())
            .database;
    }

private slots:
    void sqliteSearchIsRankedWithHighlightedSnippets() {
        auto db = open();
        SqliteConversationStore store(*db);
        const qint64 a = store.createConversation(QStringLiteral("Gardening")).id;
        const ChatMessage q = store.appendMessage(a, 0, message(ChatMessage::Role::user,
            QStringLiteral("Tell me a long story about tomatoes, cucumbers, beans, peppers, onions, "
                           "garlic, carrots, radishes, lettuce and one nebula far away.")));
        const qint64 b = store.createConversation(QStringLiteral("Astronomy")).id;
        const ChatMessage dense = store.appendMessage(b, 0, message(ChatMessage::Role::user,
            QStringLiteral("Nebula nebula: what is a nebula?")));
        store.createConversation(QStringLiteral("Unrelated"));

        const QList<conclave::ui::SearchResult> hits = store.search(QStringLiteral("nebul"), 10);
        QCOMPARE(hits.size(), 2);
        QCOMPARE(hits.at(0).messageId, dense.id); // three matches in a short message rank first
        QCOMPARE(hits.at(0).conversationId, b);
        QCOMPARE(hits.at(0).conversationTitle, QStringLiteral("Astronomy"));
        QCOMPARE(hits.at(1).messageId, q.id);
        QVERIFY(hits.at(0).date.isValid());
        QVERIFY(hits.at(0).snippet.contains(conclave::ui::searchHighlightBegin));

        SearchModel model(&store);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy counted(&model, &SearchModel::countChanged);
        model.setQuery(QStringLiteral("nebul"));
        QCOMPARE(model.rowCount(), 0); // debounced: nothing per key
        QTRY_COMPARE(model.rowCount(), 2);
        QCOMPARE(counted.count(), 1);
        const QModelIndex top = model.index(0);
        QCOMPARE(top.data(SearchModel::TitleRole).toString(), QStringLiteral("Astronomy"));
        QCOMPARE(top.data(SearchModel::SnippetRole).toString(),
                 QStringLiteral("<b>Nebula</b> <b>nebula</b>: what is a <b>nebula</b>?"));
        QVERIFY(!top.data(SearchModel::DateTextRole).toString().isEmpty());
        model.setHighlightColor(QColor(QStringLiteral("#3565d9")));
        QVERIFY(model.index(1).data(SearchModel::SnippetRole).toString()
                    .contains(QStringLiteral("<b><font color=\"#3565d9\">nebula</font></b>")));

        // Titles match too; FTS syntax and markup typed by the user are only text.
        model.setQuery(QStringLiteral("astro"));
        model.refresh();
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0).data(SearchModel::MessageIdRole).toLongLong(), 0);
        for (const char* hostile : {"\"unbalanced", "NOT", "a* OR (", "<b>x</b>", "title:foo"}) {
            model.setQuery(QString::fromLatin1(hostile));
            model.refresh();
            QCOMPARE(model.rowCount(), 0);
        }
        QCOMPARE(SearchModel::snippetHtml(QStringLiteral("a <i>\x02x\x03</i>\n& b")),
                 QStringLiteral("a &lt;i&gt;<b>x</b>&lt;/i&gt; &amp; b"));
    }

    void inMemorySearchFindsSubstrings() {
        conclave::ui::InMemoryConversationStore store;
        const qint64 a = store.createConversation(QStringLiteral("Pasta")).id;
        store.appendMessage(a, 0, message(ChatMessage::Role::user, QStringLiteral("How long to boil PASTA? pasta!")));
        const qint64 b = store.createConversation(QStringLiteral("Other")).id;
        store.appendMessage(b, 0, message(ChatMessage::Role::user, QStringLiteral("antipasti")));
        const auto hits = store.search(QStringLiteral("pasta"), 10);
        QCOMPARE(hits.size(), 2); // the message (two matches) and the title
        QCOMPARE(hits.at(0).snippet, QStringLiteral("How long to boil \x02PASTA\x03? \x02pasta\x03!"));
        QCOMPARE(hits.at(1).messageId, 0);
        QCOMPARE(store.search(QStringLiteral("ANTIPAST"), 10).size(), 1);
        QVERIFY(store.search(QStringLiteral("  "), 10).isEmpty());
    }

    // A hit on a branch that is not on screen opens that branch and points the view at it.
    void openingAResultSelectsItsConversationAndBranch() {
        auto db = open();
        SqliteConversationStore store(*db);
        const qint64 c = store.createConversation(QStringLiteral("Branches")).id;
        const ChatMessage q = store.appendMessage(c, 0, message(ChatMessage::Role::user, QStringLiteral("Name a colour")));
        const ChatMessage first = store.appendMessage(c, q.id, message(ChatMessage::Role::assistant, QStringLiteral("Vermilion, a warm red.")));
        store.appendMessage(c, q.id, message(ChatMessage::Role::assistant, QStringLiteral("Blue.")));
        const qint64 other = store.createConversation(QStringLiteral("Other")).id;
        store.appendMessage(other, 0, message(ChatMessage::Role::user, QStringLiteral("hello")));

        ChatController chat(m_engine.worker(), &store);
        chat.selectConversation(other);
        QSignalSpy reveal(&chat, &ChatController::messageRevealRequested);
        chat.search()->setQuery(QStringLiteral("vermil"));
        chat.search()->refresh();
        QCOMPARE(chat.search()->rowCount(), 1);
        QVERIFY(chat.openSearchResult(0));
        QCOMPARE(chat.currentConversationId(), c);
        QCOMPARE(chat.messages()->rowCount(), 2);
        QCOMPARE(chat.messages()->at(1).id, first.id);
        QCOMPARE(chat.messages()->at(1).siblingIndex, 0);
        QCOMPARE(chat.messages()->at(1).siblingCount, 2);
        QCOMPARE(reveal.count(), 1);
        QCOMPARE(reveal.at(0).at(0).toInt(), 1);
        QCOMPARE(store.activeBranch(c).constLast().id, first.id); // remembered by the store

        // In the conversation already open: the other branch, again revealed.
        chat.search()->setQuery(QStringLiteral("blue"));
        chat.search()->refresh();
        QCOMPARE(chat.search()->rowCount(), 1);
        QVERIFY(chat.openSearchResult(0));
        QCOMPARE(chat.messages()->at(1).text, QStringLiteral("Blue."));
        QCOMPARE(reveal.count(), 2);
        QVERIFY(!chat.openSearchResult(5));

        // A conversation waiting for its delete is not offered.
        chat.deleteConversation(c);
        chat.search()->refresh();
        QCOMPARE(chat.search()->rowCount(), 0);
        QVERIFY(!chat.openMessage(c, first.id));
        chat.undoDelete();
        chat.search()->refresh();
        QCOMPARE(chat.search()->rowCount(), 1);
    }
};

QTEST_MAIN(TestChatSearch)
#include "test_chat_search.moc"
