#pragma once
// One line describing this build and machine for the About text and --version:
// "Conclave 0.1.0 (backends: cpu, vulkan) · CPU: x86-64 AVX AVX2 FMA F16C".

#include <QString>

namespace conclave::app {

QString versionLine(const char* program);
QString buildSummary();

} // namespace conclave::app
