#include "search_model.h"

#include <QLocale>
#include <QTime>

namespace conclave::ui {

SearchModel::SearchModel(ConversationStore* store, QObject* parent) : QAbstractListModel(parent), m_store(store) {
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(debounceMs);
    connect(&m_debounce, &QTimer::timeout, this, &SearchModel::refresh);
}

int SearchModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_results.size());
}

QVariant SearchModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) return {};
    const SearchResult& r = m_results.at(index.row());
    switch (role) {
    case ConversationIdRole: return r.conversationId;
    case MessageIdRole: return r.messageId;
    case CodePanelRole: return r.codePanel;
    case TitleRole:
    case Qt::DisplayRole: return r.conversationTitle;
    case SnippetRole: return snippetHtml(r.snippet, m_highlightColor);
    case DateTextRole: {
        const QDateTime local = r.date.toLocalTime();
        return local.date() == QDate::currentDate() ? local.time().toString(QStringLiteral("HH:mm"))
                                                    : QLocale().toString(local.date(), QLocale::ShortFormat);
    }
    default: return {};
    }
}

QHash<int, QByteArray> SearchModel::roleNames() const {
    return {{ConversationIdRole, "conversationId"}, {MessageIdRole, "messageId"}, {TitleRole, "title"},
            {SnippetRole, "snippet"}, {DateTextRole, "dateText"}, {CodePanelRole, "codePanel"}};
}

void SearchModel::setQuery(const QString& query) {
    if (query == m_query) return;
    m_query = query;
    emit queryChanged();
    m_debounce.start();
}

void SearchModel::setHighlightColor(const QColor& color) {
    if (color == m_highlightColor) return;
    m_highlightColor = color;
    emit highlightColorChanged();
    if (!m_results.isEmpty()) emit dataChanged(index(0), index(rowCount() - 1), {SnippetRole});
}

void SearchModel::setHiddenConversation(const QObject* owner, qint64 id) {
    if (id == 0) m_hidden.remove(owner);
    else m_hidden.insert(owner, id);
}

void SearchModel::refresh() {
    m_debounce.stop();
    QList<SearchResult> results;
    if (!m_query.trimmed().isEmpty()) {
        try {
            results = m_store->search(m_query, resultLimit);
        } catch (const StoreError&) {
            results.clear();
        }
    }
    results.removeIf([this](const SearchResult& r) {
        for (const qint64 id : m_hidden)
            if (r.conversationId == id) return true;
        return false;
    });
    beginResetModel();
    m_results = std::move(results);
    endResetModel();
    emit countChanged();
}

QString SearchModel::snippetHtml(const QString& marked, const QColor& highlight) {
    const QString open = highlight.isValid()
                             ? QStringLiteral("<b><font color=\"%1\">").arg(highlight.name())
                             : QStringLiteral("<b>");
    const QString close = highlight.isValid() ? QStringLiteral("</font></b>") : QStringLiteral("</b>");
    QString html;
    QString plain;
    bool inside = false;
    const auto flush = [&] {
        html += plain.simplified().isEmpty() && !plain.isEmpty() ? QStringLiteral(" ")
                                                                : plain.toHtmlEscaped();
        plain.clear();
    };
    for (const QChar c : marked) {
        if (c == searchHighlightBegin && !inside) {
            flush();
            html += open;
            inside = true;
        } else if (c == searchHighlightEnd && inside) {
            flush();
            html += close;
            inside = false;
        } else if (c == searchHighlightBegin || c == searchHighlightEnd) {
            continue;
        } else {
            plain += (c == u'\n' || c == u'\r' || c == u'\t') ? QChar(u' ') : c;
        }
    }
    flush();
    if (inside) html += close;
    return html;
}

} // namespace conclave::ui
