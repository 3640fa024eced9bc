#include "search_rank.h"

#include "conclave/storage/database_error.h"

#include <algorithm>
#include <cmath>
#include <sqlite3.h> // declares FTS5's extension interface (Fts5ExtensionApi, fts5_api)
#include <vector>

namespace conclave::storage::detail {
namespace {

constexpr double k1 = 1.2;
constexpr double b = 0.75;

// Computed once per query (FTS5 keeps it as the function's auxiliary data for the query).
struct QueryWeights {
    double average_row_tokens = 1;
    std::vector<double> idf; // per phrase
};

struct PhraseCount {
    sqlite3_int64 rows = 0;
    sqlite3_int64 first_rowid = 0;
    sqlite3_int64 last_rowid = 0;
};

int count_phrase_row(const Fts5ExtensionApi* api, Fts5Context* fts, void* user) {
    auto* count = static_cast<PhraseCount*>(user);
    const sqlite3_int64 rowid = api->xRowid(fts);
    if (count->rows++ == 0) count->first_rowid = rowid;
    count->last_rowid = rowid;
    return count->rows >= exact_count_limit ? SQLITE_DONE : SQLITE_OK;
}

// Rows holding phrase `phrase` out of `n_rows`: exact below the limit; above it, the limit
// scaled by the share of the table's rowids those first rows spanned (rowids are message ids,
// dense in practice).
int phrase_rows(const Fts5ExtensionApi* api, Fts5Context* fts, int phrase, sqlite3_int64 n_rows,
                double& rows) {
    PhraseCount count;
    const int code = api->xQueryPhrase(fts, phrase, &count, count_phrase_row);
    if (code != SQLITE_OK) return code;
    rows = static_cast<double>(count.rows);
    if (count.rows >= exact_count_limit) {
        const double spanned = static_cast<double>(count.last_rowid - count.first_rowid + 1);
        rows = std::clamp(rows * static_cast<double>(n_rows) / std::max(spanned, rows), rows,
                          static_cast<double>(n_rows));
    }
    return SQLITE_OK;
}

int compute_weights(const Fts5ExtensionApi* api, Fts5Context* fts, QueryWeights& weights) {
    sqlite3_int64 n_rows = 0;
    sqlite3_int64 n_tokens = 0;
    int code = api->xRowCount(fts, &n_rows);
    if (code == SQLITE_OK) code = api->xColumnTotalSize(fts, -1, &n_tokens);
    if (code != SQLITE_OK) return code;
    if (n_rows > 0) weights.average_row_tokens = static_cast<double>(n_tokens) / n_rows;
    const int n_phrases = api->xPhraseCount(fts);
    weights.idf.resize(static_cast<std::size_t>(n_phrases));
    for (int p = 0; p < n_phrases; ++p) {
        double rows = 0;
        code = phrase_rows(api, fts, p, n_rows, rows);
        if (code != SQLITE_OK) return code;
        // As bm25: a phrase in more than half the rows would weigh below zero; floor it.
        const double idf = std::log((static_cast<double>(n_rows) - rows + 0.5) / (rows + 0.5));
        weights.idf[static_cast<std::size_t>(p)] = idf <= 0 ? 1e-6 : idf;
    }
    return SQLITE_OK;
}

void delete_weights(void* weights) {
    delete static_cast<QueryWeights*>(weights);
}

void conclave_rank(const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3_context* result, int,
                   sqlite3_value**) {
    auto* weights = static_cast<QueryWeights*>(api->xGetAuxdata(fts, 0));
    int code = SQLITE_OK;
    if (!weights) {
        weights = new QueryWeights;
        code = compute_weights(api, fts, *weights);
        if (code != SQLITE_OK) {
            delete weights;
            sqlite3_result_error_code(result, code);
            return;
        }
        code = api->xSetAuxdata(fts, weights, delete_weights); // deletes it on failure
        if (code != SQLITE_OK) {
            sqlite3_result_error_code(result, code);
            return;
        }
    }
    std::vector<double> frequency(weights->idf.size(), 0.0);
    int n_inst = 0;
    code = api->xInstCount(fts, &n_inst);
    for (int i = 0; code == SQLITE_OK && i < n_inst; ++i) {
        int phrase = 0;
        int column = 0;
        int offset = 0;
        code = api->xInst(fts, i, &phrase, &column, &offset);
        if (code == SQLITE_OK && phrase >= 0 && static_cast<std::size_t>(phrase) < frequency.size())
            frequency[static_cast<std::size_t>(phrase)] += 1;
    }
    int row_tokens = 0;
    if (code == SQLITE_OK) code = api->xColumnSize(fts, -1, &row_tokens);
    if (code != SQLITE_OK) {
        sqlite3_result_error_code(result, code);
        return;
    }
    const double length_norm =
        k1 * (1 - b + b * static_cast<double>(row_tokens) / weights->average_row_tokens);
    double score = 0;
    for (std::size_t p = 0; p < frequency.size(); ++p)
        score += weights->idf[p] * (frequency[p] * (k1 + 1)) / (frequency[p] + length_norm);
    sqlite3_result_double(result, -score);
}

} // namespace

void register_search_functions(sqlite3* db) {
    fts5_api* api = nullptr;
    sqlite3_stmt* statement = nullptr;
    int code = sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &statement, nullptr);
    if (code == SQLITE_OK) {
        sqlite3_bind_pointer(statement, 1, static_cast<void*>(&api), "fts5_api_ptr", nullptr);
        sqlite3_step(statement);
    }
    sqlite3_finalize(statement);
    if (code != SQLITE_OK || !api || api->iVersion < 2)
        throw DatabaseError(code == SQLITE_OK ? SQLITE_ERROR : code,
                            "this SQLite library has no full-text search (FTS5)");
    code = api->xCreateFunction(api, "conclave_rank", nullptr, conclave_rank, nullptr);
    if (code != SQLITE_OK) throw DatabaseError(code, "cannot register the search ranking function");
}

} // namespace conclave::storage::detail
