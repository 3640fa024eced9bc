#include "model_facts.h"

#include "conclave/session.h"
#include "engine_chat.h"
#include "gguf/gguf_file.h"
#include "gguf/gguf_summary.h"

#include <QFileInfo>
#include <algorithm>
#include <climits>

namespace conclave::app {
namespace {

QString qt(const std::string& text) {
    return QString::fromStdString(text);
}

void fillFromHeader(ModelFacts& facts, const gguf::GgufFile& file) {
    const gguf::GgufSummary summary = gguf::summarize(file);
    facts.readable = true;
    if (!summary.name.empty()) facts.name = qt(summary.name);
    facts.architecture = qt(summary.architecture);
    facts.parameters = static_cast<qint64>(summary.n_params);
    facts.activeParameters =
        static_cast<qint64>(summary.n_params_active ? summary.n_params_active : summary.n_params);
    facts.experts = static_cast<qint64>(summary.n_expert);
    facts.expertsUsed = static_cast<qint64>(summary.n_expert_used);
    facts.contextLength =
        static_cast<int>(std::min<std::uint64_t>(summary.context_length, INT_MAX));
    facts.quantMix = qt(describe_quant_mix(file));
    facts.fileBytes = static_cast<qint64>(file.file_bytes());
    facts.splitParts = static_cast<int>(file.split_count());
}

} // namespace

QString describeParameterCounts(qint64 total, qint64 active) {
    if (total <= 0) return {};
    ModelInfo counts;
    counts.n_params = static_cast<std::uint64_t>(total);
    counts.n_params_active = static_cast<std::uint64_t>(std::max<qint64>(active, 0));
    return qt(describe_parameters(counts));
}

ModelFacts inspectModelFile(const QString& path) {
    ModelFacts facts;
    facts.path = path;
    const QFileInfo file(path);
    facts.name = file.completeBaseName();
    facts.fileBytes = file.size();
    const std::string native = path.toStdString();
    auto header = gguf::GgufFile::open(native, gguf::OpenOptions{});
    if (!header) {
        facts.problemCode = static_cast<int>(header.error().code);
        facts.problem = qt(header.error().message);
        return facts;
    }
    fillFromHeader(facts, **header);
    header.value().reset();
    auto info = Model::inspect(native);
    if (!info) {
        facts.problemCode = static_cast<int>(info.error().code);
        facts.problem = qt(info.error().message);
        return facts;
    }
    facts.supported = true;
    facts.info = std::move(info.value());
    facts.contextLength = facts.info.context_length;
    return facts;
}

qint64 estimateMemoryBytes(const ModelFacts& facts, int contextSize) {
    if (!facts.supported) return 0;
    SessionOptions options;
    options.n_ctx = contextSize > 0 ? contextSize : options.n_ctx;
    return static_cast<qint64>(estimate_memory(facts.info, options).total());
}

} // namespace conclave::app
