#include "conclave/storage/transaction.h"

#include "conclave/storage/database.h"

namespace conclave::storage {

// IMMEDIATE takes the write lock up front, so two writers wait on the busy timeout instead
// of one failing half-way with SQLITE_BUSY on its first write.
Transaction::Transaction(Database& db) : m_db(db) {
    m_db.exec("BEGIN IMMEDIATE");
}

Transaction::~Transaction() {
    if (m_done) return;
    try {
        m_db.exec("ROLLBACK");
    } catch (...) {
        // SQLite already rolled back (e.g. after SQLITE_FULL); nothing more can be done here.
    }
}

void Transaction::commit() {
    m_db.exec("COMMIT");
    m_done = true;
}

} // namespace conclave::storage

namespace conclave::storage {

// A deferred BEGIN takes no lock until the first read, and in WAL mode a reader never waits
// for the writer: the snapshot is the last commit before that first read.
ReadTransaction::ReadTransaction(Database& db) : m_db(db) {
    m_db.exec("BEGIN DEFERRED");
}

ReadTransaction::~ReadTransaction() {
    try {
        m_db.exec("COMMIT");
    } catch (...) {
        // A read-only transaction has nothing to lose; ending it cannot fail in a way that matters.
    }
}

} // namespace conclave::storage
