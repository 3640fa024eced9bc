#pragma once
// CodePanelSessionList: the code panel's recent sessions for its session list — the
// `recentLimit` most recently used, newest first (older ones are found by search) — and the
// delete with undo the chat's sidebar has: remove() hides a session at once and deletes it
// for real when the undo times out, at the next remove, or when the list is destroyed (at
// quit); undo() brings it back.
//
// Ownership: borrows the CodePanelSessions (which must outlive it). GUI thread only; a
// snapshot of the store, refreshed by the CodePanelController after it changes sessions.
// Errors: a store that refuses a read or the delete emits failed(message) and keeps the list
// as it was (a failed delete shows the session again).

#include "code_panel_sessions.h"

#include <QAbstractListModel>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

namespace conclave::ui {

class CodePanelSessionList : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The CodePanelController makes its session list")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(bool undoVisible READ undoVisible NOTIFY undoChanged)
    Q_PROPERTY(QString undoTitle READ undoTitle NOTIFY undoChanged)
public:
    enum Roles { SessionIdRole = Qt::UserRole + 1, TitleRole, UpdatedRole };
    static constexpr int recentLimit = 50;
    static constexpr int undoIntervalMs = 6000;

    explicit CodePanelSessionList(CodePanelSessions* sessions, QObject* parent = nullptr);
    ~CodePanelSessionList() override;

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    bool undoVisible() const { return m_pendingDelete != 0; }
    QString undoTitle() const { return m_pendingDeleteTitle; }
    // The session waiting for its delete (0: none); it is not opened meanwhile.
    qint64 pendingDelete() const { return m_pendingDelete; }

    Q_INVOKABLE void refresh();
    // Hides `session` and offers undo; false when it is not in the list.
    bool remove(qint64 session);
    // Brings the hidden session back; its id (0 when none was waiting).
    qint64 undo();
    // Deletes the hidden session now.
    void commitPendingDelete();

signals:
    void countChanged();
    void undoChanged();
    void failed(const QString& message);

private:
    CodePanelSessions* m_sessions;
    QList<ConversationHeader> m_rows;
    QTimer m_undoTimer;
    qint64 m_pendingDelete = 0;
    QString m_pendingDeleteTitle;
};

} // namespace conclave::ui
