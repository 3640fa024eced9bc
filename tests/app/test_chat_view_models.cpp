// The chat view models without an engine: Markdown answers split into prose and code blocks
// (also while a fence is still open), conversations grouped by date, the message list's
// rows and roles under QAbstractItemModelTester, and the in-memory store's ordering.

#include "conversation_list_model.h"
#include "conversation_store.h"
#include "markdown_blocks.h"
#include "message_list_model.h"
#include "text_attachment.h"

#include <QAbstractItemModelTester>
#include <QTemporaryDir>
#include <QtTest>

using namespace conclave::ui;

class TestChatViewModels : public QObject {
    Q_OBJECT

private slots:
    void splitsFencedCode_data() {
        QTest::addColumn<QString>("markdown");
        QTest::addColumn<QStringList>("kinds");
        QTest::addColumn<QString>("language");
        QTest::addColumn<bool>("lastOpen");
        QTest::newRow("prose only") << "Hello **world**\n\n- a\n- b" << QStringList{"prose"} << "" << false;
        QTest::newRow("code between prose") << "Try:\n```cpp\nint x = 1;\n```\nDone." << QStringList{"prose", "code", "prose"}
                                           << "cpp" << false;
        QTest::newRow("streaming fence") << "Here:\n```python\nprint(1)" << QStringList{"prose", "code"} << "python" << true;
        QTest::newRow("tilde fence, no language") << "~~~\nplain\n~~~" << QStringList{"code"} << "" << false;
        QTest::newRow("inline backticks stay prose") << "Use `x` and ``y``." << QStringList{"prose"} << "" << false;
        QTest::newRow("longer closing fence") << "````md\n```\ninner\n```\n````" << QStringList{"code"} << "md" << false;
    }

    void splitsFencedCode() {
        QFETCH(QString, markdown);
        QFETCH(QStringList, kinds);
        QFETCH(QString, language);
        QFETCH(bool, lastOpen);
        const QList<MarkdownBlock> blocks = splitMarkdownBlocks(markdown);
        QStringList got;
        QString codeLanguage;
        for (const MarkdownBlock& block : blocks) {
            got << (block.kind == MarkdownBlock::Kind::code ? QStringLiteral("code") : QStringLiteral("prose"));
            if (block.kind == MarkdownBlock::Kind::code) codeLanguage = block.language;
        }
        QCOMPARE(got, kinds);
        QCOMPARE(codeLanguage, language);
        QCOMPARE(blocks.constLast().open, lastOpen);
    }

    void codeBlockKeepsItsText() {
        const QList<MarkdownBlock> blocks = splitMarkdownBlocks(QStringLiteral("```\n  indented\n\nline 3\n```"));
        QCOMPARE(blocks.size(), 1);
        QCOMPARE(blocks.at(0).text, QStringLiteral("  indented\n\nline 3"));
    }

    void groupsConversationsByDate_data() {
        QTest::addColumn<int>("daysAgo");
        QTest::addColumn<QString>("group");
        QTest::newRow("today") << 0 << "Today";
        QTest::newRow("yesterday") << 1 << "Yesterday";
        QTest::newRow("6 days") << 6 << "Previous 7 days";
        QTest::newRow("20 days") << 20 << "Previous 30 days";
        QTest::newRow("a year") << 365 << "Older";
    }

    void groupsConversationsByDate() {
        QFETCH(int, daysAgo);
        QFETCH(QString, group);
        const QDate today(2025, 3, 15);
        QCOMPARE(ConversationListModel::groupFor(today.addDays(-daysAgo), today), group);
    }

    void messageModelRowsAndRoles() {
        MessageListModel model;
        QAbstractItemModelTester tester(&model);
        ChatMessage user;
        user.text = QStringLiteral("hi");
        model.append(user);
        ChatMessage answer;
        answer.role = ChatMessage::Role::assistant;
        answer.state = ChatMessage::State::streaming;
        answer.text = QStringLiteral("Sure:\n```sh\nls");
        model.append(answer);
        QCOMPARE(model.rowCount(), 2);
        const QModelIndex row = model.index(1);
        QCOMPARE(model.data(row, MessageListModel::RoleNameRole).toString(), QStringLiteral("assistant"));
        QCOMPARE(model.data(row, MessageListModel::StateRole).toString(), QStringLiteral("streaming"));
        QCOMPARE(model.data(row, MessageListModel::BlocksRole).toList().size(), 2);

        answer.text += QStringLiteral("\n```\nDone.");
        answer.state = ChatMessage::State::stopped;
        answer.generatedTokens = 12;
        answer.tokensPerSecond = 40.0;
        model.replace(1, answer);
        QCOMPARE(model.data(row, MessageListModel::BlocksRole).toList().size(), 3);
        const QString stats = model.data(row, MessageListModel::StatsTextRole).toString();
        QVERIFY2(stats.contains(QStringLiteral("12 tokens")) && stats.contains(QStringLiteral("stopped")), qPrintable(stats));
        QVERIFY(model.roleNames().values().contains("messageState"));
        model.removeAt(0);
        QCOMPARE(model.rowCount(), 1);
        model.setMessages({});
        QCOMPARE(model.rowCount(), 0);
    }

    void storeOrdersPinnedThenByLastUpdate() {
        InMemoryConversationStore store;
        const qint64 first = store.createConversation(QStringLiteral("first")).id;
        const qint64 second = store.createConversation(QStringLiteral("second")).id;
        QTest::qWait(5);
        ChatMessage message;
        message.text = QStringLiteral("later");
        const ChatMessage stored = store.appendMessage(first, 0, message);
        QVERIFY(stored.id > 0);
        QCOMPARE(store.conversations().at(0).id, first);
        QCOMPARE(store.conversations().at(1).id, second);
        store.setPinned(second, true);
        QCOMPARE(store.conversations().at(0).id, second);
        QVERIFY(store.conversations().at(0).pinned);
        store.renameConversation(second, QStringLiteral("renamed"));
        QCOMPARE(store.conversations().at(0).title, QStringLiteral("renamed"));
        store.deleteConversation(second);
        QCOMPARE(store.conversations().size(), 1);
        QVERIFY(store.activeBranch(12345).isEmpty());
    }

    // The tree: a regenerated answer is a sibling; the branch follows the active leaf, and
    // selecting a version shows the newest leaf below it.
    void storeKeepsBranches() {
        InMemoryConversationStore store;
        const qint64 c = store.createConversation(QStringLiteral("tree")).id;
        ChatMessage user;
        user.text = QStringLiteral("question");
        user = store.appendMessage(c, 0, user);
        ChatMessage answer;
        answer.role = ChatMessage::Role::assistant;
        answer.text = QStringLiteral("first");
        const ChatMessage a1 = store.appendMessage(c, user.id, answer);
        answer.text = QStringLiteral("second");
        const ChatMessage a2 = store.appendMessage(c, user.id, answer);
        QCOMPARE(a2.siblingIndex, 1);
        QCOMPARE(a2.siblingCount, 2);
        QList<ChatMessage> branch = store.activeBranch(c);
        QCOMPARE(branch.size(), 2);
        QCOMPARE(branch.at(1).text, QStringLiteral("second"));
        QCOMPARE(branch.at(1).siblingIndex, 1);
        QCOMPARE(store.siblings(c, a2.id), (QList<qint64>{a1.id, a2.id}));
        store.selectBranch(c, a1.id);
        branch = store.activeBranch(c);
        QCOMPARE(branch.at(1).text, QStringLiteral("first"));
        QCOMPARE(branch.at(1).siblingIndex, 0);
        QCOMPARE(branch.at(1).siblingCount, 2);
        // Selecting the question follows its newest answer.
        store.selectBranch(c, user.id);
        QCOMPARE(store.activeBranch(c).constLast().id, a2.id);
    }

    void pinnedConversationsGroupApart() {
        ConversationListModel model;
        QAbstractItemModelTester tester(&model);
        ConversationHeader pinned;
        pinned.id = 1;
        pinned.title = QStringLiteral("kept");
        pinned.pinned = true;
        pinned.updated = QDateTime::currentDateTime();
        ConversationHeader plain = pinned;
        plain.id = 2;
        plain.pinned = false;
        model.setConversations({pinned, plain});
        QCOMPARE(model.data(model.index(0), ConversationListModel::GroupRole).toString(), ConversationListModel::pinnedGroup());
        QCOMPARE(model.data(model.index(1), ConversationListModel::GroupRole).toString(),
                 ConversationListModel::groupFor(QDate::currentDate(), QDate::currentDate()));
        QCOMPARE(model.titleOf(1), QStringLiteral("kept"));
        QVERIFY(model.titleOf(99).isEmpty());
    }

    void lastUserRowForTheUpKey() {
        using conclave::ui::ChatMessage;
        MessageListModel model;
        QCOMPARE(model.lastUserRow(), -1);
        ChatMessage question;
        question.role = ChatMessage::Role::user;
        question.text = QStringLiteral("first");
        ChatMessage answer;
        answer.role = ChatMessage::Role::assistant;
        answer.text = QStringLiteral("reply");
        model.append(question);
        model.append(answer);
        question.text = QStringLiteral("second");
        model.append(question);
        model.append(answer);
        QCOMPARE(model.lastUserRow(), 2);
        QCOMPARE(model.textAt(2), QStringLiteral("second"));
        QCOMPARE(model.textAt(7), QString());
    }

    // A dropped file: UTF-8 text is attached; binary, invalid UTF-8, too large, missing,
    // remote and folders are refused with a reason; a byte-order mark is not content.
    void readsDroppedTextFiles() {
        using conclave::ui::TextAttachment;
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        auto write = [&](const QString& name, const QByteArray& bytes) {
            QFile file(dir.filePath(name));
            if (!file.open(QIODevice::WriteOnly)) return QUrl();
            file.write(bytes);
            return QUrl::fromLocalFile(file.fileName());
        };
        const QVariantMap text = TextAttachment::read(write(QStringLiteral("notes.md"), "\xEF\xBB\xBFh\xC3\xA9llo\n"));
        QVERIFY(text.value(QStringLiteral("ok")).toBool());
        QCOMPARE(text.value(QStringLiteral("name")).toString(), QStringLiteral("notes.md"));
        QCOMPARE(text.value(QStringLiteral("text")).toString(), QString::fromUtf8("h\xC3\xA9llo\n"));

        auto refused = [](const QUrl& url, const char* reason) {
            const QVariantMap result = TextAttachment::read(url);
            return !result.value(QStringLiteral("ok")).toBool()
                   && result.value(QStringLiteral("error")).toString().contains(QLatin1String(reason));
        };
        QVERIFY(refused(write(QStringLiteral("image.png"), QByteArray("\x89PNG\r\n\x1a\n\0\0", 10)), "not a text file"));
        QVERIFY(refused(write(QStringLiteral("latin1.txt"), "caf\xE9"), "not a text file"));
        QVERIFY(refused(write(QStringLiteral("big.log"), QByteArray(TextAttachment::maxBytes + 1, 'x')), "too large"));
        QVERIFY(refused(QUrl::fromLocalFile(dir.filePath(QStringLiteral("gone.txt"))), "not a file"));
        QVERIFY(refused(QUrl::fromLocalFile(dir.path()), "not a file"));
        QVERIFY(refused(QUrl(QStringLiteral("https://example.com/a.txt")), "on this computer"));
        QVERIFY(TextAttachment::isAttachable(QUrl::fromLocalFile(QStringLiteral("/tmp/a.py"))));
        QVERIFY(!TextAttachment::isAttachable(QUrl::fromLocalFile(QStringLiteral("/tmp/model.GGUF"))));
    }

    void attachedTextIsFencedSafely() {
        using conclave::ui::TextAttachment;
        using conclave::ui::splitMarkdownBlocks;
        QCOMPARE(TextAttachment::messageText(QStringLiteral("add.py"), QStringLiteral("def add(a, b):\n    return a + b")),
                 QStringLiteral("add.py:\n```py\ndef add(a, b):\n    return a + b\n```\n"));
        // Backticks inside the file cannot close the fence: the block holds the whole file.
        const QString readme = QStringLiteral("Run:\n```sh\nmake\n```\nDone.\n");
        const QString message = TextAttachment::messageText(QStringLiteral("README.md"), readme);
        QVERIFY(message.startsWith(QStringLiteral("README.md:\n````md\n")));
        const auto blocks = splitMarkdownBlocks(message);
        QCOMPARE(blocks.size(), 2);
        QCOMPARE(blocks.at(1).kind, conclave::ui::MarkdownBlock::Kind::code);
        QCOMPARE(blocks.at(1).text + u'\n', readme);
        QVERIFY(!blocks.at(1).open);
    }

    // The sidebar list changes in place: an answer moving its conversation to the top is one
    // move (no reset, so the visible rows survive); random edits under the model tester end
    // in exactly the new list.
    void conversationListChangesInPlace() {
        using conclave::ui::ConversationHeader;
        auto header = [](qint64 id, const QString& title) {
            ConversationHeader row;
            row.id = id;
            row.title = title;
            row.updated = QDateTime(QDate(2026, 11, 1), QTime(12, 0)).addSecs(id);
            return row;
        };
        ConversationListModel model;
        QAbstractItemModelTester tester(&model);
        QList<ConversationHeader> rows;
        for (int id = 1; id <= 6; ++id) rows << header(id, QStringLiteral("c%1").arg(id));
        model.setConversations(rows);
        QSignalSpy resets(&model, &QAbstractItemModel::modelAboutToBeReset);
        QSignalSpy moves(&model, &QAbstractItemModel::rowsMoved);
        QSignalSpy changes(&model, &QAbstractItemModel::dataChanged);
        ConversationHeader bumped = rows.takeAt(4);
        bumped.updated = bumped.updated.addDays(1);
        rows.prepend(bumped);
        model.setConversations(rows);
        QCOMPARE(resets.count(), 0);
        QCOMPARE(moves.count(), 1);
        QCOMPARE(changes.count(), 1);
        for (int row = 0; row < rows.size(); ++row)
            QCOMPARE(model.data(model.index(row), ConversationListModel::IdRole).toLongLong(), rows.at(row).id);

        QRandomGenerator random(7);
        qint64 nextId = 100;
        for (int round = 0; round < 200; ++round) {
            const int edits = random.bounded(1, 5);
            for (int e = 0; e < edits; ++e) {
                const int kind = random.bounded(4);
                if (kind == 0 || rows.isEmpty()) {
                    rows.insert(random.bounded(static_cast<int>(rows.size()) + 1), header(nextId, QStringLiteral("n%1").arg(nextId)));
                    ++nextId;
                } else if (kind == 1) {
                    rows.removeAt(random.bounded(static_cast<int>(rows.size())));
                } else if (kind == 2) {
                    rows.move(random.bounded(static_cast<int>(rows.size())), random.bounded(static_cast<int>(rows.size())));
                } else {
                    rows[random.bounded(static_cast<int>(rows.size()))].title += u'!';
                }
            }
            model.setConversations(rows);
            QCOMPARE(model.rowCount(), rows.size());
            for (int row = 0; row < rows.size(); ++row) {
                QCOMPARE(model.data(model.index(row), ConversationListModel::IdRole).toLongLong(), rows.at(row).id);
                QCOMPARE(model.data(model.index(row), ConversationListModel::TitleRole).toString(), rows.at(row).title);
            }
        }
    }
};

QTEST_MAIN(TestChatViewModels)
#include "test_chat_view_models.moc"
