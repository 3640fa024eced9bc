#include "golden_logits.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace conclave::test {

std::vector<std::vector<float>> read_golden_logits(const QString& file_name, const QString& variant,
                                                   const std::vector<int>& tokens) {
    QFile file(QString::fromUtf8(CONCLAVE_MODEL_GOLDEN_DIR) + '/' + file_name);
    if (!file.open(QIODevice::ReadOnly)) return {};
    const QJsonObject golden = QJsonDocument::fromJson(file.readAll()).object()[variant].toObject();
    std::vector<int> recorded;
    for (const QJsonValue v : golden[QStringLiteral("tokens")].toArray())
        recorded.push_back(v.toInt());
    if (recorded != tokens) return {};
    const std::size_t n_vocab = static_cast<std::size_t>(golden[QStringLiteral("n_vocab")].toInt());
    std::vector<std::vector<float>> rows;
    for (const QJsonValue r : golden[QStringLiteral("logits")].toArray()) {
        rows.emplace_back();
        for (const QJsonValue v : r.toArray())
            rows.back().push_back(static_cast<float>(v.toDouble()));
        if (rows.back().size() != n_vocab || n_vocab == 0) return {};
    }
    return rows.size() == tokens.size() ? rows : std::vector<std::vector<float>>();
}

bool keep_tiny_model(const std::string& path, const QString& file_name) {
    const QString keep = qEnvironmentVariable("CONCLAVE_KEEP_TINY_MODELS");
    if (keep.isEmpty()) return true;
    QFile::remove(keep + '/' + file_name);
    return QFile::copy(QString::fromStdString(path), keep + '/' + file_name);
}

} // namespace conclave::test
