#pragma once
// ConversationSearch: full-text search over message text and conversation titles (FTS5,
// kept in step with every write by triggers), best matches first, each with a snippet.
//
// What the user types is taken as words, never as FTS5 syntax: quotes, stars, colons or a
// lone "NOT" cannot make a query fail. Every word must match; the last word also matches
// as a prefix, so results appear while the user is still typing it. Diacritics are ignored
// ("cafe" finds "café"), case too. Scripts written without spaces (Chinese, Japanese) are
// indexed in runs, so a word there matches the start of a run.
//
// Ranking: bm25 (FTS5's rank; titles weighted up) over the newest 2,000 matches in each
// index, so a word found in a hundred thousand messages costs no more than a rare one.
// An answer still streaming is not indexed yet; it is once it ends (or is interrupted).
//
// Ownership and threads: borrows a Database and is used on its thread; a search box on
// another thread gets its own Database. Throws DatabaseError.

#include "conclave/storage/records.h"

#include <string>
#include <string_view>
#include <vector>

namespace conclave::storage {

class Database;

// Marks around matched words in snippets: control characters that chat text does not
// contain, so the view can split on them and escape the rest for display.
inline constexpr std::string_view highlight_begin = "\x02";
inline constexpr std::string_view highlight_end = "\x03";

struct SearchOptions {
    int limit = 50;
    int snippet_words = 16; // words of context around matches, at most 64
    bool include_archived = true;
};

struct SearchHit {
    Id conversation_id = 0;
    std::string conversation_title;
    ConversationKind conversation_kind = ConversationKind::chat; // where to open it
    std::optional<Id> message_id; // nullopt: the title matched
    std::optional<Role> role;
    std::string snippet; // with highlight_begin / highlight_end around matched words
    double score = 0;    // lower is better (FTS5 bm25, titles weighted up)
    std::int64_t created_at = 0;
};

// The FTS5 query for what the user typed: every word quoted, the last one a prefix. Empty
// when the text holds no word.
std::string fts_query_for(std::string_view user_text);

class ConversationSearch {
public:
    explicit ConversationSearch(Database& db) : m_db(db) {}

    std::vector<SearchHit> search(std::string_view user_text, const SearchOptions& options = {});

private:
    Database& m_db;
};

} // namespace conclave::storage
