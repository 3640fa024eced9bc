#pragma once
// ModelListModel: the rows of the model picker — the favourites first (starred models, under
// "Favourites"), then the recent models (a file that is gone shows as missing), then the GGUF files found on disk that are not among them, grouped
// by where they were found (Conclave's folder, the Hugging Face cache, LM Studio, Downloads,
// the user's folders). `filter` keeps the rows whose name, file name, repository or
// architecture contain every typed word (case-insensitive).
//
// GUI thread only; filled with value types (from the ModelLibrary and the ModelScanner's
// results). Never throws.

#include "model_discovery.h"
#include "model_library.h"

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>

namespace conclave::ui {

struct ModelEntry {
    QString path;
    QString name;     // general.name, else the file name without .gguf
    QString fileName; // as found: a Hugging Face snapshot's name, never a blob hash
    QString location; // repository ("org/name"), else the folder
    QString facts;    // "135M · llama · Q4_1 · 72 MB"
    QString section;  // "Recent", "Hugging Face cache", ...
    QString problem;  // why it cannot be loaded (damaged, unsupported); empty when it can
    bool missing = false;
    bool favourite = false;
    // The library's model id: > 0 for a recent model or a favourite (it can be removed from
    // the list, and located when missing), 0 for a file only found on disk.
    qint64 libraryId = 0;
    // What the library records when a file only found on disk is starred.
    RecentModel record;
};

class ModelListModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("ModelListModel belongs to the ModelPicker")
    Q_PROPERTY(QString filter READ filter WRITE setFilter NOTIFY filterChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
public:
    enum Role {
        PathRole = Qt::UserRole + 1,
        NameRole,
        FileNameRole,
        LocationRole,
        FactsRole,
        SectionRole,
        ProblemRole,
        MissingRole,
        FavouriteRole,
        RememberedRole, // in the library: can be removed from the list, located when missing
    };

    explicit ModelListModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    void setRecent(const QList<RecentModel>& recent);
    void setDiscovered(const QList<app::DiscoveredModel>& discovered);
    QString filter() const { return m_filter; }
    void setFilter(const QString& filter);

    // The entry shown at `row`; a default entry when out of range.
    ModelEntry entryAt(int row) const;
    // The row showing `path`; -1 when none does (filtered out, or not listed).
    Q_INVOKABLE int rowOfPath(const QString& path) const;
    const QList<ModelEntry>& allEntries() const { return m_all; }

    static QString sectionName(app::ModelSource source);

signals:
    void filterChanged();
    void countChanged();

private:
    void rebuild();
    bool matches(const ModelEntry& entry) const;

    QList<RecentModel> m_recent;
    QList<app::DiscoveredModel> m_discovered;
    QList<ModelEntry> m_all;   // every entry, in order
    QList<ModelEntry> m_shown; // those matching the filter
    QString m_filter;
};

} // namespace conclave::ui
