// Our GGUF reader and writer against an independent implementation, the PyPI `gguf` package:
// files it writes we read identically, files we write it reads identically, and real files
// (the default model, the shared tokenizer vocabularies) read the same through both.

#include "gguf/gguf_file.h"
#include "gguf/gguf_writer.h"
#include "oracle_python.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace conclave;
using namespace conclave::gguf;

namespace {

QString type_name(ValueType type) { return QString::fromLatin1(value_type_name(type).data()).toUpper(); }

QJsonValue scalar_json(const MetadataValue& v) {
    switch (v.type()) {
    case ValueType::string: return QString::fromUtf8(v.as_string()->data(), static_cast<qsizetype>(v.as_string()->size()));
    case ValueType::boolean: return *v.as_bool();
    case ValueType::float32:
    case ValueType::float64:
    case ValueType::uint64: return *v.as_float();
    default: return static_cast<qint64>(*v.as_int());
    }
}

QJsonValue element_json(const MetadataValue& v, std::uint64_t i) {
    switch (v.element_type()) {
    case ValueType::string: {
        const std::string_view s = *v.string_at(i);
        return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
    }
    case ValueType::boolean: return *v.int_at(i) != 0;
    case ValueType::float32:
    case ValueType::float64:
    case ValueType::uint64: return *v.float_at(i);
    default: return static_cast<qint64>(*v.int_at(i));
    }
}

// The same summary gguf_oracle.py prints, made from our reader.
QJsonObject our_summary(const GgufFile& g) {
    QJsonObject kv;
    for (const auto& [key, v] : g.metadata()) {
        QJsonObject entry;
        QJsonArray types{type_name(v.type())};
        if (v.is_array()) {
            types.append(type_name(v.element_type()));
            if (v.element_type() != ValueType::array) {
                entry[QStringLiteral("length")] = static_cast<double>(v.size());
                QJsonArray head;
                for (std::uint64_t i = 0; i < std::min<std::uint64_t>(3, v.size()); ++i) head.append(element_json(v, i));
                entry[QStringLiteral("head")] = head;
            }
        } else {
            entry[QStringLiteral("value")] = scalar_json(v);
        }
        entry[QStringLiteral("types")] = types;
        kv[QString::fromUtf8(key.data(), static_cast<qsizetype>(key.size()))] = entry;
    }
    QJsonArray tensors;
    for (const TensorInfo& t : g.tensors()) {
        QJsonArray shape;
        for (std::uint32_t d = 0; d < t.n_dims; ++d) shape.append(static_cast<double>(t.shape[d]));
        tensors.append(QJsonObject{{QStringLiteral("name"), QString::fromUtf8(t.name.data(), static_cast<qsizetype>(t.name.size()))},
                                   {QStringLiteral("type"), static_cast<int>(t.type)},
                                   {QStringLiteral("shape"), shape},
                                   {QStringLiteral("offset"), static_cast<double>(t.offset)},
                                   {QStringLiteral("n_bytes"), static_cast<double>(t.n_bytes)}});
    }
    return QJsonObject{{QStringLiteral("alignment"), static_cast<int>(g.alignment())},
                       {QStringLiteral("kv"), kv},
                       {QStringLiteral("tensors"), tensors}};
}

// Python's reader reports nested arrays unreliably; compare only their type chain.
void drop_nested_lengths(QJsonObject& summary) {
    QJsonObject kv = summary[QStringLiteral("kv")].toObject();
    for (auto it = kv.begin(); it != kv.end(); ++it) {
        QJsonObject entry = it->toObject();
        const QJsonArray types = entry[QStringLiteral("types")].toArray();
        if (types.size() > 1 && types[1].toString() == QLatin1String("ARRAY")) {
            entry.remove(QStringLiteral("length"));
            entry.remove(QStringLiteral("head"));
            entry[QStringLiteral("types")] = QJsonArray{types[0], types[1]};
            *it = entry;
        }
    }
    summary[QStringLiteral("kv")] = kv;
}

} // namespace

class TestGgufOracle : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_script = QStringLiteral(CONCLAVE_GGUF_ORACLE);

    void compare_with_oracle(const QString& path) {
        const test::OracleRun run = test::run_oracle(m_script, {QStringLiteral("dump"), path});
        QVERIFY2(run.ok, run.err.constData());
        QJsonObject theirs = QJsonDocument::fromJson(run.out).object();
        auto g = GgufFile::open(path.toStdString());
        QVERIFY2(g.ok(), g.ok() ? "" : g.error().message.c_str());
        QJsonObject ours = our_summary(**g);
        drop_nested_lengths(theirs);
        drop_nested_lengths(ours);
        const QJsonObject their_kv = theirs[QStringLiteral("kv")].toObject();
        const QJsonObject our_kv = ours[QStringLiteral("kv")].toObject();
        QCOMPARE(our_kv.keys(), their_kv.keys());
        for (const QString& key : our_kv.keys())
            QVERIFY2(our_kv[key] == their_kv[key],
                     qPrintable(key + ": ours " + QJsonDocument(our_kv[key].toObject()).toJson(QJsonDocument::Compact) +
                                " theirs " + QJsonDocument(their_kv[key].toObject()).toJson(QJsonDocument::Compact)));
        QCOMPARE(ours[QStringLiteral("alignment")], theirs[QStringLiteral("alignment")]);
        QCOMPARE(ours[QStringLiteral("tensors")].toArray().size(), theirs[QStringLiteral("tensors")].toArray().size());
        QCOMPARE(ours[QStringLiteral("tensors")], theirs[QStringLiteral("tensors")]);
    }

private slots:
    void initTestCase() {
        if (test::oracle_python().isEmpty()) QSKIP("the Python oracle venv is missing; run scripts/bootstrap");
        if (!test::run_oracle(QStringLiteral("-c"), {QStringLiteral("import gguf")}).ok)
            QSKIP("the PyPI package gguf is missing from the oracle venv; run scripts/bootstrap");
    }

    void readsWhatGgufWrites() {
        const QString path = m_dir.path() + QStringLiteral("/python-written.gguf");
        const test::OracleRun run = test::run_oracle(m_script, {QStringLiteral("write"), path});
        QVERIFY2(run.ok, run.err.constData());
        compare_with_oracle(path);
        auto g = GgufFile::open(path.toStdString());
        QVERIFY(g.ok());
        QCOMPARE((*g)->get_string("test.string").value(), std::string_view("Grüße, 世界 🌍"));
        QCOMPARE((*g)->get_uint("test.u64").value(), (1ull << 63) + 5);
        QCOMPARE((*g)->find_tensor("w.q8_0")->n_bytes, 4u * 2 * 34);
    }

    void ggufReadsWhatWeWrite() {
        GgufWriter w;
        w.set("general.architecture", OwnedValue::string("qwen3moe"));
        w.set("qwen3moe.expert_count", OwnedValue::u32(128));
        w.set("t.i64", OwnedValue::i64(-3));
        w.set("t.f64", OwnedValue::f64(0.1));
        w.set("t.bool", OwnedValue::boolean(false));
        w.set("t.strings", OwnedValue::string_array({"x", "日本", "z", "w"}));
        const float floats[] = {1.5f, 2.5f, -3.5f, 4.5f};
        w.set("t.floats", OwnedValue::f32_array(floats));
        const std::int32_t a[] = {1};
        w.set("t.nested", OwnedValue::array_of_arrays({OwnedValue::i32_array(a)}));
        QVERIFY(w.add_tensor("blk.0.ffn_up_exps.weight", {256, 3, 4}, quant::TensorType::Q4_K,
                             std::vector<unsigned char>(3 * 4 * 144, 7)).ok());
        QVERIFY(w.add_tensor("output_norm.weight", {17}, quant::TensorType::F32, std::vector<unsigned char>(68, 1)).ok());
        const QString path = m_dir.path() + QStringLiteral("/conclave-written.gguf");
        QVERIFY(w.write(path.toStdString()).ok());
        compare_with_oracle(path);
    }

    void realFilesReadTheSame_data() {
        QTest::addColumn<QString>("path");
        const QString data = qEnvironmentVariable("XDG_DATA_HOME", QDir::homePath() + QStringLiteral("/.local/share"));
        const QString model = data + QStringLiteral("/conclave/models/SmolLM2-135M-Instruct.Q4_1.gguf");
        if (QFileInfo::exists(model)) QTest::newRow("SmolLM2-135M-Instruct") << model;
        const QString fixtures = test::shared_fixtures();
        if (!fixtures.isEmpty())
            for (const QFileInfo& vocab : QDir(fixtures + QStringLiteral("/tokenizer")).entryInfoList({QStringLiteral("*.gguf")}))
                QTest::newRow(qPrintable(vocab.fileName())) << vocab.filePath();
    }

    void realFilesReadTheSame() {
        QFETCH(QString, path);
        compare_with_oracle(path);
    }
};

QTEST_GUILESS_MAIN(TestGgufOracle)
#include "test_gguf_oracle.moc"
