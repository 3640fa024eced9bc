#include "model_list_model.h"

#include <QFileInfo>
#include <QLocale>
#include <QSet>

namespace conclave::ui {
namespace {

QString joinFacts(const QStringList& parts) {
    QStringList present;
    for (const QString& part : parts)
        if (!part.isEmpty()) present.append(part);
    return present.join(QStringLiteral(" \u00B7 "));
}

QString sizeText(qint64 bytes) {
    return bytes > 0 ? QLocale().formattedDataSize(bytes) : QString();
}

// "model" for "model-00001-of-00003.gguf" and "model.gguf".
QString baseName(const QString& fileName, int parts) {
    QString name = fileName;
    if (name.endsWith(QLatin1String(".gguf"), Qt::CaseInsensitive)) name.chop(5);
    if (parts > 1) name = name.section(u'-', 0, -4);
    return name;
}

ModelEntry fromRecent(const RecentModel& m) {
    ModelEntry e;
    e.path = m.path;
    e.fileName = QFileInfo(m.path).fileName();
    e.name = m.name.isEmpty() ? baseName(e.fileName, 1) : m.name;
    e.location = QFileInfo(m.path).path();
    e.facts = joinFacts({app::describeParameterCounts(m.parameters, m.activeParameters),
                         m.architecture, m.quantMix, sizeText(m.fileBytes)});
    e.section = m.favourite ? ModelListModel::tr("Favourites") : ModelListModel::tr("Recent");
    e.missing = m.missing;
    e.favourite = m.favourite;
    e.libraryId = m.id;
    e.record = m;
    if (m.missing) e.problem = ModelListModel::tr("The file is missing: it was moved or deleted.");
    return e;
}

ModelEntry fromDiscovered(const app::DiscoveredModel& m) {
    const app::ModelFacts& f = m.facts;
    ModelEntry e;
    e.path = f.path;
    e.fileName = m.fileName;
    e.name = f.name.isEmpty() || f.name == QFileInfo(f.path).completeBaseName()
                 ? baseName(m.fileName, f.splitParts)
                 : f.name;
    e.location = m.repository.isEmpty() ? QFileInfo(f.path).path() : m.repository;
    const QString parts =
        f.splitParts > 1 ? ModelListModel::tr("%n parts", nullptr, f.splitParts) : QString();
    e.facts = joinFacts({app::describeParameterCounts(f.parameters, f.activeParameters),
                         f.architecture, f.quantMix, sizeText(f.fileBytes), parts});
    e.section = ModelListModel::sectionName(m.source);
    e.problem = f.problem;
    e.record.path = f.path;
    e.record.name = e.name;
    e.record.architecture = f.architecture;
    e.record.parameters = f.parameters;
    e.record.activeParameters = f.activeParameters;
    e.record.quantMix = f.quantMix;
    e.record.fileBytes = f.fileBytes;
    e.record.contextLength = f.contextLength;
    return e;
}

} // namespace

ModelListModel::ModelListModel(QObject* parent) : QAbstractListModel(parent) {}

QString ModelListModel::sectionName(app::ModelSource source) {
    switch (source) {
    case app::ModelSource::conclave:
        return tr("Conclave models folder");
    case app::ModelSource::huggingface:
        return tr("Hugging Face cache");
    case app::ModelSource::lmstudio:
        return tr("LM Studio");
    case app::ModelSource::downloads:
        return tr("Downloads");
    case app::ModelSource::user:
        return tr("Your folders");
    }
    return {};
}

int ModelListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_shown.size());
}

QVariant ModelListModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ModelEntry& e = m_shown.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return e.name;
    case PathRole:
        return e.path;
    case FileNameRole:
        return e.fileName;
    case LocationRole:
        return e.location;
    case FactsRole:
        return e.facts;
    case SectionRole:
        return e.section;
    case ProblemRole:
        return e.problem;
    case MissingRole:
        return e.missing;
    case FavouriteRole:
        return e.favourite;
    case RememberedRole:
        return e.libraryId > 0;
    default:
        return {};
    }
}

QHash<int, QByteArray> ModelListModel::roleNames() const {
    return {{PathRole, "path"},         {NameRole, "name"},      {FileNameRole, "fileName"},
            {LocationRole, "location"}, {FactsRole, "facts"},    {SectionRole, "section"},
            {ProblemRole, "problem"},   {MissingRole, "missing"},    {FavouriteRole, "favourite"},
            {RememberedRole, "remembered"}};
}

void ModelListModel::setRecent(const QList<RecentModel>& recent) {
    m_recent = recent;
    rebuild();
}

void ModelListModel::setDiscovered(const QList<app::DiscoveredModel>& discovered) {
    m_discovered = discovered;
    rebuild();
}

void ModelListModel::setFilter(const QString& filter) {
    if (filter == m_filter) return;
    m_filter = filter;
    rebuild();
    emit filterChanged();
}

ModelEntry ModelListModel::entryAt(int row) const {
    return row >= 0 && row < m_shown.size() ? m_shown.at(row) : ModelEntry{};
}

int ModelListModel::rowOfPath(const QString& path) const {
    for (int row = 0; row < m_shown.size(); ++row)
        if (m_shown.at(row).path == path) return row;
    return -1;
}

bool ModelListModel::matches(const ModelEntry& e) const {
    const QString haystack = e.name + u' ' + e.fileName + u' ' + e.location + u' ' + e.facts;
    const QStringList words = m_filter.simplified().split(u' ', Qt::SkipEmptyParts);
    for (const QString& word : words)
        if (!haystack.contains(word, Qt::CaseInsensitive)) return false;
    return true;
}

void ModelListModel::rebuild() {
    QList<ModelEntry> all;
    QSet<QString> recentPaths;
    // Favourites first whatever order the library gave.
    for (const bool favourites : {true, false})
        for (const RecentModel& m : m_recent)
            if (m.favourite == favourites) {
                all.append(fromRecent(m));
                recentPaths.insert(m.path);
            }
    for (const app::DiscoveredModel& m : m_discovered)
        if (!recentPaths.contains(m.facts.path)) all.append(fromDiscovered(m));
    QList<ModelEntry> shown;
    for (const ModelEntry& e : all)
        if (matches(e)) shown.append(e);
    const int before = rowCount();
    beginResetModel();
    m_all = std::move(all);
    m_shown = std::move(shown);
    endResetModel();
    if (before != rowCount()) emit countChanged();
}

} // namespace conclave::ui
