#include "conversation_store.h"

#include <QCoreApplication>

#include <algorithm>
#include <vector>

namespace conclave::ui {

QString roleName(ChatMessage::Role role) {
    switch (role) {
    case ChatMessage::Role::user: return QStringLiteral("user");
    case ChatMessage::Role::assistant: return QStringLiteral("assistant");
    case ChatMessage::Role::system: return QStringLiteral("system");
    }
    return QStringLiteral("user");
}

QList<ConversationHeader> InMemoryConversationStore::conversations() const {
    QList<ConversationHeader> list;
    for (const auto& [id, entry] : m_conversations) list.append(entry.header);
    std::stable_sort(list.begin(), list.end(), [](const ConversationHeader& a, const ConversationHeader& b) {
        if (a.pinned != b.pinned) return a.pinned;
        return a.updated != b.updated ? a.updated > b.updated : a.id > b.id;
    });
    return list;
}

ConversationHeader InMemoryConversationStore::createConversation(const QString& title) {
    Entry entry;
    entry.header.id = m_nextConversation++;
    entry.header.title = title;
    entry.header.created = QDateTime::currentDateTime();
    entry.header.updated = entry.header.created;
    const ConversationHeader header = entry.header;
    m_conversations.emplace(header.id, std::move(entry));
    return header;
}

void InMemoryConversationStore::renameConversation(qint64 conversation, const QString& title) {
    if (auto it = m_conversations.find(conversation); it != m_conversations.end()) it->second.header.title = title;
}

void InMemoryConversationStore::setPinned(qint64 conversation, bool pinned) {
    if (auto it = m_conversations.find(conversation); it != m_conversations.end()) it->second.header.pinned = pinned;
}

void InMemoryConversationStore::setArchived(qint64 conversation, bool archived) {
    if (auto it = m_conversations.find(conversation); it != m_conversations.end()) it->second.header.archived = archived;
}

void InMemoryConversationStore::deleteConversation(qint64 conversation) { m_conversations.erase(conversation); }

ConversationOverrides InMemoryConversationStore::overrides(qint64 conversation) const {
    const auto it = m_conversations.find(conversation);
    return it == m_conversations.end() ? ConversationOverrides{} : it->second.overrides;
}

void InMemoryConversationStore::setOverrides(qint64 conversation, const ConversationOverrides& overrides) {
    if (auto it = m_conversations.find(conversation); it != m_conversations.end()) it->second.overrides = overrides;
}

namespace {

[[noreturn]] void throwUnsupported() {
    throw StoreError{QCoreApplication::translate(
                         "ConversationStore",
                         "The conversations are kept in memory this session (the database could not be "
                         "opened), so they cannot be exported or imported."),
                     QStringLiteral("unsupported")};
}

} // namespace

QByteArray ConversationStore::exportJson(qint64) const { throwUnsupported(); }
QByteArray ConversationStore::exportMarkdown(qint64) const { throwUnsupported(); }
ImportCounts ConversationStore::importJson(const QByteArray&) { throwUnsupported(); }

QList<qint64> InMemoryConversationStore::childrenOf(const Entry& entry, qint64 parent) {
    QList<qint64> ids;
    for (const auto& [id, message] : entry.messages)
        if (message.parentId == parent) ids.append(id);
    return ids;
}

QList<ChatMessage> InMemoryConversationStore::activeBranch(qint64 conversation) const {
    const auto it = m_conversations.find(conversation);
    if (it == m_conversations.end()) return {};
    const Entry& entry = it->second;
    QList<ChatMessage> branch;
    for (qint64 id = entry.activeLeaf; id != 0;) {
        const auto found = entry.messages.find(id);
        if (found == entry.messages.end()) break;
        ChatMessage message = found->second;
        const QList<qint64> versions = childrenOf(entry, message.parentId);
        message.siblingIndex = static_cast<int>(versions.indexOf(id));
        message.siblingCount = static_cast<int>(versions.size());
        branch.prepend(message);
        id = message.parentId;
    }
    return branch;
}

QList<qint64> InMemoryConversationStore::siblings(qint64 conversation, qint64 message) const {
    const auto it = m_conversations.find(conversation);
    if (it == m_conversations.end()) return {};
    const auto found = it->second.messages.find(message);
    if (found == it->second.messages.end()) return {};
    return childrenOf(it->second, found->second.parentId);
}

ChatMessage InMemoryConversationStore::appendMessage(qint64 conversation, qint64 parent, ChatMessage message) {
    const auto it = m_conversations.find(conversation);
    if (it == m_conversations.end()) return message;
    message.id = m_nextMessage++;
    message.parentId = parent;
    if (!message.created.isValid()) message.created = QDateTime::currentDateTime();
    it->second.messages.emplace(message.id, message);
    it->second.activeLeaf = message.id;
    const QList<qint64> versions = childrenOf(it->second, parent);
    message.siblingIndex = static_cast<int>(versions.size()) - 1;
    message.siblingCount = static_cast<int>(versions.size());
    touch(it->second);
    return message;
}

void InMemoryConversationStore::selectBranch(qint64 conversation, qint64 message) {
    const auto it = m_conversations.find(conversation);
    if (it == m_conversations.end() || !it->second.messages.contains(message)) return;
    qint64 leaf = message;
    for (QList<qint64> below = childrenOf(it->second, leaf); !below.isEmpty(); below = childrenOf(it->second, leaf))
        leaf = below.constLast();
    it->second.activeLeaf = leaf;
}

namespace {
// Up to ~40 characters either side of the first match, every match marked.
QString markedSnippet(const QString& text, const QString& needle) {
    const qsizetype first = text.indexOf(needle, 0, Qt::CaseInsensitive);
    const qsizetype from = std::max<qsizetype>(0, first - 40);
    const qsizetype to = std::min(text.size(), first + needle.size() + 40);
    const QString part = text.mid(from, to - from);
    QString out = from > 0 ? QStringLiteral("…") : QString();
    qsizetype at = 0;
    for (qsizetype hit = part.indexOf(needle, 0, Qt::CaseInsensitive); hit >= 0;
         hit = part.indexOf(needle, at, Qt::CaseInsensitive)) {
        out += part.mid(at, hit - at) + searchHighlightBegin + part.mid(hit, needle.size()) + searchHighlightEnd;
        at = hit + needle.size();
    }
    out += part.mid(at);
    if (to < text.size()) out += QStringLiteral("…");
    return out;
}
} // namespace

QList<SearchResult> InMemoryConversationStore::search(const QString& text, int limit) const {
    const QString needle = text.simplified();
    if (needle.isEmpty() || limit <= 0) return {};
    struct Scored {
        SearchResult result;
        qsizetype count;
    };
    std::vector<Scored> found;
    for (const auto& [id, entry] : m_conversations) {
        if (const qsizetype n = entry.header.title.count(needle, Qt::CaseInsensitive); n > 0)
            found.push_back({{id, entry.header.title, 0, markedSnippet(entry.header.title, needle), entry.header.created}, n});
        for (const auto& [messageId, message] : entry.messages)
            if (const qsizetype n = message.text.count(needle, Qt::CaseInsensitive); n > 0)
                found.push_back({{id, entry.header.title, messageId, markedSnippet(message.text, needle), message.created}, n});
    }
    std::stable_sort(found.begin(), found.end(), [](const Scored& a, const Scored& b) {
        return a.count != b.count ? a.count > b.count : a.result.date > b.result.date;
    });
    QList<SearchResult> results;
    for (const Scored& s : found) {
        if (results.size() >= limit) break;
        results.append(s.result);
    }
    return results;
}

void InMemoryConversationStore::updateAnswer(qint64 conversation, const ChatMessage& answer) { store(conversation, answer); }

void InMemoryConversationStore::finishAnswer(qint64 conversation, const ChatMessage& answer) { store(conversation, answer); }

void InMemoryConversationStore::store(qint64 conversation, const ChatMessage& message) {
    const auto it = m_conversations.find(conversation);
    if (it == m_conversations.end()) return;
    const auto found = it->second.messages.find(message.id);
    if (found == it->second.messages.end()) return;
    found->second = message;
    touch(it->second);
}

void InMemoryConversationStore::touch(Entry& entry) { entry.header.updated = QDateTime::currentDateTime(); }

} // namespace conclave::ui
