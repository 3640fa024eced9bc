#pragma once
// Helpers for the tokenizer tests: opening a tokenizer from a GGUF file and reading the
// shared fixtures' .inp/.out pairs (test strings separated by __ggml_vocab_test__ lines;
// expected ids, one line per string).

#include "gguf/gguf_file.h"
#include "tokenizer/tokenizer.h"

#include <QFile>
#include <QString>
#include <QStringList>
#include <memory>
#include <string>
#include <vector>

namespace conclave::test {

inline std::unique_ptr<tokenizer::Tokenizer> open_tokenizer(const QString& path, QString* error) {
    auto file = gguf::GgufFile::open(path.toStdString(), gguf::OpenOptions{true});
    if (!file) {
        *error = QString::fromStdString(file.error().message);
        return nullptr;
    }
    auto tok = tokenizer::Tokenizer::from_gguf(**file);
    if (!tok) {
        *error = QString::fromStdString(tok.error().message);
        return nullptr;
    }
    return std::move(tok.value());
}

struct FixtureCase {
    std::string text;
    std::vector<tokenizer::TokenId> expected;
};

inline std::vector<FixtureCase> read_fixture_cases(const QString& gguf_path) {
    QFile inp(gguf_path + ".inp");
    QFile out(gguf_path + ".out");
    if (!inp.open(QIODevice::ReadOnly) || !out.open(QIODevice::ReadOnly)) {
        return {};
    }
    const std::string text = inp.readAll().toStdString();
    const QStringList lines = QString::fromUtf8(out.readAll()).split('\n');
    const std::string separator = "\n__ggml_vocab_test__\n";
    std::vector<FixtureCase> cases;
    std::size_t pos = 0;
    for (const QString& line : lines) {
        const std::size_t next = text.find(separator, pos);
        if (next == std::string::npos) {
            break;
        }
        FixtureCase c;
        c.text = text.substr(pos, next - pos);
        for (const QString& id : line.split(' ', Qt::SkipEmptyParts)) {
            c.expected.push_back(id.toInt());
        }
        cases.push_back(std::move(c));
        pos = next + separator.size();
    }
    return cases;
}

inline QString ids_to_string(const std::vector<tokenizer::TokenId>& ids) {
    QStringList parts;
    for (const auto id : ids) {
        parts << QString::number(id);
    }
    return parts.join(' ');
}

} // namespace conclave::test
