#include "conversation_list_model.h"

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

void ConversationListModel::setConversations(const QList<ConversationHeader>& conversations) {
    beginResetModel();
    m_rows = conversations;
    endResetModel();
    emit countChanged();
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

QString ConversationListModel::groupFor(const QDate& updated, const QDate& today) {
    const qint64 days = updated.daysTo(today);
    if (days <= 0) return tr("Today");
    if (days == 1) return tr("Yesterday");
    if (days < 7) return tr("Previous 7 days");
    if (days < 30) return tr("Previous 30 days");
    return tr("Older");
}

} // namespace conclave::ui
