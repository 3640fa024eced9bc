#pragma once
// A home folder laid out the way people keep GGUF models, written into a temporary folder
// with our own GGUF writer (tiny random-weight models): a Hugging Face hub cache whose two
// snapshots link to one blob, an LM Studio models folder, a Downloads folder with a split
// model, a text file named .gguf, a truncated model, a model of an architecture Conclave
// does not run, a link back to the folder itself (a loop) and a dangling link, Conclave's
// own models folder, and a user folder with a model three folders deep.

#include "model_discovery.h"

#include <QString>

namespace conclave::test {

struct ModelFoldersFixture {
    QString root;
    app::ModelLocations locations; // home, cache and models folder inside root; one user folder
    QString hubSnapshot;           // the path of the first snapshot's link
    QString lmStudioModel;
    QString splitFirstPart;
    qint64 splitBytes = 0; // the three parts together
    QString truncated;
    QString unsupported;
    QString notes;
    QString localModel; // in Conclave's models folder
    QString deepModel;  // three folders below the user folder
};

// Builds the layout under `root`; false (with a qWarning saying why) when a file could not be
// written.
bool buildModelFolders(const QString& root, ModelFoldersFixture& fixture);

} // namespace conclave::test
