#pragma once
// ModelFacts: what a model picker and a model card show about a GGUF file before it is
// loaded — read from the file's header alone (the engine's Model::inspect and the GGUF
// summary; tensor data is never read), so inspecting a 100 GB file costs a header parse.
// inspectModelFile never throws: a file that cannot be read, is damaged or holds an
// architecture Conclave does not run comes back with `problem` set and as much as the header
// told. Pure function of the file; thread-safe, and meant to run off the GUI thread.

#include "conclave/model.h"

#include <QMetaType>
#include <QString>

namespace conclave::app {

struct ModelFacts {
    QString path;         // as given (a symlink stays a symlink: its name is the model's)
    QString name;         // general.name, else the file name without .gguf
    QString architecture; // general.architecture: "llama", "qwen3moe", ...
    qint64 parameters = 0;
    qint64 activeParameters = 0; // per token; equals parameters for dense models
    qint64 experts = 0;          // 0 for dense models
    qint64 expertsUsed = 0;
    QString quantMix;      // "Q4_1", "Q4_K 71% · Q6_K 29%"
    int contextLength = 0; // trained
    qint64 fileBytes = 0;  // every part of a split model
    int splitParts = 1;
    bool readable = false;    // a GGUF header could be parsed
    bool supported = false;   // Conclave runs this architecture (then `info` is filled)
    int problemCode = 0;      // conclave::ErrorCode of `problem`
    QString problem;          // why it cannot be loaded, in words; empty when it can
    conclave::ModelInfo info; // the engine's view, for memory estimates; only when supported
};

// "135M", or "30B (3.3B active)" for a mixture of experts; empty for 0.
QString describeParameterCounts(qint64 total, qint64 active);

// Never throws; see above.
ModelFacts inspectModelFile(const QString& path);

// Bytes a session of the model needs at `contextSize` tokens (clamped to the trained
// context): weights, KV cache and scratch, by the engine's estimate_memory. 0 when the
// model is not supported.
qint64 estimateMemoryBytes(const ModelFacts& facts, int contextSize);

} // namespace conclave::app

Q_DECLARE_METATYPE(conclave::app::ModelFacts)
