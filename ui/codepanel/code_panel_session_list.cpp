#include "code_panel_session_list.h"

#include <algorithm>
#include <utility>

namespace conclave::ui {

CodePanelSessionList::CodePanelSessionList(CodePanelSessions* sessions, QObject* parent)
    : QAbstractListModel(parent), m_sessions(sessions) {
    m_undoTimer.setSingleShot(true);
    m_undoTimer.setInterval(undoIntervalMs);
    connect(&m_undoTimer, &QTimer::timeout, this, &CodePanelSessionList::commitPendingDelete);
}

CodePanelSessionList::~CodePanelSessionList() {
    if (m_pendingDelete == 0) return;
    try {
        m_sessions->deleteSession(m_pendingDelete);
    } catch (const StoreError&) {
        // Quitting: the session stays stored and shows again at the next start.
    }
}

int CodePanelSessionList::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant CodePanelSessionList::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ConversationHeader& row = m_rows.at(index.row());
    switch (role) {
    case SessionIdRole:
        return row.id;
    case TitleRole:
    case Qt::DisplayRole:
        return row.title;
    case UpdatedRole:
        return row.updated;
    default:
        return {};
    }
}

QHash<int, QByteArray> CodePanelSessionList::roleNames() const {
    return {{SessionIdRole, "sessionId"}, {TitleRole, "title"}, {UpdatedRole, "updated"}};
}

void CodePanelSessionList::refresh() {
    QList<ConversationHeader> rows;
    try {
        // One more than shown, so the list stays full while one waits for its delete.
        rows = m_sessions->sessions(recentLimit + 1);
    } catch (const StoreError& error) {
        emit failed(error.message);
        return;
    }
    rows.removeIf([this](const ConversationHeader& row) { return row.id == m_pendingDelete; });
    if (rows.size() > recentLimit) rows.resize(recentLimit);
    const bool countChanges = rows.size() != m_rows.size();
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
    if (countChanges) emit countChanged();
}

bool CodePanelSessionList::remove(qint64 session) {
    const auto found =
        std::find_if(m_rows.cbegin(), m_rows.cend(),
                     [session](const ConversationHeader& row) { return row.id == session; });
    if (session <= 0 || found == m_rows.cend()) return false;
    const QString title = found->title;
    commitPendingDelete();
    m_pendingDelete = session;
    m_pendingDeleteTitle = title;
    m_undoTimer.start();
    refresh();
    emit undoChanged();
    return true;
}

qint64 CodePanelSessionList::undo() {
    const qint64 session = std::exchange(m_pendingDelete, 0);
    if (session == 0) return 0;
    m_undoTimer.stop();
    refresh();
    emit undoChanged();
    return session;
}

void CodePanelSessionList::commitPendingDelete() {
    if (m_pendingDelete == 0) return;
    const qint64 session = std::exchange(m_pendingDelete, 0);
    m_undoTimer.stop();
    try {
        m_sessions->deleteSession(session);
    } catch (const StoreError& error) {
        emit failed(error.message); // it shows in the list again
    }
    refresh();
    emit undoChanged();
}

} // namespace conclave::ui
