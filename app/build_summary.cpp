#include "build_summary.h"

#include "conclave/build_info.h"
#include "conclave/cpu_features.h"

namespace conclave::app {

QString versionLine(const char* program) {
    return QString::fromStdString(conclave::version_line(program));
}

QString buildSummary() {
    const std::string cpu = describe_cpu_features(detect_cpu_features());
    return versionLine("Conclave") + QStringLiteral(" · CPU: ") + QString::fromStdString(cpu);
}

} // namespace conclave::app
