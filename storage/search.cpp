#include "conclave/storage/search.h"

#include "conclave/storage/database.h"
#include "row_readers.h"

#include <algorithm>

namespace conclave::storage {
namespace {

// A title names the whole conversation, so a title match outranks the same match in one
// message of it (bm25 scores are negative; larger magnitude is better).
constexpr double title_weight = 2.0;

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

} // namespace

std::string fts_query_for(std::string_view user_text) {
    std::vector<std::string_view> words;
    std::size_t i = 0;
    while (i < user_text.size()) {
        while (i < user_text.size() && is_space(user_text[i])) ++i;
        const std::size_t start = i;
        while (i < user_text.size() && !is_space(user_text[i])) ++i;
        if (i > start) words.push_back(user_text.substr(start, i - start));
    }
    std::string query;
    for (std::size_t w = 0; w < words.size(); ++w) {
        if (w) query += ' ';
        // A quoted string is always a phrase of plain tokens; a quote inside is doubled.
        query += '"';
        for (const char c : words[w]) {
            if (c == '"') query += '"';
            query += c;
        }
        query += '"';
        if (w + 1 == words.size()) query += '*';
    }
    return query;
}

std::vector<SearchHit> ConversationSearch::search(std::string_view user_text, const SearchOptions& options) {
    const std::string query = fts_query_for(user_text);
    if (query.empty() || options.limit <= 0) return {};
    // Each FTS table is ranked on its own with ORDER BY rank LIMIT (which FTS5 answers
    // without sorting every match), then the two short lists are merged.
    Statement select = m_db.prepare(
        "SELECT conversation_id, title, message_id, role, snippet, score, created_at FROM ("
        " SELECT m.conversation_id, c.title, m.id AS message_id, m.role, hit.snippet, hit.score, m.created_at,"
        "  c.archived"
        " FROM (SELECT rowid, snippet(messages_fts, 0, :begin, :end, '…', :words) AS snippet, rank AS score"
        "       FROM messages_fts WHERE messages_fts MATCH :query ORDER BY rank LIMIT :fetch) hit"
        " JOIN messages m ON m.id = hit.rowid JOIN conversations c ON c.id = m.conversation_id"
        " UNION ALL"
        " SELECT c.id, c.title, NULL, NULL, hit.snippet, hit.score * :title_weight, c.created_at, c.archived"
        " FROM (SELECT rowid, snippet(conversations_fts, 0, :begin, :end, '…', :words) AS snippet, rank AS score"
        "       FROM conversations_fts WHERE conversations_fts MATCH :query ORDER BY rank LIMIT :fetch) hit"
        " JOIN conversations c ON c.id = hit.rowid)"
        " WHERE :include_archived OR archived = 0"
        " ORDER BY score, created_at DESC LIMIT :limit");
    // Archived hits are filtered after ranking, so fetch more when they are excluded.
    const int fetch = options.include_archived ? options.limit : options.limit * 4;
    select.bind(":query", query)
        .bind(":begin", highlight_begin)
        .bind(":end", highlight_end)
        .bind(":words", std::clamp(options.snippet_words, 1, 64))
        .bind(":fetch", fetch)
        .bind(":title_weight", title_weight)
        .bind(":include_archived", options.include_archived ? 1 : 0)
        .bind(":limit", options.limit);
    std::vector<SearchHit> hits;
    while (select.step()) {
        SearchHit hit;
        hit.conversation_id = select.int64(0);
        hit.conversation_title = select.text(1);
        hit.message_id = detail::optional_int64(select, 2);
        if (!select.is_null(3)) hit.role = role_from_string(select.text(3));
        hit.snippet = select.text(4);
        hit.score = select.real(5);
        hit.created_at = select.int64(6);
        hits.push_back(std::move(hit));
    }
    return hits;
}

} // namespace conclave::storage
