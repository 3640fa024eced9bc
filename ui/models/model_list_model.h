#pragma once
// ModelListModel: the rows of the model picker — the recent models first (a file that is
// gone shows as missing), then the GGUF files found on disk that are not among them, grouped
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
