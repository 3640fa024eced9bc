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
    case GroupRole: return row.pinned ? pinnedGroup() : groupFor(row.updated.date(), QDate::currentDate());
    case PinnedRole: return row.pinned;
    default: return {};
    }
}

QHash<int, QByteArray> ConversationListModel::roleNames() const {
    return {{IdRole, "conversationId"}, {TitleRole, "title"}, {UpdatedRole, "updated"}, {GroupRole, "group"}, {PinnedRole, "pinned"}};
}

namespace {

bool sameRow(const ConversationHeader& a, const ConversationHeader& b) {
    return a.id == b.id && a.title == b.title && a.pinned == b.pinned && a.updated == b.updated;
}

} // namespace

// Changes the rows in place (remove, move, insert, change) rather than resetting, so the
// sidebar keeps its delegates, scroll position and hover state when one conversation moves
// to the top after an answer; a reset rebuilt every visible row on the GUI thread. Many moves
// (a re-sort of everything) fall back to a reset.
void ConversationListModel::setConversations(const QList<ConversationHeader>& conversations) {
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
    const int row = rowOf(id);
    return row < 0 ? QString() : m_rows.at(row).title;
}

QString ConversationListModel::pinnedGroup() { return tr("Pinned"); }

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
