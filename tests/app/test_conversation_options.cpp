// What a conversation keeps of its own (issue 6): its overrides of the model's system prompt,
// sampling, max tokens and reasoning choices, whether it is archived, and export/import of conversations as files — on a
// real SQLite file in a temporary folder, through ChatController as the window drives it. The
// list model is watched by QAbstractItemModelTester. With the real SmolLM2 (skipped when it
// is absent): the engine receives the overridden values (max tokens, thinking and effort
// too, over the model's), and a seed override gives the same answer twice.

#include "chat_controller.h"
#include "chat_storage.h"
#include "conclave/storage/database.h"
#include "engine_thread.h"
#include "engine_worker.h"
#include "file_size_limit.h"
#include "sqlite_conversation_store.h"
#include "test_model_file.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include "conclave/session.h"

#include <QtTest>
#include <memory>


using conclave::app::EngineThread;
using conclave::app::SqliteConversationStore;
using conclave::ui::ChatController;
using conclave::ui::ChatMessage;
using conclave::ui::ConversationHeader;
using conclave::ui::ConversationListModel;
using conclave::ui::ConversationOverrides;
using conclave::ui::ConversationSettings;
using conclave::ui::InMemoryConversationStore;
using conclave::ui::SamplingSettings;
namespace storage = conclave::storage;

namespace {

// One data folder's database and the chat over it, as the app builds them.
struct App {
    explicit App(const QString& path)
        : storage(conclave::app::openChatStorage(path)), chat(engine.worker(), storage.store.get()),
          tester(chat.conversations(), QAbstractItemModelTester::FailureReportingMode::QtTest) {}
    EngineThread engine;
    conclave::app::ChatStorage storage;
    ChatController chat;
    QAbstractItemModelTester tester;
};

// Adds a stored conversation with one question and answer, the way the controller stores them.
qint64 addConversation(conclave::ui::ConversationStore& store, const QString& title) {
    const qint64 id = store.createConversation(title).id;
    ChatMessage question;
    question.text = title + QStringLiteral(" question");
    question = store.appendMessage(id, 0, question);
    ChatMessage answer;
    answer.role = ChatMessage::Role::assistant;
    answer.text = title + QStringLiteral(" answer");
    store.appendMessage(id, question.id, answer);
    return id;
}

QStringList titles(const ConversationListModel& model) {
    QStringList list;
    for (int row = 0; row < model.rowCount(); ++row)
        list.append(model.data(model.index(row), ConversationListModel::TitleRole).toString());
    return list;
}

} // namespace

class TestConversationOptions : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_files = 0;
    QString newPath(const QString& suffix = QStringLiteral(".db")) {
        return m_dir.filePath(QStringLiteral("file%1%2").arg(++m_files).arg(suffix));
    }

private slots:
    void settingsFollowTheModelUntilOverridden() {
        SamplingSettings model;
        model.setTemperature(0.7);
        model.setSystemPrompt(QStringLiteral("model prompt"));
        model.setSeed(-1);
        ConversationSettings settings(&model);
        QSignalSpy edited(&settings, &ConversationSettings::edited);
        QCOMPARE(settings.temperature(), 0.7);
        QCOMPARE(settings.systemPrompt(), QStringLiteral("model prompt"));
        QVERIFY(!settings.hasOverrides());

        settings.setTemperature(1.3);
        settings.setTopK(7);
        settings.setSeed(42);
        settings.setSystemPrompt(QString()); // none at all, although the model has one
        QCOMPARE(edited.count(), 4);
        QCOMPARE(settings.overridden(),
                 (QStringList{QStringLiteral("systemPrompt"), QStringLiteral("temperature"),
                              QStringLiteral("topK"), QStringLiteral("seed")}));
        model.setTemperature(0.2); // the model's change does not reach an overridden value
        model.setTopP(0.5);        // but reaches one that follows it
        QCOMPARE(settings.temperature(), 1.3);
        QCOMPARE(settings.topP(), 0.5);
        const conclave::SamplingParams params = settings.samplingParams();
        QCOMPARE(params.temperature, 1.3f);
        QCOMPARE(params.top_k, 7);
        QCOMPARE(params.top_p, 0.5f);
        QCOMPARE(params.seed, std::uint64_t(42));
        QCOMPARE(settings.systemPrompt(), QString());

        settings.setTemperature(9.0); // clamped like the model's
        QCOMPARE(settings.temperature(), 2.0);
        settings.reset(QStringLiteral("temperature"));
        QCOMPARE(settings.temperature(), 0.2);
        settings.keep(QStringLiteral("minP")); // ticked: the model's value, now the conversation's
        QVERIFY(settings.overridden().contains(QStringLiteral("minP")));
        model.setMinP(0.3);
        QCOMPARE(settings.minP(), conclave::SamplingParams{}.min_p);
        settings.resetAll();
        QVERIFY(!settings.hasOverrides());
        QCOMPARE(settings.systemPrompt(), QStringLiteral("model prompt"));
        const int editedBefore = edited.count();
        ConversationOverrides opened;
        opened.temperature = 0.9;
        settings.setOverrides(opened); // a conversation opened: no save asked
        QCOMPARE(edited.count(), editedBefore);
        QCOMPARE(settings.temperature(), 0.9);
    }

    // Max tokens, thinking and effort follow the model's settings until the conversation
    // sets its own; the model's support for the reasoning choices is passed through.
    void answerChoicesFollowTheModelUntilOverridden() {
        SamplingSettings model;
        model.setMaxTokens(500);
        model.setThinking(true);
        model.setReasoningEffort(QStringLiteral("medium"));
        ConversationSettings settings(&model);
        QSignalSpy support(&settings, &ConversationSettings::supportChanged);
        QSignalSpy edited(&settings, &ConversationSettings::edited);
        QCOMPARE(settings.maxTokens(), 500);
        QVERIFY(settings.thinking());
        QVERIFY(!settings.thinkingSupported() && !settings.effortSupported());
        model.setReasoningSupport(true, true);
        QCOMPARE(support.count(), 1);
        QVERIFY(settings.thinkingSupported() && settings.effortSupported());

        settings.setMaxTokens(64);
        settings.setThinking(false);
        settings.setReasoningEffort(QStringLiteral("high"));
        settings.setReasoningEffort(QStringLiteral("extreme")); // not a level: ignored
        QCOMPARE(edited.count(), 3);
        QCOMPARE(settings.overridden(),
                 (QStringList{QStringLiteral("maxTokens"), QStringLiteral("thinking"),
                              QStringLiteral("reasoningEffort")}));
        model.setMaxTokens(900);
        model.setReasoningEffort(QStringLiteral("low"));
        QCOMPARE(settings.maxTokens(), 64);
        QVERIFY(!settings.thinking());
        QCOMPARE(settings.reasoningEffort(), QStringLiteral("high"));
        settings.setMaxTokens(0); // clamped like the model's
        QCOMPARE(settings.maxTokens(), 1);

        settings.reset(QStringLiteral("maxTokens"));
        QCOMPARE(settings.maxTokens(), 900);
        settings.reset(QStringLiteral("thinking"));
        QVERIFY(settings.thinking());
        settings.keep(QStringLiteral("thinking"));
        model.setThinking(false);
        QVERIFY(settings.thinking()); // kept when ticked
        settings.resetAll();
        QCOMPARE(settings.reasoningEffort(), QStringLiteral("low"));
        QVERIFY(!settings.thinking());

        // An effort no template level names (a hand-edited import) follows the model's.
        ConversationOverrides imported;
        imported.reasoningEffort = QStringLiteral("extreme");
        settings.setOverrides(imported);
        QCOMPARE(settings.reasoningEffort(), QStringLiteral("low"));
    }

    void archivedRowsLeaveTheDateGroups() {
        ConversationListModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QDateTime now = QDateTime::currentDateTime();
        const auto header = [&](qint64 id, const char* title, bool pinned, bool archived) {
            ConversationHeader h;
            h.id = id;
            h.title = QString::fromUtf8(title);
            h.pinned = pinned;
            h.archived = archived;
            h.created = h.updated = now;
            return h;
        };
        QList<ConversationHeader> list{
            header(1, "pinned", true, false), header(2, "old archived", false, true),
            header(3, "today", false, false), header(4, "pinned archived", true, true)};
        QSignalSpy archivedCount(&model, &ConversationListModel::archivedCountChanged);
        model.setConversations(list);
        QCOMPARE(titles(model), (QStringList{QStringLiteral("pinned"), QStringLiteral("today")}));
        QCOMPARE(model.archivedCount(), 2);
        QCOMPARE(archivedCount.count(), 1);
        QCOMPARE(model.titleOf(2), QStringLiteral("old archived")); // known while hidden
        QVERIFY(model.isArchived(2));

        model.setShowArchived(true);
        QCOMPARE(titles(model),
                 (QStringList{QStringLiteral("pinned"), QStringLiteral("today"),
                              QStringLiteral("old archived"), QStringLiteral("pinned archived")}));
        QCOMPARE(model.data(model.index(2), ConversationListModel::GroupRole).toString(),
                 ConversationListModel::archivedGroup());
        QCOMPARE(model.data(model.index(3), ConversationListModel::GroupRole).toString(),
                 ConversationListModel::archivedGroup());
        QCOMPARE(model.data(model.index(1), ConversationListModel::GroupRole).toString(),
                 ConversationListModel::groupFor(now.date(), now.date()));
        QVERIFY(model.data(model.index(2), ConversationListModel::ArchivedRole).toBool());

        list[2].archived = true; // "today" archived: moves down in place
        model.setConversations(list);
        QCOMPARE(titles(model).last(), QStringLiteral("pinned archived"));
        QCOMPARE(model.archivedCount(), 3);
        model.setShowArchived(false);
        QCOMPARE(titles(model), (QStringList{QStringLiteral("pinned")}));
    }

    // Archive and overrides through the controller, kept in the file across a restart.
    void archiveAndOverridesPersist() {
        const QString path = newPath();
        qint64 archivedId = 0;
        qint64 tunedId = 0;
        {
            App app(path);
            auto& store = *app.storage.store;
            archivedId = addConversation(store, QStringLiteral("to archive"));
            tunedId = addConversation(store, QStringLiteral("tuned"));
            app.chat.selectConversation(archivedId);
            app.chat.setArchived(archivedId, true);
            QCOMPARE(app.chat.conversations()->rowCount(), 1);
            QCOMPARE(app.chat.conversations()->archivedCount(), 1);
            QVERIFY(app.chat.currentArchived());
            QCOMPARE(app.chat.currentConversationId(), archivedId); // stays open
            QCOMPARE(app.chat.currentTitle(), QStringLiteral("to archive"));
            QVERIFY(!app.chat.conversationSettings()->hasOverrides());

            app.chat.selectConversation(tunedId);
            ConversationSettings* settings = app.chat.conversationSettings();
            settings->setTemperature(1.5);
            settings->setSeed(7);
            settings->setSystemPrompt(QStringLiteral("Answer in French."));
            settings->setMaxTokens(321);
            settings->setThinking(false);
            settings->setReasoningEffort(QStringLiteral("high"));
            app.chat.selectConversation(archivedId); // another conversation: its own (none)
            QVERIFY(!settings->hasOverrides());
            app.chat.selectConversation(tunedId);
            QCOMPARE(settings->temperature(), 1.5);

            // A new chat starts from the model's settings; what is set before its first message
            // is stored with it.
            app.chat.newConversation();
            QVERIFY(!settings->hasOverrides());
            settings->setTopK(3);
            QCOMPARE(app.chat.currentConversationId(), 0);

            // Search still finds the archived conversation.
            QCOMPARE(app.storage.store->search(QStringLiteral("archive question"), 10).size(), 1);
        }
        App app(path);
        QCOMPARE(app.chat.conversations()->archivedCount(), 1);
        QCOMPARE(titles(*app.chat.conversations()), (QStringList{QStringLiteral("tuned")}));
        app.chat.conversations()->setShowArchived(true);
        QCOMPARE(titles(*app.chat.conversations()),
                 (QStringList{QStringLiteral("tuned"), QStringLiteral("to archive")}));
        app.chat.selectConversation(tunedId);
        ConversationOverrides expected;
        expected.systemPrompt = QStringLiteral("Answer in French.");
        expected.temperature = 1.5;
        expected.seed = 7;
        expected.maxTokens = 321;
        expected.thinking = false;
        expected.reasoningEffort = QStringLiteral("high");
        QCOMPARE(app.chat.conversationSettings()->overrides(), expected);
        QCOMPARE(app.chat.conversationSettings()->maxTokens(), 321);
        app.chat.conversationSettings()->resetAll();
        app.chat.setArchived(archivedId, false);
        QCOMPARE(app.storage.store->overrides(tunedId), ConversationOverrides{});
        QCOMPARE(app.chat.conversations()->archivedCount(), 0);
    }

    // A refused write (here a read-only database) keeps the values in effect, shows in the
    // banner and is written by the next retry.
    void refusedOverridesAreSavedLater() {
        App app(newPath());
        const qint64 id = addConversation(*app.storage.store, QStringLiteral("retry"));
        app.chat.selectConversation(id);
        app.storage.database->exec("PRAGMA query_only = 1");
        app.chat.conversationSettings()->setTopK(5);
        QVERIFY(app.chat.errorVisible());
        QCOMPARE(app.chat.conversationSettings()->topK(), 5);
        QVERIFY(!app.chat.retrySaving()); // still refused
        app.storage.database->exec("PRAGMA query_only = 0");
        QVERIFY(app.chat.retrySaving());
        QVERIFY(!app.chat.errorVisible());
        QCOMPARE(app.storage.store->overrides(id).topK, std::optional<int>(5));
    }

    void exportsAndImportsFiles() {
        const QString exportFolder = m_dir.filePath(QStringLiteral("exports"));
        QVERIFY(QDir().mkpath(exportFolder));
        const QString markdown = exportFolder + QStringLiteral("/one.md");
        const QString one = exportFolder + QStringLiteral("/one.json");
        const QString all = exportFolder + QStringLiteral("/all.json");
        {
            App app(newPath());
            const qint64 first = addConversation(*app.storage.store, QStringLiteral("first"));
            const qint64 second = addConversation(*app.storage.store, QStringLiteral("second"));
            app.chat.setArchived(first, true);
            ConversationOverrides own;
            own.maxTokens = 99;
            own.thinking = false;
            own.reasoningEffort = QStringLiteral("low");
            app.storage.store->setOverrides(second, own);
            auto* transfer = app.chat.transfer();
            QVERIFY(transfer->exportConversation(first, QUrl::fromLocalFile(markdown),
                                                 QStringLiteral("markdown")));
            QVERIFY(app.chat.errorVisible() && app.chat.bannerIsNotice()); // "Exported", as news
            QVERIFY(transfer->exportConversation(first, QUrl::fromLocalFile(one),
                                                 QStringLiteral("json")));
            QVERIFY(transfer->exportAll(QUrl::fromLocalFile(all)));
        }
        QFile md(markdown);
        QVERIFY(md.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(md.readAll());
        QVERIFY(text.contains(QStringLiteral("first question")));
        QVERIFY(text.contains(QStringLiteral("first answer")));

        App app(newPath());
        auto* transfer = app.chat.transfer();
        QSignalSpy imported(transfer, &conclave::ui::ConversationTransfer::imported);
        QVERIFY(transfer->importFile(QUrl::fromLocalFile(all)));
        QCOMPARE(imported.count(), 1);
        QCOMPARE(app.chat.conversations()->rowCount(), 1); // "second"; "first" came archived
        QCOMPARE(app.chat.conversations()->archivedCount(), 1);
        QVERIFY(app.chat.errorVisible() && app.chat.bannerIsNotice());
        // The answer choices came with "second".
        const qint64 secondHere =
            app.chat.conversations()->data(app.chat.conversations()->index(0),
                                           ConversationListModel::IdRole).toLongLong();
        const ConversationOverrides carried = app.storage.store->overrides(secondHere);
        QCOMPARE(carried.maxTokens, std::optional<int>(99));
        QCOMPARE(carried.thinking, std::optional<bool>(false));
        QCOMPARE(carried.reasoningEffort, std::optional<QString>(QStringLiteral("low")));
        QVERIFY(transfer->importFile(QUrl::fromLocalFile(one))); // already here: nothing added
        QCOMPARE(app.storage.store->conversations().size(), 2);
        QCOMPARE(imported.last().at(0).value<conclave::ui::ImportCounts>().messagesAdded, 0);
    }

    // A later export of the open conversation adds its new version; the view shows ‹ 1/2 ›.
    void importRefreshesTheOpenConversation() {
        const QString before = newPath(QStringLiteral(".json"));
        const QString after = newPath(QStringLiteral(".json"));
        {
            App source(newPath());
            auto& store = *source.storage.store;
            const qint64 id = addConversation(store, QStringLiteral("versions"));
            QVERIFY(source.chat.transfer()->exportConversation(id, QUrl::fromLocalFile(before), QStringLiteral("json")));
            const QList<ChatMessage> branch = store.activeBranch(id);
            ChatMessage other;
            other.role = ChatMessage::Role::assistant;
            other.text = QStringLiteral("another answer");
            store.appendMessage(id, branch.at(0).id, other);
            QVERIFY(source.chat.transfer()->exportConversation(id, QUrl::fromLocalFile(after), QStringLiteral("json")));
        }
        App app(newPath());
        QVERIFY(app.chat.transfer()->importFile(QUrl::fromLocalFile(before)));
        QCOMPARE(app.chat.conversations()->rowCount(), 1);
        const qint64 id = app.chat.conversations()->data(app.chat.conversations()->index(0), ConversationListModel::IdRole).toLongLong();
        app.chat.selectConversation(id);
        QCOMPARE(app.chat.messages()->rowCount(), 2);
        QCOMPARE(app.chat.messages()->at(1).siblingCount, 1);
        QVERIFY(app.chat.transfer()->importFile(QUrl::fromLocalFile(after)));
        QCOMPARE(app.chat.messages()->at(1).siblingCount, 2);
        QCOMPARE(app.chat.messages()->at(1).text, QStringLiteral("versions answer")); // its branch kept
    }

    void refusedFilesChangeNothing_data() {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<bool>("readable");
        QTest::newRow("not JSON") << QByteArray("# a markdown file\n") << true;
        QTest::newRow("other JSON")
            << QByteArray(R"({"format": "something-else", "version": 1})") << true;
        QTest::newRow("newer format")
            << QByteArray(
                   R"({"format": "conclave-conversations", "version": 99, "conversations": []})")
            << true;
        QTest::newRow("damaged export")
            << QByteArray(
                   R"({"format": "conclave-conversations", "version": 1, "conversations": [{"uid": "c1",
                "title": "t", "created_at": 1, "updated_at": 1, "messages": [{"uid": "m1", "parent": null,
                "role": "wizard", "content": "x", "state": "complete", "created_at": 1, "updated_at": 1}]}]})")
            << true;
        QTest::newRow("missing file") << QByteArray() << false;
    }
    void refusedFilesChangeNothing() {
        QFETCH(QByteArray, content);
        QFETCH(bool, readable);
        App app(newPath());
        addConversation(*app.storage.store, QStringLiteral("kept"));
        const QString path = newPath(QStringLiteral(".json"));
        if (readable) {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(content);
        }
        QVERIFY(!app.chat.transfer()->importFile(QUrl::fromLocalFile(path)));
        QVERIFY(app.chat.errorVisible());
        QVERIFY(!app.chat.bannerIsNotice());
        QVERIFY(app.chat.errorTitle().contains(QFileInfo(path).fileName()));
        QCOMPARE(app.storage.store->conversations().size(), 1);
        QCOMPARE(
            app.storage.store->activeBranch(app.storage.store->conversations().at(0).id).size(), 2);
    }

    void aWriteThatFailsKeepsTheOldFile() {
        App app(newPath());
        const qint64 id = addConversation(*app.storage.store, QStringLiteral("some"));
        // A folder that does not exist: nothing can be written.
        QVERIFY(!app.chat.transfer()->exportAll(
            QUrl::fromLocalFile(m_dir.filePath(QStringLiteral("no/such/folder.json")))));
        QVERIFY(app.chat.errorVisible() && !app.chat.bannerIsNotice());
        // A write cut short (as on a full disk: here the process may write 16 bytes per file,
        // which binds root as well) keeps the file already there whole.
        const QString target = m_dir.filePath(QStringLiteral("old.json"));
        {
            QFile old(target);
            QVERIFY(old.open(QIODevice::WriteOnly));
            old.write("old content");
        }
        bool written = true;
        {
            const FileSizeLimit limit(16);
            written = app.chat.transfer()->exportConversation(id, QUrl::fromLocalFile(target),
                                                              QStringLiteral("json"));
        }
        QVERIFY(!written);
        QVERIFY(app.chat.errorTitle().contains(QStringLiteral("old.json")));
        QFile old(target);
        QVERIFY(old.open(QIODevice::ReadOnly));
        QCOMPARE(old.readAll(), QByteArray("old content"));
        QCOMPARE(QDir(m_dir.path()).entryList({QStringLiteral("old.json*")}, QDir::Files),
                 QStringList{QStringLiteral("old.json")}); // no temporary file left behind
    }

    void inMemoryStoreCannotExport() {
        EngineThread engine;
        InMemoryConversationStore store;
        ChatController chat(engine.worker(), &store);
        const qint64 id = addConversation(store, QStringLiteral("memory"));
        QVERIFY(!chat.transfer()->exportConversation(
            id, QUrl::fromLocalFile(newPath(QStringLiteral(".md"))), QStringLiteral("markdown")));
        QVERIFY(chat.errorVisible());
        QVERIFY(chat.errorDetails().contains(QStringLiteral("unsupported")));
    }

    void suggestedFileNames_data() {
        QTest::addColumn<QString>("title");
        QTest::addColumn<QString>("format");
        QTest::addColumn<QString>("name");
        QTest::newRow("plain") << QStringLiteral("Fruit list") << QStringLiteral("markdown")
                               << QStringLiteral("Fruit list.md");
        QTest::newRow("slashes") << QStringLiteral("a/b: c?") << QStringLiteral("json")
                                 << QStringLiteral("a b c.json");
        QTest::newRow("empty") << QString() << QStringLiteral("json")
                               << QStringLiteral("conversation.json");
        QTest::newRow("hidden") << QStringLiteral(".profile") << QStringLiteral("json")
                                << QStringLiteral("conversation.profile.json");
    }
    void suggestedFileNames() {
        QFETCH(QString, title);
        QFETCH(QString, format);
        QFETCH(QString, name);
        QCOMPARE(conclave::ui::ConversationTransfer::suggestedFileName(title, format), name);
    }

    // The request the engine gets carries the conversation's values; the seed makes the
    // answer reproducible at a temperature where it would otherwise vary.
    void overridesReachTheEngine() {
        if (!conclave::test::haveDefaultModel()) QSKIP(conclave::test::missingModelReason());
        App app(newPath());
        ChatController& chat = app.chat;
        chat.settings()->setThreads(1); // a shared machine; see docs/app.md
        chat.settings()->setContextLength(1024);
        chat.settings()->setMaxTokens(24);
        chat.settings()->setTemperature(0.0);
        chat.openModel(QUrl::fromLocalFile(conclave::test::defaultModelPath()));
        QTRY_COMPARE_WITH_TIMEOUT(chat.modelStatus(), ChatController::ModelStatus::Ready, 30000);

        QList<conclave::app::GenerationStats> received;
        connect(app.engine.worker(), &conclave::app::EngineWorker::generationFinished, this,
                [&](quint64, const conclave::app::GenerationUpdate&,
                    const conclave::app::GenerationStats& stats) { received.append(stats); });
        QSignalSpy finished(&chat, &ChatController::answerFinished);
        const auto answer = [&](int count) {
            return QTest::qWaitFor([&] { return finished.count() >= count; }, 60000);
        };

        ConversationSettings* settings = chat.conversationSettings();
        settings->setTemperature(1.2);
        settings->setTopK(50);
        settings->setTopP(0.9);
        settings->setMinP(0.01);
        settings->setRepeatPenalty(1.1);
        settings->setSeed(1234);
        QVERIFY(chat.sendMessage(QStringLiteral("Write a short sentence about the sea.")));
        QVERIFY(answer(1));
        QCOMPARE(received.size(), 1);
        const QString firstAnswer = chat.messages()->at(1).text;
        const conclave::SamplingParams& used = received.at(0).sampling;
        QCOMPARE(used.temperature, 1.2f);
        QCOMPARE(used.top_k, 50);
        QCOMPARE(used.top_p, 0.9f);
        QCOMPARE(used.min_p, 0.01f);
        QCOMPARE(used.repetition_penalty, 1.1f);
        QCOMPARE(used.seed, std::uint64_t(1234));
        const int promptTokens = received.at(0).promptTokens;

        // The same seed regenerates the same answer, the first one included: the engine
        // computes a prompt's last tokens (Session::prompt_tail) as one batch whether the
        // session is cold or its cache holds the prompt, so the logits are the same bits.
        chat.regenerate();
        QVERIFY(answer(2));
        const QString regenerated = chat.messages()->at(1).text;
        QCOMPARE(regenerated, firstAnswer);
        chat.regenerate();
        QVERIFY(answer(3));
        QCOMPARE(chat.messages()->at(1).text, regenerated);
        QCOMPARE(received.at(2).sampling.seed, std::uint64_t(1234));
        QCOMPARE(received.at(2).promptEvaluated, static_cast<int>(conclave::Session::prompt_tail));

        // The conversation's system prompt reaches the prompt the engine renders.
        // (Longer than SmolLM2's own default, which its template adds when there is none.)
        settings->setSystemPrompt(
            QStringLiteral("You are a pirate. Always answer like a pirate would. ").repeated(6));
        chat.regenerate();
        QVERIFY(answer(4));
        QVERIFY2(
            received.at(3).promptTokens > promptTokens + 40,
            qPrintable(
                QStringLiteral("%1 vs %2").arg(received.at(3).promptTokens).arg(promptTokens)));

        QCOMPARE(received.at(3).maxTokens, 24); // the model's, not overridden yet
        QVERIFY(received.at(3).thinking);

        // The conversation's max tokens and reasoning choices win over the model's: the answer
        // stops at 3 tokens, stored as cut at the token limit.
        chat.settings()->setThinking(true);
        chat.settings()->setReasoningEffort(QStringLiteral("low"));
        settings->setMaxTokens(3);
        settings->setThinking(false);
        settings->setReasoningEffort(QStringLiteral("high"));
        chat.regenerate();
        QVERIFY(answer(5));
        QCOMPARE(received.at(4).maxTokens, 3);
        QVERIFY(!received.at(4).thinking);
        QCOMPARE(received.at(4).reasoningEffort, QStringLiteral("high"));
        QCOMPARE(received.at(4).generatedTokens, 3);
        QCOMPARE(received.at(4).stopReason, QStringLiteral("max_tokens"));

        // Back to the model's: temperature 0 (greedy), the model's seed, 24 tokens, thinking on.
        settings->resetAll();
        chat.regenerate();
        QVERIFY(answer(6));
        QCOMPARE(received.at(5).sampling.temperature, 0.0f);
        QCOMPARE(received.at(5).promptTokens, promptTokens);
        QCOMPARE(received.at(5).maxTokens, 24);
        QVERIFY(received.at(5).thinking);
        QCOMPARE(received.at(5).reasoningEffort, QStringLiteral("low"));
    }
};

QTEST_MAIN(TestConversationOptions)
#include "test_conversation_options.moc"
