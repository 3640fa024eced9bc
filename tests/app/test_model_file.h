#pragma once
// Where the GUI tests find the real default model (SmolLM2-135M-Instruct Q4_1, put there by
// scripts/fetch-default-model): $XDG_DATA_HOME/conclave/models, else ~/.local/share/...
// Tests that need it QSKIP with this reason when it is absent.

#include <QFileInfo>
#include <QString>

namespace conclave::test {

inline QString defaultModelPath() {
    QString data = qEnvironmentVariable("CONCLAVE_TEST_DATA_HOME");
    if (data.isEmpty()) data = qEnvironmentVariable("XDG_DATA_HOME");
    if (data.isEmpty()) data = qEnvironmentVariable("HOME") + QStringLiteral("/.local/share");
    return data + QStringLiteral("/conclave/models/SmolLM2-135M-Instruct.Q4_1.gguf");
}

inline bool haveDefaultModel() { return QFileInfo::exists(defaultModelPath()); }

inline const char* missingModelReason() {
    return "SmolLM2-135M-Instruct.Q4_1.gguf is not in the models folder; run scripts/fetch-default-model";
}

} // namespace conclave::test
