#pragma once
// ConversationListModel: the sidebar's list of conversations, pinned first, then most recent
// first, each with the group it falls in ("Pinned", or by date: "Today", "Yesterday",
// "Previous 7 days", "Older") for the ListView's sections. A snapshot of the ConversationStore, refreshed by the ChatController
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
public:
    enum Roles { IdRole = Qt::UserRole + 1, TitleRole, UpdatedRole, GroupRole, PinnedRole };

    explicit ConversationListModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    void setConversations(const QList<ConversationHeader>& conversations);
    Q_INVOKABLE int rowOf(qint64 id) const;
    // The title of conversation `id`; empty when it is not in the list.
    QString titleOf(qint64 id) const;

    // The date group of `updated` seen from `today`.
    static QString groupFor(const QDate& updated, const QDate& today);
    static QString pinnedGroup();

    // Every row's data asked for again: the groups in the language installed now.
    void retranslate();

signals:
    void countChanged();

private:
    QList<ConversationHeader> m_rows;
};

} // namespace conclave::ui
