#pragma once
// Transaction: RAII guard around BEGIN IMMEDIATE ... COMMIT. Rolls back in its destructor
// unless commit() was called, so an exception or early return never leaves half a change.
// Use on the Database's own thread; not nestable.

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

} // namespace conclave::storage
