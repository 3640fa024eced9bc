#pragma once
// ConversationListModel: the sidebar's list of conversations, pinned first, then most recent
// first, each with the group it falls in ("Pinned", or by date: "Today", "Yesterday",
// "Previous 7 days", "Older") for the ListView's sections. Archived conversations leave
// those groups: they follow at the end under "Archived" while showArchived is on, and are
// not rows otherwise (archivedCount still counts them). A snapshot of the ConversationStore, refreshed by the ChatController
// after it changes the store. GUI thread only.

#include "chat_message.h"

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>
#include <QDate>

namespace conclave::ui {

class ConversationListModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("created by the ChatController")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(int archivedCount READ archivedCount NOTIFY archivedCountChanged)
    Q_PROPERTY(bool showArchived READ showArchived WRITE setShowArchived NOTIFY showArchivedChanged)
public:
    enum Roles { IdRole = Qt::UserRole + 1, TitleRole, UpdatedRole, GroupRole, PinnedRole, ArchivedRole };

    explicit ConversationListModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    // Every conversation, archived ones included, in the store's order.
    void setConversations(const QList<ConversationHeader>& conversations);
    int archivedCount() const { return m_archivedCount; }
    bool showArchived() const { return m_showArchived; }
    void setShowArchived(bool show);
    Q_INVOKABLE int rowOf(qint64 id) const;
    // The title of conversation `id` (also when archived and hidden); empty when unknown.
    QString titleOf(qint64 id) const;
    bool isArchived(qint64 id) const;

    // The date group of `updated` seen from `today`.
    static QString groupFor(const QDate& updated, const QDate& today);
    static QString pinnedGroup();
    static QString archivedGroup();

    // Every row's data asked for again: the groups in the language installed now.
    void retranslate();

signals:
    void countChanged();
    void archivedCountChanged();
    void showArchivedChanged();

private:
    void applyRows(const QList<ConversationHeader>& rows);

    QList<ConversationHeader> m_all; // as the store gave them
    QList<ConversationHeader> m_rows; // what the view shows
    int m_archivedCount = 0;
    bool m_showArchived = false;
};

} // namespace conclave::ui
