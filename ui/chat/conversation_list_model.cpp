#include "conversation_list_model.h"

#include <QSet>

namespace conclave::ui {

ConversationListModel::ConversationListModel(QObject* parent) : QAbstractListModel(parent) {}

int ConversationListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

QVariant ConversationListModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) return {};
    const ConversationHeader& row = m_rows.at(index.row());
    switch (role) {
    case IdRole: return row.id;
    case Qt::DisplayRole:
    case TitleRole: return row.title;
    case UpdatedRole: return row.updated;
    case GroupRole:
        if (row.archived) return archivedGroup();
        return row.pinned ? pinnedGroup() : groupFor(row.updated.date(), QDate::currentDate());
    case PinnedRole: return row.pinned;
    case ArchivedRole: return row.archived;
    default: return {};
    }
}

QHash<int, QByteArray> ConversationListModel::roleNames() const {
    return {{IdRole, "conversationId"}, {TitleRole, "title"}, {UpdatedRole, "updated"}, {GroupRole, "group"}, {PinnedRole, "pinned"}, {ArchivedRole, "archived"}};
}

namespace {

bool sameRow(const ConversationHeader& a, const ConversationHeader& b) {
    return a.id == b.id && a.title == b.title && a.pinned == b.pinned && a.archived == b.archived &&
           a.updated == b.updated;
}

} // namespace

void ConversationListModel::setConversations(const QList<ConversationHeader>& conversations) {
    m_all = conversations;
    QList<ConversationHeader> rows;
    QList<ConversationHeader> archived;
    for (const ConversationHeader& c : conversations) (c.archived ? archived : rows).append(c);
    if (m_showArchived) rows.append(archived);
    applyRows(rows);
    if (archived.size() != m_archivedCount) {
        m_archivedCount = static_cast<int>(archived.size());
        emit archivedCountChanged();
    }
}

void ConversationListModel::setShowArchived(bool show) {
    if (show == m_showArchived) return;
    m_showArchived = show;
    setConversations(m_all);
    emit showArchivedChanged();
}

// Changes the rows in place (remove, move, insert, change) rather than resetting, so the
// sidebar keeps its delegates, scroll position and hover state when one conversation moves
// to the top after an answer; a reset rebuilt every visible row on the GUI thread. Many moves
// (a re-sort of everything) fall back to a reset.
void ConversationListModel::applyRows(const QList<ConversationHeader>& conversations) {
    const int oldCount = static_cast<int>(m_rows.size());
    QSet<qint64> wanted;
    for (const ConversationHeader& row : conversations) wanted.insert(row.id);
    for (int row = oldCount - 1; row >= 0; --row) {
        if (wanted.contains(m_rows.at(row).id)) continue;
        beginRemoveRows({}, row, row);
        m_rows.removeAt(row);
        endRemoveRows();
    }
    constexpr int maxMoves = 64;
    int moves = 0;
    for (int target = 0; target < conversations.size(); ++target) {
        const ConversationHeader& next = conversations.at(target);
        int found = -1;
        for (int row = target; row < m_rows.size(); ++row) {
            if (m_rows.at(row).id == next.id) {
                found = row;
                break;
            }
        }
        if (found < 0) {
            beginInsertRows({}, target, target);
            m_rows.insert(target, next);
            endInsertRows();
            continue;
        }
        if (found != target) {
            if (++moves > maxMoves) {
                beginResetModel();
                m_rows = conversations;
                endResetModel();
                break;
            }
            beginMoveRows({}, found, found, {}, target);
            m_rows.move(found, target);
            endMoveRows();
        }
        if (!sameRow(m_rows.at(target), next)) {
            m_rows[target] = next;
            emit dataChanged(index(target), index(target));
        }
    }
    if (m_rows.size() != oldCount) emit countChanged();
}

int ConversationListModel::rowOf(qint64 id) const {
    for (int row = 0; row < m_rows.size(); ++row)
        if (m_rows.at(row).id == id) return row;
    return -1;
}

QString ConversationListModel::titleOf(qint64 id) const {
    for (const ConversationHeader& c : m_all)
        if (c.id == id) return c.title;
    return {};
}

bool ConversationListModel::isArchived(qint64 id) const {
    for (const ConversationHeader& c : m_all)
        if (c.id == id) return c.archived;
    return false;
}

QString ConversationListModel::pinnedGroup() { return tr("Pinned"); }
QString ConversationListModel::archivedGroup() { return tr("Archived"); }

void ConversationListModel::retranslate() {
    if (!m_rows.isEmpty()) emit dataChanged(index(0), index(int(m_rows.size()) - 1), {GroupRole});
}

QString ConversationListModel::groupFor(const QDate& updated, const QDate& today) {
    const qint64 days = updated.daysTo(today);
    if (days <= 0) return tr("Today");
    if (days == 1) return tr("Yesterday");
    if (days < 7) return tr("Previous 7 days");
    if (days < 30) return tr("Previous 30 days");
    return tr("Older");
}

} // namespace conclave::ui
