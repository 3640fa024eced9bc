#pragma once
// conclave_rank(fts_table): the ranking function search uses (internal to storage/).
//
// It is FTS5's bm25 (k1 = 1.2, b = 0.75, every column weighted 1; lower is better) with one
// change: bm25 learns how many rows hold each query phrase (its document frequency, for the
// phrase's weight) by walking the phrase's whole doclist once per query, which for a word
// found in most of a million messages costs more than everything else in a search. Here
// the walk stops after `exact_count_limit` rows; a phrase that common gets its frequency
// estimated from how far into the table (in rowid order) those rows reached. Below the
// limit the count is exact and the score is bm25's to the last bit; above it the phrase's
// weight, log((N - n + 0.5) / (n + 0.5)), is near its floor either way, so the ranking of a
// common word against a rare one is kept.
//
// Registered on every connection by Database's constructor (FTS5 auxiliary functions live
// per connection). Throws DatabaseError when FTS5 is missing from the SQLite library.

struct sqlite3;

namespace conclave::storage::detail {

inline constexpr int exact_count_limit = 4096;

void register_search_functions(sqlite3* db);

} // namespace conclave::storage::detail
