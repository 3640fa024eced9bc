#pragma once
// Model discovery: finds GGUF files already on disk in the places people keep them — the
// Hugging Face hub cache, LM Studio's models folders, ~/Downloads, Conclave's own models
// folder and folders the user added — so the picker can offer them, used where they are and
// never copied.
//
// The walk is bounded (folder depth, directory entries visited, model files inspected) and
// follows symbolic links safely: each real folder is entered once (no loops), each real file
// is listed once (the Hugging Face cache links snapshot names to blobs; the snapshot name is
// what is shown), dangling links are skipped. A split model (`x-00001-of-00003.gguf`) is
// listed once, by its first part. Files whose first bytes are not "GGUF" are not models and
// are left out; a GGUF file that is damaged or runs an unsupported architecture is listed
// with its problem (see ModelFacts). Only headers are read.
//
// discoverModels is a plain blocking function for a worker thread (ModelScanner runs it);
// it checks `cancel` between files. Never throws.

#include "model_facts.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <atomic>

namespace conclave::app {

// Where a folder comes from; decides the picker's section.
enum class ModelSource { conclave, huggingface, lmstudio, downloads, user };

struct ModelFolder {
    QString path;
    ModelSource source = ModelSource::user;
};

// The environment the well-known places derive from (tests pass their own).
struct ModelLocations {
    QString home;         // $HOME
    QString xdgCacheHome; // $XDG_CACHE_HOME (empty: ~/.cache)
    QString hfHome;       // $HF_HOME (empty: <cache>/huggingface)
    QString hfHubCache;   // $HF_HUB_CACHE (empty: <HF_HOME>/hub)
    QString modelsFolder; // Conclave's own
    QStringList userFolders;

    static ModelLocations fromEnvironment(const QString& modelsFolder,
                                          const QStringList& userFolders);
};

// Conclave's folder, the Hugging Face hub cache, LM Studio (~/.lmstudio/models,
// ~/.cache/lm-studio/models), ~/Downloads, then the user's folders; duplicates dropped.
QList<ModelFolder> wellKnownModelFolders(const ModelLocations& locations);

struct DiscoveryLimits {
    int maxDepth = 6;       // folders below a search folder
    int maxEntries = 50000; // directory entries looked at, over all folders
    int maxModels = 400;    // GGUF files inspected
};

struct DiscoveredModel {
    ModelFacts facts;
    ModelSource source = ModelSource::user;
    QString fileName; // as found: the snapshot's name in the Hugging Face cache, part 1 of a split
    QString repository; // "org/name" for the Hugging Face cache and LM Studio; else empty
};

struct DiscoveryResult {
    QList<DiscoveredModel> models;
    bool truncated = false; // a limit was reached, or the walk was cancelled
};

DiscoveryResult discoverModels(const QList<ModelFolder>& folders, const DiscoveryLimits& limits,
                               const std::atomic<bool>& cancel);

// The Hugging Face repository of a path inside the hub cache ("models--org--name" → "org/name").
QString huggingFaceRepository(const QString& path);

} // namespace conclave::app

Q_DECLARE_METATYPE(conclave::app::DiscoveryResult)
