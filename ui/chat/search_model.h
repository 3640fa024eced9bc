#pragma once
// SearchModel: the rows of the search popup (Ctrl+K) — full-text hits over every
// conversation from the ConversationStore, best first: the conversation's title, a snippet
// with the matched words in bold (accent-coloured when highlightColor is set), and the date
// (the time for today).
// Setting `query` searches after a short pause (150 ms, so typing does not search per key);
// refresh() searches at once.
//
// Ownership: the ChatController owns it and passes the store it borrows. GUI thread only.
// A StoreError while searching leaves the list empty (the popup says "No results").

#include "conversation_store.h"

#include <QAbstractListModel>
#include <QColor>
#include <QHash>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

namespace conclave::ui {

class SearchModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("SearchModel belongs to the ChatController")
    Q_PROPERTY(QString query READ query WRITE setQuery NOTIFY queryChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(QColor highlightColor READ highlightColor WRITE setHighlightColor NOTIFY highlightColorChanged)
public:
    enum Roles { ConversationIdRole = Qt::UserRole + 1, MessageIdRole, TitleRole, SnippetRole, DateTextRole, CodePanelRole };
    static constexpr int debounceMs = 150;
    static constexpr int resultLimit = 50;

    explicit SearchModel(ConversationStore* store, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    QString query() const { return m_query; }
    void setQuery(const QString& query);
    QColor highlightColor() const { return m_highlightColor; }
    void setHighlightColor(const QColor& color);
    // Hits of this conversation are left out (one waiting for its delete to become final):
    // one per owner (the chat's sidebar and the code panel each have their own undo), 0 for
    // none.
    void setHiddenConversation(const QObject* owner, qint64 id);

    Q_INVOKABLE void refresh();
    const SearchResult& at(int row) const { return m_results.at(row); }
    // The snippet as Qt rich text: escaped, on one line, marked words in <b>.
    static QString snippetHtml(const QString& marked, const QColor& highlight = {});

signals:
    void queryChanged();
    void countChanged();
    void highlightColorChanged();

private:
    ConversationStore* m_store;
    QString m_query;
    QColor m_highlightColor;
    QHash<const QObject*, qint64> m_hidden;
    QList<SearchResult> m_results;
    QTimer m_debounce;
};

} // namespace conclave::ui
