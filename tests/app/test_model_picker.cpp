// The model card and the picker with real files: the card of the real SmolLM2 file
// (135M, llama, Q4_1, its trained context, file size, a memory estimate that grows with the
// context) may load with enough memory and is refused with both figures when the available
// memory (injected) is too small; a model of an unsupported architecture and a damaged file
// are refused with the reason before loading; a mixture of experts shows its experts and
// active parameters. The ModelPicker searches the fixture folders
// in the background, shows a chosen model's card and asks to load only what the card allows;
// the folders the user adds are kept. SqliteModelLibrary keeps recent models across a
// restart and marks a file that went away as missing without forgetting it, and reads the
// default model from the app settings, and keeps favourites, removals from the list and the
// new place of a moved file; the picker's row actions keep its list valid
// (QAbstractItemModelTester); the model loaded at start is the setting's file when
// it exists, else SmolLM2 in the models folder.

#include "conclave/storage/database.h"
#include "conclave/storage/open_database.h"
#include "conclave/storage/settings_store.h"
#include "loaded_model_recorder.h"
#include "model_card.h"
#include "model_folders_fixture.h"
#include "model_picker.h"
#include "sqlite_conversation_store.h"
#include "sqlite_model_library.h"
#include "test_model_file.h"
#include "tiny_models.h"

#include "conclave/storage/model_store.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace conclave::app;
using conclave::ui::ModelCard;
using conclave::ui::ModelPicker;
using conclave::ui::RecentModel;

namespace {
constexpr qint64 MiB = 1024 * 1024;
constexpr qint64 GiB = 1024 * MiB;
} // namespace

class TestModelPicker : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    conclave::test::ModelFoldersFixture m_fixture;

    static void showFacts(ModelCard& card, const QString& path) {
        card.expect(path);
        QCOMPARE(card.status(), ModelCard::Status::Inspecting);
        QVERIFY(!card.canLoad());
        card.setFacts(inspectModelFile(path));
        QCOMPARE(card.status(), ModelCard::Status::Ready);
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        QVERIFY(conclave::test::buildModelFolders(m_dir.filePath(QStringLiteral("fixture")),
                                                  m_fixture));
    }

    void cardOfTheRealModel() {
        if (!conclave::test::haveDefaultModel()) QSKIP(conclave::test::missingModelReason());
        ModelCard card([] { return 8 * GiB; });
        card.setContextSize(4096);
        showFacts(card, conclave::test::defaultModelPath());
        QCOMPARE(card.architecture(), QStringLiteral("llama"));
        QCOMPARE(card.parameters(), QStringLiteral("135M"));
        QVERIFY2(card.quantMix().startsWith(QStringLiteral("Q4_1")), qPrintable(card.quantMix()));
        QCOMPARE(card.trainedContext(), 8192);
        QCOMPARE(card.experts(), QString()); // dense
        QVERIFY(!card.fileSize().isEmpty());
        QCOMPARE(card.effectiveContext(), 4096);
        const qint64 file = QFileInfo(conclave::test::defaultModelPath()).size();
        QVERIFY(card.neededBytes() > file / 2);
        QVERIFY(card.neededBytes() < file * 4);
        QCOMPARE(card.availableBytes(), 8 * GiB);
        QVERIFY(card.fits());
        QVERIFY(card.canLoad());
        QCOMPARE(card.refusal(), QString());

        // More context, more memory; past the trained length it is clamped.
        const qint64 at4k = card.neededBytes();
        card.setContextSize(8192);
        QVERIFY(card.neededBytes() > at4k);
        const qint64 at8k = card.neededBytes();
        card.setContextSize(32768);
        QCOMPARE(card.effectiveContext(), 8192);
        QCOMPARE(card.neededBytes(), at8k);
    }

    void refusesAModelThatDoesNotFit() {
        if (!conclave::test::haveDefaultModel()) QSKIP(conclave::test::missingModelReason());
        ModelCard card([] { return 20 * MiB; });
        showFacts(card, conclave::test::defaultModelPath());
        QVERIFY(card.supported());
        QVERIFY(!card.fits());
        QVERIFY(!card.canLoad());
        const QString refusal = card.refusal();
        QVERIFY2(refusal.contains(card.neededMemory()), qPrintable(refusal));
        QVERIFY2(refusal.contains(card.availableMemory()), qPrintable(refusal));
        QCOMPARE(card.availableMemory(), QLocale().formattedDataSize(20 * MiB));
    }

    // A mixture of experts: experts and parameters total and active per token.
    void cardOfAMixtureOfExperts() {
        conclave::test::TinyDecoder spec;
        spec.arch = "qwen3moe";
        spec.n_expert = 8;
        spec.n_expert_used = 2;
        const QString path = m_dir.filePath(QStringLiteral("tiny-moe.gguf"));
        QVERIFY(conclave::test::write_tiny_decoder(spec, path.toStdString()));
        ModelCard card([] { return 8 * GiB; });
        showFacts(card, path);
        QCOMPARE(card.architecture(), QStringLiteral("qwen3moe"));
        QCOMPARE(card.experts(), QStringLiteral("8 total, 2 active per token"));
        QVERIFY2(card.parameters().contains(QStringLiteral("active per token")),
                 qPrintable(card.parameters()));
        QCOMPARE(card.trainedContext(), 256);
        QCOMPARE(card.effectiveContext(), 256); // 4096 asked, clamped
        QVERIFY(card.canLoad());
    }

    void refusesUnsupportedAndDamagedFiles() {
        ModelCard card([] { return 8 * GiB; });
        showFacts(card, m_fixture.unsupported);
        QCOMPARE(card.architecture(), QStringLiteral("mamba"));
        QVERIFY(!card.supported());
        QVERIFY(!card.canLoad());
        QVERIFY2(card.refusal().contains(QStringLiteral("cannot run")), qPrintable(card.refusal()));
        QVERIFY(card.refusal().contains(QStringLiteral("mamba")));

        showFacts(card, m_fixture.truncated);
        QVERIFY(!card.canLoad());
        QVERIFY2(card.refusal().contains(QStringLiteral("cannot be read")),
                 qPrintable(card.refusal()));

        // Facts of a file the card no longer waits for are ignored.
        card.expect(m_fixture.localModel);
        card.setFacts(inspectModelFile(m_fixture.unsupported));
        QCOMPARE(card.status(), ModelCard::Status::Inspecting);
    }

    void pickerFindsChoosesAndLoads() {
        ModelScanner scanner;
        conclave::ui::InMemoryModelLibrary library;
        ModelLocations locations = m_fixture.locations;
        locations.userFolders.clear(); // the picker takes them from the library
        ModelPicker picker(&scanner, &library, locations, [] { return 8 * GiB; });
        QCOMPARE(picker.searchFolders().size(), 5);

        QSignalSpy scanned(&picker, &ModelPicker::scanningChanged);
        picker.refresh();
        QVERIFY(picker.scanning());
        QTRY_VERIFY_WITH_TIMEOUT(!picker.scanning(), 30000);
        QCOMPARE(picker.models()->rowCount(), 6); // the user folder is not searched yet

        picker.addFolder(QUrl::fromLocalFile(m_fixture.locations.userFolders.first()));
        QCOMPARE(picker.folders(), m_fixture.locations.userFolders);
        QCOMPARE(library.modelFolders(), m_fixture.locations.userFolders);
        QTRY_VERIFY_WITH_TIMEOUT(!picker.scanning(), 30000);
        QCOMPARE(picker.models()->rowCount(), 7);

        picker.models()->setFilter(QStringLiteral("mamba"));
        QCOMPARE(picker.models()->rowCount(), 1);
        QSignalSpy load(&picker, &ModelPicker::loadRequested);
        picker.choose(0);
        QCOMPARE(picker.card()->status(), ModelCard::Status::Inspecting);
        QTRY_COMPARE(picker.card()->status(), ModelCard::Status::Ready);
        QVERIFY(!picker.load());
        QCOMPARE(load.count(), 0);

        picker.models()->setFilter(QStringLiteral("Tiny-GGUF q8_0"));
        QCOMPARE(picker.models()->rowCount(), 1);
        picker.choose(0);
        QTRY_COMPARE(picker.card()->status(), ModelCard::Status::Ready);
        QCOMPARE(picker.card()->path(), m_fixture.hubSnapshot);
        QCOMPARE(picker.card()->fileName(), QStringLiteral("tiny-q8_0.gguf"));
        QVERIFY(picker.load());
        QCOMPARE(load.count(), 1);
        QCOMPARE(load.at(0).at(0).toUrl(), QUrl::fromLocalFile(m_fixture.hubSnapshot));

        picker.removeFolder(m_fixture.locations.userFolders.first());
        QVERIFY(picker.folders().isEmpty());
        QVERIFY(library.modelFolders().isEmpty());
    }

    void sqliteLibraryKeepsRecentModelsAcrossARestart() {
        const std::string db = m_dir.filePath(QStringLiteral("library.db")).toStdString();
        const QString moving = m_dir.filePath(QStringLiteral("moving.gguf"));
        QVERIFY(QFile::copy(m_fixture.localModel, moving));
        qint64 id = 0;
        {
            auto opened = conclave::storage::open_conclave_database(db);
            SqliteModelLibrary library(*opened.database);
            QVERIFY(library.recentModels().isEmpty());
            RecentModel model;
            model.path = moving;
            model.name = QStringLiteral("Moving model");
            model.architecture = QStringLiteral("llama");
            model.parameters = 135000000;
            model.activeParameters = 135000000;
            model.quantMix = QStringLiteral("Q4_1");
            model.fileBytes = QFileInfo(moving).size();
            model.contextLength = 8192;
            id = library.recordLoaded(model);
            QVERIFY(id > 0);
            QCOMPARE(library.recordLoaded(model), id); // the same file, the same row
            library.setModelFolders({QStringLiteral("/models/one"), QStringLiteral("/models/two")});
        }
        {
            auto opened = conclave::storage::open_conclave_database(db);
            SqliteModelLibrary library(*opened.database);
            const QList<RecentModel> recent = library.recentModels();
            QCOMPARE(recent.size(), 1);
            QCOMPARE(recent[0].id, id);
            QCOMPARE(recent[0].path, moving);
            QCOMPARE(recent[0].name, QStringLiteral("Moving model"));
            QCOMPARE(recent[0].parameters, qint64(135000000));
            QCOMPARE(recent[0].quantMix, QStringLiteral("Q4_1"));
            QCOMPARE(recent[0].contextLength, 8192);
            QVERIFY(recent[0].lastUsed.isValid());
            QVERIFY(!recent[0].missing);
            QCOMPARE(library.modelFolders(),
                     (QStringList{QStringLiteral("/models/one"), QStringLiteral("/models/two")}));
            QCOMPARE(library.defaultModel(), QString());

            QVERIFY(QFile::remove(moving));
            QCOMPARE(library.recentModels().size(), 1);
            QVERIFY(library.recentModels()[0].missing); // kept, marked
        }
        QVERIFY(QFile::copy(m_fixture.localModel, moving));
        auto opened = conclave::storage::open_conclave_database(db);
        SqliteModelLibrary library(*opened.database);
        QVERIFY(!library.recentModels().value(0).missing); // back where it was

        // The default model is the app setting "default_model".
        QCOMPARE(library.defaultModel(), QString());
        conclave::storage::SettingsStore(*opened.database)
            .set("default_model", moving.toStdString());
        QCOMPARE(library.defaultModel(), moving);
    }

    // Favourites, removal from the list and a new place for a moved file, on a real database
    // and across a restart; the files themselves are never touched.
    void sqliteLibraryKeepsFavouritesRemovalsAndNewPlaces() {
        const std::string db = m_dir.filePath(QStringLiteral("actions.db")).toStdString();
        const QString kept = m_dir.filePath(QStringLiteral("kept.gguf"));
        const QString movedFrom = m_dir.filePath(QStringLiteral("moved-from.gguf"));
        const QString movedTo = m_dir.filePath(QStringLiteral("moved-to.gguf"));
        QVERIFY(QFile::copy(m_fixture.localModel, kept));
        QVERIFY(QFile::copy(m_fixture.localModel, movedFrom));
        qint64 movedId = 0;
        {
            auto opened = conclave::storage::open_conclave_database(db);
            SqliteModelLibrary library(*opened.database);
            RecentModel model;
            model.path = kept;
            model.name = QStringLiteral("Kept");
            const qint64 keptId = library.recordLoaded(model);
            model.path = movedFrom;
            model.name = QStringLiteral("Moved");
            movedId = library.recordLoaded(model);
            conclave::storage::ModelSettings settings;
            settings.sampling.temperature = 0.3;
            conclave::storage::ModelStore(*opened.database).save_settings(movedId, settings);
            // A file found on disk, never loaded, starred: remembered as a favourite.
            RecentModel found;
            found.path = m_fixture.lmStudioModel;
            found.name = QStringLiteral("Found");
            QVERIFY(library.setFavourite(found, true));
            QVERIFY(library.setFavourite(model, true));
            QVERIFY(library.removeFromRecent(keptId));
            QVERIFY(!library.removeFromRecent(keptId + 1000)); // unknown: refused, logged
        }
        QVERIFY(QFile::rename(movedFrom, movedTo));
        {
            auto opened = conclave::storage::open_conclave_database(db);
            SqliteModelLibrary library(*opened.database);
            QList<RecentModel> recent = library.recentModels();
            QCOMPARE(recent.size(), 2); // "Kept" was removed from the list
            QVERIFY(recent[0].favourite && recent[1].favourite);
            QVERIFY(QFileInfo::exists(kept)); // its file stays
            const auto moved = std::find_if(recent.begin(), recent.end(),
                                            [&](const RecentModel& m) { return m.id == movedId; });
            QVERIFY(moved != recent.end());
            QVERIFY(moved->missing);
            QVERIFY(library.relocate(movedId, movedTo));
            QVERIFY(!library.relocate(movedId + 1000, movedTo));
        }
        auto opened = conclave::storage::open_conclave_database(db);
        SqliteModelLibrary library(*opened.database);
        const QList<RecentModel> recent = library.recentModels();
        const auto moved = std::find_if(recent.begin(), recent.end(),
                                        [&](const RecentModel& m) { return m.id == movedId; });
        QVERIFY(moved != recent.end());
        QCOMPARE(moved->path, movedTo);
        QVERIFY(!moved->missing);
        QVERIFY(moved->favourite);
        QCOMPARE(conclave::storage::ModelStore(*opened.database).settings(movedId).sampling.temperature,
                 std::optional<double>(0.3));
        // Loaded again, the removed model comes back with its row.
        RecentModel again;
        again.path = kept;
        QVERIFY(library.recordLoaded(again) > 0);
        QCOMPARE(library.recentModels().size(), 3);
    }

    // The picker's row actions over the in-memory library, the list under
    // QAbstractItemModelTester: favourites first under their own section, removal, location.
    void pickerRowActionsKeepTheListValid() {
        ModelScanner scanner;
        conclave::ui::InMemoryModelLibrary library;
        ModelLocations locations = m_fixture.locations;
        locations.userFolders.clear();
        ModelPicker picker(&scanner, &library, locations, [] { return 8 * GiB; });
        QAbstractItemModelTester tester(picker.models(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QString gone = m_dir.filePath(QStringLiteral("gone.gguf"));
        QVERIFY(QFile::copy(m_fixture.localModel, gone));
        RecentModel model;
        model.path = gone;
        model.name = QStringLiteral("Gone");
        library.recordLoaded(model);
        QVERIFY(QFile::remove(gone));
        picker.refresh();
        QTRY_VERIFY_WITH_TIMEOUT(!picker.scanning(), 30000);
        auto* list = picker.models();
        const int goneRow = list->rowOfPath(gone);
        QCOMPARE(goneRow, 0);
        QVERIFY(list->data(list->index(goneRow), conclave::ui::ModelListModel::MissingRole).toBool());
        QVERIFY(list->data(list->index(goneRow), conclave::ui::ModelListModel::RememberedRole).toBool());

        // A found file starred: first, under "Favourites".
        const int lmRow = list->rowOfPath(m_fixture.lmStudioModel);
        QVERIFY(lmRow > 0);
        QVERIFY(!list->data(list->index(lmRow), conclave::ui::ModelListModel::RememberedRole).toBool());
        QVERIFY(!picker.removeFromRecent(lmRow)); // only found on disk: nothing to remove
        QVERIFY(picker.setFavourite(lmRow, true));
        QCOMPARE(list->rowOfPath(m_fixture.lmStudioModel), 0);
        QCOMPARE(list->data(list->index(0), conclave::ui::ModelListModel::SectionRole).toString(),
                 QStringLiteral("Favourites"));
        QVERIFY(list->data(list->index(0), conclave::ui::ModelListModel::FavouriteRole).toBool());

        // Located: a text file is refused with a notice; the GGUF file is taken.
        const QString text = m_dir.filePath(QStringLiteral("text.gguf"));
        QFile file(text);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("hello");
        file.close();
        QSignalSpy located(&picker, &ModelPicker::located);
        QVERIFY(!picker.locate(list->rowOfPath(gone), QUrl::fromLocalFile(text)));
        QVERIFY(picker.notice().contains(QStringLiteral("text.gguf")));
        QVERIFY(!picker.locate(list->rowOfPath(gone), QUrl::fromLocalFile(m_dir.filePath(QStringLiteral("none.gguf")))));
        QCOMPARE(located.count(), 0);
        const QString found = m_dir.filePath(QStringLiteral("found-again.gguf"));
        QVERIFY(QFile::copy(m_fixture.localModel, found));
        QVERIFY(picker.locate(list->rowOfPath(gone), QUrl::fromLocalFile(found)));
        QVERIFY(picker.notice().isEmpty());
        QCOMPARE(located.count(), 1);
        QCOMPARE(list->rowOfPath(gone), -1);
        const int foundRow = list->rowOfPath(found);
        QVERIFY(foundRow >= 0);
        QVERIFY(!list->data(list->index(foundRow), conclave::ui::ModelListModel::MissingRole).toBool());
        QCOMPARE(list->data(list->index(foundRow), conclave::ui::ModelListModel::NameRole).toString(),
                 QStringLiteral("Gone"));

        // Removed from the list; the file stays.
        QVERIFY(picker.removeFromRecent(foundRow));
        QCOMPARE(list->rowOfPath(found), -1);
        QVERIFY(QFileInfo::exists(found));
    }

    // An answer keeps the id of the model that wrote it (messages.model_id) across a reopen.
    void answersCarryTheModelId() {
        const std::string db = m_dir.filePath(QStringLiteral("answers.db")).toStdString();
        qint64 model = 0;
        qint64 conversation = 0;
        {
            auto opened = conclave::storage::open_conclave_database(db);
            SqliteModelLibrary library(*opened.database);
            RecentModel recent;
            recent.path = m_fixture.localModel;
            recent.name = QStringLiteral("tiny-llama");
            model = library.recordLoaded(recent);
            QVERIFY(model > 0);
            SqliteConversationStore store(*opened.database);
            conversation = store.createConversation(QStringLiteral("Models")).id;
            conclave::ui::ChatMessage question;
            question.text = QStringLiteral("Hello?");
            const qint64 parent = store.appendMessage(conversation, 0, question).id;
            conclave::ui::ChatMessage answer;
            answer.role = conclave::ui::ChatMessage::Role::assistant;
            answer.text = QStringLiteral("Hello.");
            answer.modelName = recent.name;
            answer.modelId = model;
            store.appendMessage(conversation, parent, answer);
        }
        auto opened = conclave::storage::open_conclave_database(db);
        SqliteConversationStore store(*opened.database);
        const QList<conclave::ui::ChatMessage> branch = store.activeBranch(conversation);
        QCOMPARE(branch.size(), 2);
        QCOMPARE(branch[0].modelId, 0);
        QCOMPARE(branch[1].modelId, model);
        QCOMPARE(branch[1].modelName, QStringLiteral("tiny-llama"));
    }

    // At start: the setting's file when it exists, else SmolLM2 in the models folder, else none.
    void defaultModelAtStartPrefersTheSetting() {
        const QString models = m_dir.filePath(QStringLiteral("start/models"));
        QVERIFY(QDir().mkpath(models));
        conclave::ui::InMemoryModelLibrary library;
        QCOMPARE(defaultModelAtStart(library, models), QString());
        const QString bundled = models + QStringLiteral("/SmolLM2-135M-Instruct.Q4_1.gguf");
        QVERIFY(QFile::copy(m_fixture.localModel, bundled));
        QCOMPARE(defaultModelAtStart(library, models), bundled);
        library.setDefaultModel(m_fixture.lmStudioModel);
        QCOMPARE(defaultModelAtStart(library, models), m_fixture.lmStudioModel);
        library.setDefaultModel(m_dir.filePath(QStringLiteral("start/deleted.gguf")));
        QCOMPARE(defaultModelAtStart(library, models), bundled);
    }

    // `conclave FILE.gguf`: the command line's file wins over the setting and the bundled model,
    // even when it is missing (its error then shows in the banner); without one, the default.
    void modelAtStartPrefersTheCommandLine() {
        const QString models = m_dir.filePath(QStringLiteral("start-cli/models"));
        QVERIFY(QDir().mkpath(models));
        const QString bundled = models + QStringLiteral("/SmolLM2-135M-Instruct.Q4_1.gguf");
        QVERIFY(QFile::copy(m_fixture.localModel, bundled));
        conclave::ui::InMemoryModelLibrary library;
        library.setDefaultModel(m_fixture.lmStudioModel);
        QCOMPARE(modelAtStart(QString(), library, models), m_fixture.lmStudioModel);
        QCOMPARE(modelAtStart(m_fixture.localModel, library, models), m_fixture.localModel);
        const QString missing = m_dir.filePath(QStringLiteral("start-cli/missing.gguf"));
        QCOMPARE(modelAtStart(missing, library, models), missing);
    }
};

QTEST_MAIN(TestModelPicker)
#include "test_model_picker.moc"
