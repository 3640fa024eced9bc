#include "conclave/storage/search.h"

#include "conclave/storage/database.h"
#include "row_readers.h"

#include <algorithm>

namespace conclave::storage {
namespace {

// A title names the whole conversation, so a title match outranks the same match in one
// message of it (bm25 scores are negative; larger magnitude is better).
constexpr double title_weight = 2.0;

// How many of the newest matches per index are ranked (see search()).
constexpr int recent_window = 2000;

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

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

std::vector<SearchHit> ConversationSearch::search(std::string_view user_text,
                                                  const SearchOptions& options) {
    const std::string query = fts_query_for(user_text);
    if (query.empty() || options.limit <= 0) return {};
    // Ranking every match of a common word would cost time in proportion to the history
    // (a score per match). Each index is instead read newest first (FTS5 walks its doclists
    // in rowid order without sorting) and only the newest `recent_window` matches are
    // ranked: for a rare word that is every match, for a common one the recent ones. The
    // score is bm25 whose per-word weight stops counting a word's rows after a few thousand
    // (search_rank.h): bm25's own count walks every row holding the word once per query.
    Statement ranked = m_db.prepare(
        "SELECT kind, id, score FROM ("
        " SELECT 0 AS kind, rowid AS id, score FROM (SELECT rowid, conclave_rank(messages_fts)"
        "  AS score FROM messages_fts WHERE messages_fts MATCH :query"
        "  ORDER BY rowid DESC LIMIT :window)"
        " UNION ALL"
        " SELECT 1, rowid, score * :title_weight FROM (SELECT rowid,"
        "  conclave_rank(conversations_fts) AS score FROM conversations_fts"
        "  WHERE conversations_fts MATCH :query ORDER BY rowid DESC LIMIT :window))"
        " ORDER BY score, id DESC LIMIT :fetch");
    // Archived hits are dropped below, after ranking, so fetch more when they are excluded.
    ranked.bind(":query", query)
        .bind(":window", recent_window)
        .bind(":title_weight", title_weight)
        .bind(":fetch", options.include_archived ? options.limit : options.limit * 4);

    // Snippets are made only for the hits returned: each is a point query on one row.
    const int words = std::clamp(options.snippet_words, 1, 64);
    Statement message_hit =
        m_db.prepare("SELECT m.conversation_id, c.title, m.role, m.created_at, c.archived,"
                     " snippet(messages_fts, 0, :begin, :end, '…', :words)"
                     " FROM messages_fts JOIN messages m ON m.id = messages_fts.rowid JOIN "
                     "conversations c ON c.id = m.conversation_id"
                     " WHERE messages_fts MATCH :query AND messages_fts.rowid = :id");
    Statement title_hit = m_db.prepare(
        "SELECT c.id, c.title, NULL, c.created_at, c.archived, snippet(conversations_fts, 0, "
        ":begin, :end, '…', :words)"
        " FROM conversations_fts JOIN conversations c ON c.id = conversations_fts.rowid"
        " WHERE conversations_fts MATCH :query AND conversations_fts.rowid = :id");

    std::vector<SearchHit> hits;
    while (ranked.step() && static_cast<int>(hits.size()) < options.limit) {
        const bool is_title = ranked.int64(0) == 1;
        const Id id = ranked.int64(1);
        Statement& detail = is_title ? title_hit : message_hit;
        detail.reset();
        detail.bind(":query", query)
            .bind(":begin", highlight_begin)
            .bind(":end", highlight_end)
            .bind(":words", words);
        detail.bind(":id", id);
        if (!detail.step()) continue;
        if (!options.include_archived && detail.int64(4) != 0) continue;
        SearchHit hit;
        hit.conversation_id = detail.int64(0);
        hit.conversation_title = detail.text(1);
        if (!is_title) {
            hit.message_id = id;
            hit.role = role_from_string(detail.text(2));
        }
        hit.created_at = detail.int64(3);
        hit.snippet = detail.text(5);
        hit.score = ranked.real(2);
        hits.push_back(std::move(hit));
    }
    return hits;
}

} // namespace conclave::storage
