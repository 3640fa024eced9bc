#include "conclave/storage/search.h"

#include "conclave/storage/database.h"
#include "row_readers.h"

#include <algorithm>
#include <map>
#include <string>
#include <vector>

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

// Each hit's conversation, role, time and snippet, for the chosen rows of one index, from
// one pass over its matches: the rows lie among the newest matches (they were ranked from
// those), so a rowid range bounds the pass, and snippets are made for the chosen rows only.
// One point query per hit would set up the whole FTS5 query again each time.
struct HitDetail {
    SearchHit hit; // all but the score
    bool archived = false;
};

std::map<Id, HitDetail> hit_details(Database& db, const std::string& query,
                                    const std::vector<Id>& ids, bool titles, int snippet_words) {
    std::map<Id, HitDetail> details;
    if (ids.empty()) return details;
    const auto [lowest, highest] = std::minmax_element(ids.begin(), ids.end());
    std::string id_list = "[";
    for (const Id id : ids) id_list += (id_list.size() > 1 ? "," : "") + std::to_string(id);
    id_list += "]";
    // "+f.rowid" keeps the IN list away from FTS5, which would turn it into one lookup per id.
    Statement select = db.prepare(
        titles ? "SELECT f.rowid, c.id, c.title, NULL, c.created_at, c.archived,"
                 " snippet(conversations_fts, 0, :begin, :end, '…', :words), c.kind"
                 " FROM conversations_fts f JOIN conversations c ON c.id = f.rowid"
                 " WHERE conversations_fts MATCH :query AND f.rowid BETWEEN :lowest AND :highest"
                 " AND +f.rowid IN (SELECT value FROM json_each(:ids))"
               : "SELECT f.rowid, m.conversation_id, c.title, m.role, m.created_at, c.archived,"
                 " snippet(messages_fts, 0, :begin, :end, '…', :words), c.kind"
                 " FROM messages_fts f JOIN messages m ON m.id = f.rowid"
                 " JOIN conversations c ON c.id = m.conversation_id"
                 " WHERE messages_fts MATCH :query AND f.rowid BETWEEN :lowest AND :highest"
                 " AND +f.rowid IN (SELECT value FROM json_each(:ids))");
    select.bind(":query", query)
        .bind(":begin", highlight_begin)
        .bind(":end", highlight_end)
        .bind(":words", std::clamp(snippet_words, 1, 64))
        .bind(":lowest", *lowest)
        .bind(":highest", *highest)
        .bind(":ids", id_list);
    while (select.step()) {
        HitDetail detail;
        SearchHit& hit = detail.hit;
        hit.conversation_id = select.int64(1);
        hit.conversation_title = select.text(2);
        if (!titles) {
            hit.message_id = select.int64(0);
            hit.role = role_from_string(select.text(3));
        }
        hit.created_at = select.int64(4);
        detail.archived = select.int64(5) != 0;
        hit.snippet = select.text(6);
        hit.conversation_kind = conversation_kind_from_string(select.text(7));
        details.emplace(select.int64(0), std::move(detail));
    }
    return details;
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

    struct Candidate {
        bool is_title;
        Id id;
        double score;
    };
    std::vector<Candidate> candidates;
    std::vector<Id> ids[2]; // messages, titles
    while (ranked.step()) {
        const bool is_title = ranked.int64(0) == 1;
        candidates.push_back({is_title, ranked.int64(1), ranked.real(2)});
        ids[is_title].push_back(candidates.back().id);
    }
    const std::map<Id, HitDetail> details[2] = {
        hit_details(m_db, query, ids[0], false, options.snippet_words),
        hit_details(m_db, query, ids[1], true, options.snippet_words)};

    std::vector<SearchHit> hits;
    for (const Candidate& candidate : candidates) {
        if (static_cast<int>(hits.size()) >= options.limit) break;
        const auto found = details[candidate.is_title].find(candidate.id);
        if (found == details[candidate.is_title].end()) continue;
        if (!options.include_archived && found->second.archived) continue;
        hits.push_back(found->second.hit);
        hits.back().score = candidate.score;
    }
    return hits;
}

} // namespace conclave::storage
