// open_conclave_database, the start of the app: a new database; a version-1 file from the
// past (fixture) migrated with a backup first and its data intact, and the same brought to
// version 3 reading its answers' stop reasons as unknown after version 4; a newer file refused
// and left byte for byte as it was; a damaged file moved aside (kept), replaced, and its
// readable conversations recovered; a read-only folder and a real file-size limit giving
// typed errors, with saving possible again once the cause is gone. The integrity check at
// start: skipped after a clean close, run after an unclean exit (and then finding a damaged
// page), after the file changed behind Conclave's back, and once a week.

#include "conclave/storage/conversation_store.h"
#include "conclave/storage/database_error.h"
#include "conclave/storage/model_store.h"
#include "conclave/storage/open_database.h"
#include "conclave/storage/search.h"
#include "conclave/storage/settings_store.h"
#include "storage_test_support.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>
#include <map>
#include <optional>
#include <utility>

using namespace conclave::storage;
using namespace conclave::storage::testing;

namespace {

QByteArray file_hash(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

QStringList run_child(const QString& mode, const QString& db) {
    QProcess child;
    child.start(QStringLiteral(CONCLAVE_STORAGE_CHILD), {mode, db});
    child.waitForFinished(60000);
    return QString::fromUtf8(child.readAllStandardOutput()).split('\n', Qt::SkipEmptyParts);
}

} // namespace

class TestOpenDatabase : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_next = 0;

    QString fresh_folder() {
        const QString folder = m_dir.path() + QStringLiteral("/case%1").arg(m_next++);
        QDir().mkpath(folder);
        return folder;
    }

    // A database with several conversations of several long messages, closed cleanly, so
    // everything is in the main file. Returns each message's uid and content.
    static std::map<std::string, std::string> populate(const std::string& path) {
        std::map<std::string, std::string> contents;
        OpenedDatabase opened = open_conclave_database(path);
        opened.database->exec("PRAGMA synchronous = NORMAL"); // set-up speed only
        ConversationStore store(*opened.database);
        for (int c = 0; c < 12; ++c) {
            const Id conversation =
                store.create_conversation("conversation " + std::to_string(c)).id;
            for (int m = 0; m < 8; ++m) {
                NewMessage message;
                message.conversation_id = conversation;
                message.role = m % 2 ? Role::assistant : Role::user;
                message.content = "c" + std::to_string(c) + "m" + std::to_string(m) + " " +
                                  std::string(1500, static_cast<char>('a' + (c + m) % 26));
                const Message saved = store.append_message(message);
                contents[saved.uid] = saved.content;
            }
        }
        return contents;
    }

    // A page in the middle of the messages table's rows (0-based, for overwrite_page) and the
    // page size; nullopt when this SQLite has no dbstat table (SQLITE_ENABLE_DBSTAT_VTAB, on
    // in Debian's and Ubuntu's SQLite) to say which pages hold them.
    static std::optional<std::pair<qint64, int>> middle_message_page(const std::string& path) {
        Database db(path, Database::Mode::read_only);
        Statement size = db.prepare("PRAGMA page_size");
        if (!size.step()) return std::nullopt;
        std::vector<qint64> leaves;
        try {
            Statement pages =
                db.prepare("SELECT pageno FROM dbstat WHERE name = 'messages' AND pagetype = 'leaf'"
                           " ORDER BY pageno");
            while (pages.step()) leaves.push_back(pages.int64(0));
        } catch (const DatabaseError&) {
            return std::nullopt;
        }
        if (leaves.size() <= 4) return std::nullopt;
        return std::pair{leaves[leaves.size() / 2] - 1, static_cast<int>(size.int64(0))};
    }

    static void overwrite_page(const QString& path, qint64 page, int page_size) {
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::ReadWrite));
            QVERIFY(file.seek(page * page_size + 8));
            QByteArray garbage(page_size - 16, '\0');
            for (int i = 0; i < garbage.size(); ++i)
                garbage[i] = static_cast<char>((i * 151 + 7) & 0xff);
            file.write(garbage);
        }
        // File times have a coarse clock (a few ms); a write by another program lands later
        // than Conclave's close in real life, and here too.
        later_modification_time(path);
    }

    static void later_modification_time(const QString& path) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.setFileTime(QFileInfo(path).lastModified().addSecs(2),
                                 QFileDevice::FileModificationTime));
    }

    static QString marker(const QString& path) { return path + QStringLiteral("-closed"); }

private slots:
    void newDatabaseIsCreatedWithTheFolder() {
        const std::string path =
            (fresh_folder() + QStringLiteral("/deeper/conclave.db")).toStdString();
        OpenedDatabase opened = open_conclave_database(path);
        QCOMPARE(opened.report.found_schema_version, 0);
        QCOMPARE(opened.report.schema_version, current_schema_version());
        QVERIFY(!opened.report.backup_path);
        QVERIFY(!opened.report.corrupt_file_moved_to);
        QVERIFY(opened.database->integrity_problems().empty());
        opened.database.reset();
        OpenedDatabase again = open_conclave_database(path);
        QCOMPARE(again.report.found_schema_version, current_schema_version());
        QVERIFY(!again.report.backup_path); // nothing to migrate, nothing to back up
    }

    void versionOneFixtureMigratesWithBackupAndDataIntact() {
        const QString folder = fresh_folder();
        const QString path = folder + QStringLiteral("/conclave.db");
        QVERIFY(QFile::copy(QStringLiteral(CONCLAVE_STORAGE_FIXTURES "/conclave-v1.db"), path));
        QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
        const QByteArray original = file_hash(path);

        OpenedDatabase opened = open_conclave_database(path.toStdString());
        QCOMPARE(opened.report.found_schema_version, 1);
        QCOMPARE(opened.report.schema_version, current_schema_version());
        QCOMPARE(opened.report.interrupted_messages, 1);

        // The backup is a complete version-1 database, as the file was before.
        QVERIFY(opened.report.backup_path);
        {
            Database backup(*opened.report.backup_path, Database::Mode::read_only);
            QCOMPARE(backup.user_version(), 1);
            QVERIFY(backup.integrity_problems().empty());
            Statement count = backup.prepare("SELECT count(*) FROM messages");
            QVERIFY(count.step());
            QCOMPARE(count.int64(0), 5);
        }
        QVERIFY(!original.isEmpty());

        Database& db = *opened.database;
        ConversationStore store(db);
        const std::vector<Conversation> list = store.list_conversations();
        QCOMPARE(list.size(), std::size_t{2});
        const Conversation& swedish = list[1];
        QCOMPARE(q(swedish.title), QStringLiteral("Färgerna på svenska 🇸🇪"));
        const std::vector<BranchMessage> branch = store.active_branch(swedish.id);
        QCOMPARE(branch.size(), std::size_t{2});
        QCOMPARE(q(branch[1].message.content), QStringLiteral("Rött, grönt och blått."));
        QCOMPARE(branch[1].sibling_count, 2);
        QCOMPARE(q(branch[1].message.reasoning), QStringLiteral("The user asks in Swedish."));
        QCOMPARE(branch[1].message.stats.tokens_per_second, std::optional<double>(21.5));
        const std::vector<BranchMessage> cut = store.active_branch(list[0].id);
        QCOMPARE(cut.back().message.state, MessageState::interrupted);
        QCOMPARE(q(cut.back().message.content), QStringLiteral("Roses are red, violets"));

        ModelStore models(db);
        const std::vector<ModelRecord> known = models.list_models();
        QCOMPARE(known.size(), std::size_t{1});
        QVERIFY(known[0].favourite);
        QCOMPARE(known[0].parameter_count, 30'532'122'624);
        QCOMPARE(models.settings(known[0].id).threads, std::optional<std::int64_t>(8));
        QCOMPARE(q(SettingsStore(db).get_or("theme", "")), QStringLiteral("dark"));
        QCOMPARE(swedish.last_model_id, std::optional<Id>(known[0].id));

        // Version 2 indexed what version 1 held.
        ConversationSearch search(db);
        QCOMPARE(search.search("grönt").size(), std::size_t{1});
        QCOMPARE(search.search("svenska").size(), std::size_t{2}); // the title and the question
        // Version 3 rebuilt the title index with prefix indexes: typed prefixes find both,
        // and FTS5's own check finds the index in step with the titles.
        QCOMPARE(search.search("sv").size(), std::size_t{2});
        QCOMPARE(search.search("sve").size(), std::size_t{2});
        db.exec("INSERT INTO conversations_fts(conversations_fts) VALUES ('integrity-check')");
    }

    // A version-3 database (the fixture brought to 3 by the migrations of that time) gains
    // the stop-reason and model-choice columns: backed up first, its answers read with the
    // reason unknown and the new choices unset, and new answers keep their reason.
    void versionThreeMigratesWithBackupAndUnknownStopReasons() {
        const QString folder = fresh_folder();
        const QString path = folder + QStringLiteral("/conclave.db");
        QVERIFY(QFile::copy(QStringLiteral(CONCLAVE_STORAGE_FIXTURES "/conclave-v1.db"), path));
        QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
        {
            Database db(path.toStdString());
            migrate(db, 3);
            QCOMPARE(db.user_version(), 3);
        }

        OpenedDatabase opened = open_conclave_database(path.toStdString());
        QCOMPARE(opened.report.found_schema_version, 3);
        QCOMPARE(opened.report.schema_version, current_schema_version());
        QVERIFY(current_schema_version() >= 4);
        QVERIFY(opened.report.backup_path);
        QVERIFY(QString::fromStdString(*opened.report.backup_path).contains(QStringLiteral("backup-v3")));
        {
            Database backup(*opened.report.backup_path, Database::Mode::read_only);
            QCOMPARE(backup.user_version(), 3);
            Statement count = backup.prepare("SELECT count(*) FROM messages");
            QVERIFY(count.step());
            QCOMPARE(count.int64(0), 5);
        }

        Database& db = *opened.database;
        ConversationStore store(db);
        const std::vector<Conversation> list = store.list_conversations();
        QCOMPARE(list.size(), std::size_t{2});
        int answers = 0;
        for (const Conversation& c : list)
            for (const Message& m : store.all_messages(c.id)) {
                QVERIFY(!m.stats.stop_reason);
                answers += m.role == Role::assistant;
            }
        QVERIFY(answers >= 2);
        const std::vector<BranchMessage> branch = store.active_branch(list[1].id);
        QCOMPARE(branch[1].message.stats.tokens_per_second, std::optional<double>(21.5));

        ModelStore models(db);
        const ModelSettings settings = models.settings(models.list_models()[0].id);
        QCOMPARE(settings.threads, std::optional<std::int64_t>(8));
        QVERIFY(!settings.max_tokens && !settings.thinking && !settings.reasoning_effort);

        NewMessage answer;
        answer.conversation_id = list[1].id;
        answer.role = Role::assistant;
        answer.content = "Gult.";
        answer.stats.stop_reason = StopReason::context_full;
        const Message stored = store.append_message(answer);
        QCOMPARE(store.message(stored.id).stats.stop_reason,
                 std::optional<StopReason>(StopReason::context_full));
    }

    // A version-6 database (the fixture brought to 6, then given a conversation's sampling
    // overrides and a model's answer choices the way version 6 stores them) gains the
    // conversations' own answer choices: backed up first, every row and override kept, the new
    // choices unset, then settable and still there after a reopen.
    void versionSixMigratesKeepingOverridesWithAnswerChoicesUnset() {
        const QString folder = fresh_folder();
        const QString path = folder + QStringLiteral("/conclave.db");
        QVERIFY(QFile::copy(QStringLiteral(CONCLAVE_STORAGE_FIXTURES "/conclave-v1.db"), path));
        QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
        {
            Database db(path.toStdString());
            migrate(db, 6);
            QCOMPARE(db.user_version(), 6);
            db.exec("UPDATE conversations SET system_prompt = 'Svara kort.', temperature = 0.25,"
                    " top_k = 30, seed = 42 WHERE title LIKE 'Färgerna%'");
            db.exec("UPDATE model_settings SET max_tokens = 333, thinking = 0,"
                    " reasoning_effort = 'low'");
        }

        OpenedDatabase opened = open_conclave_database(path.toStdString());
        QCOMPARE(opened.report.found_schema_version, 6);
        QCOMPARE(opened.report.schema_version, current_schema_version());
        QVERIFY(current_schema_version() >= 7);
        QVERIFY(opened.report.backup_path);
        QVERIFY(QString::fromStdString(*opened.report.backup_path).contains(QStringLiteral("backup-v6")));
        {
            Database backup(*opened.report.backup_path, Database::Mode::read_only);
            QCOMPARE(backup.user_version(), 6);
        }

        Database& db = *opened.database;
        ConversationStore store(db);
        const std::vector<Conversation> list = store.list_conversations();
        QCOMPARE(list.size(), std::size_t{2});
        const Conversation& swedish = list[1];
        QCOMPARE(q(swedish.title), QStringLiteral("Färgerna på svenska 🇸🇪"));
        QCOMPARE(q(swedish.system_prompt.value_or("")), QStringLiteral("Svara kort."));
        QCOMPARE(swedish.sampling.temperature, std::optional<double>(0.25));
        QCOMPARE(swedish.sampling.top_k, std::optional<std::int64_t>(30));
        QCOMPARE(swedish.sampling.seed, std::optional<std::int64_t>(42));
        for (const Conversation& c : list) QVERIFY(c.answer == AnswerOverrides{});
        const std::vector<BranchMessage> branch = store.active_branch(swedish.id);
        QCOMPARE(branch.size(), std::size_t{2});
        QCOMPARE(q(branch[1].message.content), QStringLiteral("Rött, grönt och blått."));
        QCOMPARE(branch[1].sibling_count, 2);
        Statement count = db.prepare("SELECT count(*) FROM messages");
        QVERIFY(count.step());
        QCOMPARE(count.int64(0), 5);

        ModelStore models(db);
        const ModelSettings settings = models.settings(models.list_models()[0].id);
        QCOMPARE(settings.threads, std::optional<std::int64_t>(8));
        QCOMPARE(settings.max_tokens, std::optional<std::int64_t>(333));
        QCOMPARE(settings.thinking, std::optional<bool>(false));
        QCOMPARE(q(settings.reasoning_effort.value_or("")), QStringLiteral("low"));

        store.set_answer_overrides(swedish.id, {64, true, std::string("high")});
        opened.database.reset();
        OpenedDatabase again = open_conclave_database(path.toStdString());
        QVERIFY(!again.report.backup_path);
        const Conversation reread = ConversationStore(*again.database).conversation(swedish.id);
        QVERIFY((reread.answer == AnswerOverrides{64, true, std::string("high")}));
        QCOMPARE(reread.sampling.seed, std::optional<std::int64_t>(42));
    }

    void newerDatabaseIsRefusedAndUntouched() {
        const QString folder = fresh_folder();
        const QString path = folder + QStringLiteral("/conclave.db");
        {
            auto db = migrated_database(path.toStdString());
            ConversationStore(*db).create_conversation("from the future");
            db->set_user_version(current_schema_version() + 5);
        }
        const QByteArray before = file_hash(path);
        const QStringList files_before = QDir(folder).entryList(QDir::Files);
        try {
            open_conclave_database(path.toStdString());
            QFAIL("a newer database was opened");
        } catch (const DatabaseError& error) {
            QCOMPARE(error.kind(), ErrorKind::newer_schema);
            const QString message = QString::fromUtf8(error.what());
            QVERIFY2(message.contains(QStringLiteral("newer version of Conclave")), error.what());
            QVERIFY2(message.contains(path), error.what());
        }
        QCOMPARE(file_hash(path), before);
        QCOMPARE(QDir(folder).entryList(QDir::Files), files_before); // no backup, nothing moved
    }

    void damagedDatabaseIsMovedAsideAndRecovered() {
        const QString folder = fresh_folder();
        const QString path = folder + QStringLiteral("/conclave.db");
        const std::map<std::string, std::string> contents = populate(path.toStdString());
        // Break one page in the middle of the messages table itself.
        const auto page = middle_message_page(path.toStdString());
        if (!page) QSKIP("this SQLite has no dbstat table to find a page of the messages table");
        overwrite_page(path, page->first, page->second);
        const QByteArray damaged = file_hash(path);

        OpenedDatabase opened = open_conclave_database(path.toStdString());
        const OpenReport& report = opened.report;
        QVERIFY(report.integrity_checked); // the file changed after Conclave closed it
        QVERIFY(report.corrupt_file_moved_to);
        QVERIFY(!report.problems.empty());
        // Kept, never deleted, byte for byte as found.
        QCOMPARE(file_hash(q(*report.corrupt_file_moved_to)), damaged);
        QVERIFY(opened.database->integrity_problems().empty());
        QCOMPARE(report.recovered_conversations, 12);
        QVERIFY2(report.recovered_messages > 60 && report.recovered_messages < 96,
                 qPrintable(QString::number(report.recovered_messages)));

        // What came back is exactly what was written; every thread still reads in order.
        ConversationStore store(*opened.database);
        int checked = 0;
        for (const Conversation& c : store.list_conversations()) {
            const std::vector<BranchMessage> branch = store.active_branch(c.id);
            const std::vector<Message> all = store.all_messages(c.id);
            QCOMPARE(branch.size(), all.size());
            for (const Message& m : all) {
                QVERIFY(contents.count(m.uid));
                QCOMPARE(m.content, contents.at(m.uid));
                ++checked;
            }
        }
        QCOMPARE(checked, report.recovered_messages);
        // Full-text search works on the recovered messages.
        QVERIFY(!ConversationSearch(*opened.database).search("c3m1").empty() ||
                !ConversationSearch(*opened.database).search("c4m1").empty());
    }

    void cleanReopenSkipsTheCheckUntilAWeekHasPassed() {
        const QString path = fresh_folder() + QStringLiteral("/conclave.db");
        populate(path.toStdString()); // a new database, closed cleanly
        QVERIFY(QFile::exists(marker(path)));
        ManualClock clock;
        *clock.now = system_clock_ms();
        {
            OpenedDatabase opened =
                open_conclave_database(path.toStdString(), {.clock = clock.clock()});
            QVERIFY2(!opened.report.integrity_checked,
                     opened.report.integrity_check_reason.c_str());
            QVERIFY(opened.report.integrity_check_reason.empty());
            QVERIFY(!QFile::exists(marker(path))); // a crash from now on must not look clean
            QCOMPARE(ConversationStore(*opened.database).list_conversations().size(),
                     std::size_t{12});
        }
        QVERIFY(QFile::exists(marker(path)));
        // The marker remembers when the file was last checked: a week later it is checked...
        clock.advance(8LL * 24 * 3600 * 1000);
        {
            OpenedDatabase opened =
                open_conclave_database(path.toStdString(), {.clock = clock.clock()});
            QVERIFY(opened.report.integrity_checked);
            QVERIFY2(q(opened.report.integrity_check_reason).contains(QStringLiteral("days ago")),
                     opened.report.integrity_check_reason.c_str());
        }
        // ...and that check is recorded, so the next start skips it again.
        clock.advance(1000);
        OpenedDatabase opened =
            open_conclave_database(path.toStdString(), {.clock = clock.clock()});
        QVERIFY(!opened.report.integrity_checked);
    }

    void fileChangedAfterCleanCloseIsChecked() {
        const QString path = fresh_folder() + QStringLiteral("/conclave.db");
        populate(path.toStdString());
        later_modification_time(path); // another program wrote it, or a restore replaced it
        OpenedDatabase opened = open_conclave_database(path.toStdString());
        QVERIFY(opened.report.integrity_checked);
        QVERIFY2(q(opened.report.integrity_check_reason).contains(QStringLiteral("changed")),
                 opened.report.integrity_check_reason.c_str());
        QVERIFY(!opened.report.corrupt_file_moved_to);
    }

    void uncleanExitRunsTheCheckWhichFindsADamagedPage() {
        const QString path = fresh_folder() + QStringLiteral("/conclave.db");
        populate(path.toStdString());
        const auto page = middle_message_page(path.toStdString());

        // A run that ends without closing: no marker, its last commit only in the -wal.
        QCOMPARE(run_child(QStringLiteral("unclean"), path),
                 QStringList{QStringLiteral("committed")});
        QVERIFY(!QFile::exists(marker(path)));
        QVERIFY(QFileInfo(path + QStringLiteral("-wal")).size() > 0);
        {
            OpenedDatabase opened = open_conclave_database(path.toStdString());
            QVERIFY(opened.report.integrity_checked);
            QVERIFY2(q(opened.report.integrity_check_reason).contains(QStringLiteral("not closed")),
                     opened.report.integrity_check_reason.c_str());
            QVERIFY(!opened.report.corrupt_file_moved_to);
            QCOMPARE(ConversationStore(*opened.database).list_conversations().size(),
                     std::size_t{13});
        }

        // Unclean again, and this time a page of the main file is damaged as well.
        if (!page) QSKIP("this SQLite has no dbstat table to find a page of the messages table");
        QCOMPARE(run_child(QStringLiteral("unclean"), path),
                 QStringList{QStringLiteral("committed")});
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::ReadWrite));
            QVERIFY(file.seek(page->first * page->second + 8));
            file.write(QByteArray(page->second - 16, '\x5a'));
        }
        OpenedDatabase opened = open_conclave_database(path.toStdString());
        QVERIFY(opened.report.integrity_checked);
        QVERIFY(opened.report.corrupt_file_moved_to);
        QVERIFY(!opened.report.problems.empty());
        QCOMPARE(opened.report.recovered_conversations, 14);
        QVERIFY2(opened.report.recovered_messages > 60 && opened.report.recovered_messages < 98,
                 qPrintable(QString::number(opened.report.recovered_messages)));
    }

    void fileThatIsNotADatabaseIsSetAside() {
        const QString folder = fresh_folder();
        const QString path = folder + QStringLiteral("/conclave.db");
        QFile junk(path);
        QVERIFY(junk.open(QIODevice::WriteOnly));
        junk.write(QByteArray(10000, 'z'));
        junk.close();
        OpenedDatabase opened = open_conclave_database(path.toStdString());
        QVERIFY(opened.report.corrupt_file_moved_to);
        QCOMPARE(QFile(q(*opened.report.corrupt_file_moved_to)).size(), 10000);
        QCOMPARE(opened.report.recovered_conversations, 0);
        QVERIFY(ConversationStore(*opened.database).list_conversations().empty());
        // A second damaged file the same second gets its own name.
        opened.database.reset();
        QFile::remove(path);
        QVERIFY(junk.open(QIODevice::WriteOnly));
        junk.write(QByteArray(20000, 'y'));
        junk.close();
        OpenedDatabase again =
            open_conclave_database(path.toStdString(), {.clock = [] { return std::int64_t{0}; }});
        QVERIFY(again.report.corrupt_file_moved_to != opened.report.corrupt_file_moved_to);
        QCOMPARE(QFile(q(*opened.report.corrupt_file_moved_to)).size(), 10000);
    }

    void readOnlyFolderGivesAClearErrorAndRecovers() {
        const QString folder = fresh_folder();
        const QString path = folder + QStringLiteral("/conclave.db");
        QFile::setPermissions(m_dir.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner |
                                                QFile::ReadOther | QFile::ExeOther |
                                                QFile::ReadGroup | QFile::ExeGroup);
        const QFile::Permissions read_only = QFile::ReadOwner | QFile::ExeOwner | QFile::ReadOther |
                                             QFile::ExeOther | QFile::ReadGroup | QFile::ExeGroup;
        QVERIFY(QFile::setPermissions(folder, read_only));
        const QStringList refused = run_child(QStringLiteral("open"), path);
        QVERIFY2(refused.size() == 1 &&
                     refused[0].startsWith(
                         QStringLiteral("error %1 ").arg(static_cast<int>(ErrorKind::read_only))),
                 qPrintable(refused.join('|')));
        QVERIFY2(refused[0].contains(folder), qPrintable(refused[0]));
        QVERIFY(!QFile::exists(path));

        // The folder becomes writable again (for everyone, as the child may run as nobody).
        QVERIFY(QFile::setPermissions(folder, read_only | QFile::WriteOwner | QFile::WriteOther |
                                                  QFile::WriteGroup));
        QCOMPARE(run_child(QStringLiteral("open"), path), QStringList{QStringLiteral("ok")});

        // An existing database in a folder that turned read-only: refused the same way, the
        // file unchanged; writable again, and saving goes on.
        QVERIFY(QFile::setPermissions(folder, read_only));
        const QByteArray before = file_hash(path);
        const QStringList existing = run_child(QStringLiteral("open"), path);
        QVERIFY2(existing.size() == 1 &&
                     existing[0].startsWith(
                         QStringLiteral("error %1 ").arg(static_cast<int>(ErrorKind::read_only))),
                 qPrintable(existing.join('|')));
        QCOMPARE(file_hash(path), before);
        QVERIFY(QFile::setPermissions(folder, read_only | QFile::WriteOwner | QFile::WriteOther |
                                                  QFile::WriteGroup));
        QCOMPARE(run_child(QStringLiteral("open"), path), QStringList{QStringLiteral("ok")});
        OpenedDatabase opened = open_conclave_database(path.toStdString());
        QCOMPARE(ConversationStore(*opened.database).list_conversations().size(), std::size_t{2});
    }

    void fileSizeLimitIsADiskFullErrorAndSavingResumes() {
        const QString path = fresh_folder() + QStringLiteral("/conclave.db");
        const QStringList lines = run_child(QStringLiteral("fill"), path);
        QVERIFY2(lines.size() == 3, qPrintable(lines.join('|')));
        // SQLite reports a write refused by the file-size limit as a failed write (a truly
        // full disk is SQLITE_FULL, tested in test_streaming_writer); the handling is the same.
        QVERIFY2(lines[0].startsWith(
                     QStringLiteral("full %1 ").arg(static_cast<int>(ErrorKind::write_failed))),
                 qPrintable(lines[0]));
        QCOMPARE(lines[1], QStringLiteral("memory intact"));
        QCOMPARE(lines[2], QStringLiteral("resumed complete"));
        OpenedDatabase opened =
            open_conclave_database(path.toStdString(), {.full_integrity_check = true});
        QVERIFY(!opened.report.corrupt_file_moved_to);
    }
};

QTEST_GUILESS_MAIN(TestOpenDatabase)
#include "test_open_database.moc"
