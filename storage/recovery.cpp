#include "recovery.h"

#include "conclave/storage/database.h"
#include "conclave/storage/transaction.h"
#include "import_tree.h"
#include "row_readers.h"

#include <functional>
#include <map>
#include <memory>

namespace conclave::storage::detail {
namespace {

// How many times a scan jumps over unreadable rows before giving up on the table.
constexpr int max_skips = 64;

// Reads a table in rowid order, straight from the table's own b-tree (NOT INDEXED: indexes
// are often where damage is), calling `row` for each readable row. When a page cannot be
// read, the scan restarts further on, jumping by growing steps, so rows after a bad page
// are still found.
void scan_table(Database& db, const std::string& columns_from,
                const std::function<void(const Statement&)>& row) {
    Id after = 0;
    Id jump = 1;
    for (int skips = 0; skips <= max_skips; ++skips) {
        try {
            Statement select =
                db.prepare("SELECT " + columns_from + " NOT INDEXED WHERE id > :after ORDER BY id");
            select.bind(":after", after);
            while (select.step()) {
                after = select.int64(0);
                jump = 1;
                row(select);
            }
            return;
        } catch (...) {
            after += jump;
            jump *= 2;
        }
    }
}

std::string fresh_uid(Database& db) {
    Statement select = db.prepare("SELECT lower(hex(randomblob(16)))");
    select.step();
    return select.text(0);
}

void recover_settings(Database& damaged, Database& fresh) {
    try {
        Statement select = damaged.prepare("SELECT key, value FROM app_settings");
        Statement insert =
            fresh.prepare("INSERT OR IGNORE INTO app_settings(key, value) VALUES(:key, :value)");
        while (select.step()) {
            insert.reset();
            insert.bind(":key", select.text(0)).bind(":value", select.text(1)).run();
        }
    } catch (...) {
        // Settings are easy to set again; conversations are what matters.
    }
}

} // namespace

RecoveryCounts recover_into(const std::string& damaged_path, Database& fresh) {
    RecoveryCounts counts;
    std::unique_ptr<Database> damaged;
    try {
        damaged = std::make_unique<Database>(damaged_path, Database::Mode::read_only);
    } catch (...) {
        return counts;
    }
    recover_settings(*damaged, fresh);

    std::map<Id, IncomingConversation> conversations;
    std::map<Id, Id> active_leaf_of;
    int damaged_version = 0;
    try {
        damaged_version = damaged->user_version();
    } catch (...) {
        // An unreadable header: read it as the newest schema; unreadable rows are skipped.
        damaged_version = 1 << 20;
    }
    scan_table(*damaged, conversation_columns_for(damaged_version) + " FROM conversations c",
               [&](const Statement& row) {
                   Conversation c = read_conversation(row);
                   if (c.active_leaf_id) active_leaf_of[c.id] = *c.active_leaf_id;
                   conversations[c.id].conversation = std::move(c);
               });
    std::map<Id, std::vector<Message>> messages;
    scan_table(*damaged, message_columns_for(damaged_version) + " FROM messages m",
               [&](const Statement& row) {
                   Message m = read_message(row);
                   messages[m.conversation_id].push_back(std::move(m));
               });

    for (auto& [conversation_id, list] : messages) {
        IncomingConversation& in = conversations[conversation_id];
        if (in.conversation.uid.empty()) {
            // The conversation's row was lost with its page; its messages are not.
            in.conversation.uid = fresh_uid(fresh);
            in.conversation.title = "Recovered conversation";
            in.conversation.created_at = list.front().created_at;
            in.conversation.updated_at = list.back().updated_at;
        }
        std::map<Id, std::string> uid_of;
        for (const Message& m : list) uid_of[m.id] = m.uid;
        const auto leaf = active_leaf_of.find(conversation_id);
        if (leaf != active_leaf_of.end() && uid_of.count(leaf->second))
            in.active_leaf_uid = uid_of[leaf->second];
        const std::string* previous = nullptr;
        for (const Message& m : list) {
            IncomingMessage incoming{m, std::nullopt};
            // A parent lost with a bad page: hang the message under the one before it, so
            // the thread still reads in order.
            if (m.parent_id) {
                const auto parent = uid_of.find(*m.parent_id);
                if (parent != uid_of.end())
                    incoming.parent_uid = parent->second;
                else if (previous)
                    incoming.parent_uid = *previous;
            }
            in.messages.push_back(std::move(incoming));
            previous = &m.uid;
        }
    }

    for (const auto& [id, in] : conversations) {
        if (in.conversation.uid.empty()) continue;
        try {
            Transaction transaction(fresh);
            IncomingCounts added;
            add_conversation(fresh, in, true, added);
            transaction.commit();
            counts.conversations += added.conversations_added;
            counts.messages += added.messages_added;
        } catch (...) {
            // One conversation that cannot be written back must not stop the others.
        }
    }
    return counts;
}

} // namespace conclave::storage::detail
