// The SQLite wrapper on real database files: settings applied at open, named binds,
// transactions that roll back on failure, and clear errors for files that are not databases.

#include "conclave/storage/database.h"
#include "conclave/storage/database_error.h"
#include "conclave/storage/transaction.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>
#include <sqlite3.h>

using namespace conclave::storage;

class TestDatabase : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::string path(const char* name) const { return (m_dir.path() + '/' + name).toStdString(); }

    static void createNotes(Database& db) {
        db.exec("CREATE TABLE IF NOT EXISTS books(id INTEGER PRIMARY KEY, title TEXT NOT NULL);"
                "CREATE TABLE IF NOT EXISTS notes(id INTEGER PRIMARY KEY,"
                " book INTEGER NOT NULL REFERENCES books(id), body TEXT)");
    }

private slots:
    void openAppliesWalAndForeignKeys() {
        Database db(path("settings.db"));
        Statement journal = db.prepare("PRAGMA journal_mode");
        QVERIFY(journal.step());
        QCOMPARE(QString::fromStdString(journal.text(0)), QStringLiteral("wal"));
        Statement keys = db.prepare("PRAGMA foreign_keys");
        QVERIFY(keys.step());
        QCOMPARE(keys.int64(0), 1);
        QVERIFY(db.integrity_problems().empty());
    }

    void foreignKeysAreEnforced() {
        Database db(path("fk.db"));
        createNotes(db);
        Statement insert = db.prepare("INSERT INTO notes(book, body) VALUES(:book, :body)");
        insert.bind(":book", 999).bind(":body", "orphan");
        try {
            insert.run();
            QFAIL("a note pointing at no book was accepted");
        } catch (const DatabaseError& error) {
            QCOMPARE(error.sqlite_code(), SQLITE_CONSTRAINT);
        }
    }

    void namedBindsRoundTripUnicodeAndNull() {
        Database db(path("binds.db"));
        createNotes(db);
        db.prepare("INSERT INTO books(title) VALUES(:title)")
            .bind(":title", "Кни́га — 本 🦜")
            .run();
        const std::int64_t book = db.last_insert_id();
        db.prepare("INSERT INTO notes(book, body) VALUES(:book, :body)")
            .bind(":book", book)
            .bind_null(":body")
            .run();
        Statement read =
            db.prepare("SELECT b.title, n.body FROM notes n JOIN books b ON b.id = n.book");
        QVERIFY(read.step());
        QCOMPARE(QString::fromStdString(read.text(0)), QStringLiteral("Кни́га — 本 🦜"));
        QVERIFY(!read.optional_text(1).has_value());
        QVERIFY(!read.step());
    }

    void unknownBindNameIsAnError() {
        Database db(path("typo.db"));
        createNotes(db);
        Statement insert = db.prepare("INSERT INTO books(title) VALUES(:title)");
        QVERIFY_THROWS_EXCEPTION(DatabaseError, insert.bind(":titel", "typo"));
    }

    void transactionRollsBackUnlessCommitted() {
        const std::string file = path("tx.db");
        {
            Database db(file);
            createNotes(db);
            try {
                Transaction tx(db);
                db.prepare("INSERT INTO books(title) VALUES(:t)").bind(":t", "lost").run();
                throw std::runtime_error("interrupted before commit");
            } catch (const std::runtime_error&) {
            }
            Transaction tx(db);
            db.prepare("INSERT INTO books(title) VALUES(:t)").bind(":t", "kept").run();
            tx.commit();
        }
        Database reopened(file);
        Statement all = reopened.prepare("SELECT title FROM books");
        QVERIFY(all.step());
        QCOMPARE(QString::fromStdString(all.text(0)), QStringLiteral("kept"));
        QVERIFY(!all.step());
    }

    void userVersionPersists() {
        const std::string file = path("version.db");
        {
            Database db(file);
            QCOMPARE(db.user_version(), 0);
            db.set_user_version(7);
        }
        Database reopened(file);
        QCOMPARE(reopened.user_version(), 7);
    }

    void fileThatIsNotADatabaseIsRefusedClearly() {
        const QString file = m_dir.path() + QStringLiteral("/notes.txt");
        QFile text(file);
        QVERIFY(text.open(QIODevice::WriteOnly));
        text.write(QByteArray(8192, 'x'));
        text.close();
        try {
            Database db(file.toStdString());
            QFAIL("a text file opened as a database");
        } catch (const DatabaseError& error) {
            QCOMPARE(error.sqlite_code(), SQLITE_NOTADB);
            QVERIFY2(QString::fromUtf8(error.what()).contains(QStringLiteral("notes.txt")),
                     error.what());
        }
        QFile after(file);
        QVERIFY(after.open(QIODevice::ReadOnly));
        QCOMPARE(after.readAll(), QByteArray(8192, 'x'));
    }
};

QTEST_GUILESS_MAIN(TestDatabase)
#include "test_database.moc"
