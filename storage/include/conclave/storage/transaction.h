#pragma once
// Transaction: RAII guard around BEGIN IMMEDIATE ... COMMIT. Rolls back in its destructor
// unless commit() was called, so an exception or early return never leaves half a change.
// ReadTransaction: RAII guard around a read snapshot (BEGIN ... COMMIT): every query inside
// sees the same committed state, so a reader never mixes rows from before and after a
// concurrent writer's commit. Use both on the Database's own thread; neither nests.

namespace conclave::storage {

class Database;

class Transaction {
public:
    explicit Transaction(Database& db);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    void commit();

private:
    Database& m_db;
    bool m_done = false;
};

class ReadTransaction {
public:
    explicit ReadTransaction(Database& db);
    ~ReadTransaction();
    ReadTransaction(const ReadTransaction&) = delete;
    ReadTransaction& operator=(const ReadTransaction&) = delete;

private:
    Database& m_db;
};

} // namespace conclave::storage
