#include "model_discovery.h"

#include "gguf/split_paths.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>

namespace conclave::app {
namespace {

QString firstNonEmpty(const QString& a, const QString& b) {
    return a.isEmpty() ? b : a;
}

bool hasGgufMagic(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) return false;
    return file.read(4) == QByteArrayLiteral("GGUF");
}

// The part number of a split model's file name; 0 for an ordinary file.
int splitPartNumber(const QString& path) {
    const auto name = gguf::parse_split_name(path.toStdString());
    return name ? static_cast<int>(name->number) : 0;
}

// "publisher/repo" for a file two folders below LM Studio's models folder.
QString lmStudioRepository(const QString& root, const QString& path) {
    const QString relative = QDir(root).relativeFilePath(QFileInfo(path).path());
    const QStringList parts = relative.split(u'/', Qt::SkipEmptyParts);
    return parts.size() >= 2 ? parts[0] + u'/' + parts[1] : QString();
}

// One walk over all folders, sharing the visited sets and the limits.
class Walker {
public:
    Walker(const DiscoveryLimits& limits, const std::atomic<bool>& cancel)
        : m_limits(limits), m_cancel(cancel) {}

    void walkFolder(const ModelFolder& folder) {
        m_folder = folder;
        walk(folder.path, 0);
    }
    DiscoveryResult take() { return std::move(m_result); }

private:
    bool stopped() {
        if (m_cancel.load() || m_entries >= m_limits.maxEntries ||
            m_inspected >= m_limits.maxModels)
            m_result.truncated = true;
        return m_result.truncated;
    }

    void walk(const QString& dirPath, int depth) {
        const QString real = QFileInfo(dirPath).canonicalFilePath();
        if (real.isEmpty() || m_visitedDirs.contains(real)) return;
        m_visitedDirs.insert(real);
        const QFileInfoList entries = QDir(dirPath).entryInfoList(
            QDir::Dirs | QDir::Files | QDir::NoDotAndDotDot | QDir::Readable,
            QDir::Name | QDir::DirsLast);
        for (const QFileInfo& entry : entries) {
            if (stopped()) return;
            ++m_entries;
            if (entry.isDir()) {
                if (depth + 1 <= m_limits.maxDepth) walk(entry.filePath(), depth + 1);
            } else if (entry.fileName().endsWith(QLatin1String(".gguf"), Qt::CaseInsensitive)) {
                consider(entry);
            }
        }
    }

    void consider(const QFileInfo& entry) {
        if (splitPartNumber(entry.fileName()) > 1) return; // listed by its first part
        const QString real = entry.canonicalFilePath();    // empty for a dangling link
        if (real.isEmpty() || m_seenFiles.contains(real)) return;
        m_seenFiles.insert(real);
        if (!hasGgufMagic(real)) return;
        ++m_inspected;
        DiscoveredModel model;
        model.facts = inspectModelFile(entry.filePath());
        model.source = m_folder.source;
        model.fileName = entry.fileName();
        if (m_folder.source == ModelSource::huggingface)
            model.repository = huggingFaceRepository(entry.filePath());
        else if (m_folder.source == ModelSource::lmstudio)
            model.repository = lmStudioRepository(m_folder.path, entry.filePath());
        m_result.models.append(std::move(model));
    }

    const DiscoveryLimits& m_limits;
    const std::atomic<bool>& m_cancel;
    ModelFolder m_folder;
    QSet<QString> m_visitedDirs;
    QSet<QString> m_seenFiles;
    int m_entries = 0;
    int m_inspected = 0;
    DiscoveryResult m_result;
};

} // namespace

ModelLocations ModelLocations::fromEnvironment(const QString& modelsFolder,
                                               const QStringList& userFolders) {
    ModelLocations l;
    l.home = QDir::homePath();
    l.xdgCacheHome = qEnvironmentVariable("XDG_CACHE_HOME");
    l.hfHome = qEnvironmentVariable("HF_HOME");
    l.hfHubCache = qEnvironmentVariable("HF_HUB_CACHE");
    l.modelsFolder = modelsFolder;
    l.userFolders = userFolders;
    return l;
}

QList<ModelFolder> wellKnownModelFolders(const ModelLocations& l) {
    const QString cache = firstNonEmpty(l.xdgCacheHome, l.home + QStringLiteral("/.cache"));
    const QString hfHome = firstNonEmpty(l.hfHome, cache + QStringLiteral("/huggingface"));
    QList<ModelFolder> candidates{
        {l.modelsFolder, ModelSource::conclave},
        {firstNonEmpty(l.hfHubCache, hfHome + QStringLiteral("/hub")), ModelSource::huggingface},
        {l.home + QStringLiteral("/.lmstudio/models"), ModelSource::lmstudio},
        {cache + QStringLiteral("/lm-studio/models"), ModelSource::lmstudio},
        {l.home + QStringLiteral("/Downloads"), ModelSource::downloads},
    };
    for (const QString& folder : l.userFolders) candidates.append({folder, ModelSource::user});
    QList<ModelFolder> folders;
    QSet<QString> seen;
    for (const ModelFolder& folder : candidates) {
        if (folder.path.isEmpty()) continue;
        const QString clean = QDir::cleanPath(folder.path);
        if (seen.contains(clean)) continue;
        seen.insert(clean);
        folders.append({clean, folder.source});
    }
    return folders;
}

DiscoveryResult discoverModels(const QList<ModelFolder>& folders, const DiscoveryLimits& limits,
                               const std::atomic<bool>& cancel) {
    Walker walker(limits, cancel);
    for (const ModelFolder& folder : folders) walker.walkFolder(folder);
    return walker.take();
}

QString huggingFaceRepository(const QString& path) {
    for (const QString& part : path.split(u'/', Qt::SkipEmptyParts)) {
        if (!part.startsWith(QLatin1String("models--"))) continue;
        return part.mid(8).replace(QLatin1String("--"), QLatin1String("/"));
    }
    return {};
}

} // namespace conclave::app
