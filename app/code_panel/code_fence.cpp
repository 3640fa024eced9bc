#include "code_fence.h"

#include <algorithm>

namespace conclave::code_panel {

QString fenceFor(const QString& code) {
    qsizetype longestRun = 0;
    qsizetype run = 0;
    for (const QChar c : code) {
        run = c == u'`' ? run + 1 : 0;
        longestRun = std::max(longestRun, run);
    }
    return QString(std::max<qsizetype>(3, longestRun + 1), u'`');
}

QString fencedBlock(const QString& code, const QString& info) {
    const QString fence = fenceFor(code);
    QString body = code;
    if (!body.isEmpty() && !body.endsWith(u'\n')) body += u'\n';
    return fence + info + u'\n' + body + fence + u'\n';
}

} // namespace conclave::code_panel
