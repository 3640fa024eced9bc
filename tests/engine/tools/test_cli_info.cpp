// `conclave-cli info`: parameter counts, experts and types of dense and MoE files, header-only
// copies (gpt-oss-20b's among them), and clear failures on bad input.

#include "gguf/gguf_writer.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace conclave::gguf;
using conclave::quant::TensorType;

namespace {

struct CliRun {
    int code = -1;
    QByteArray out;
    QByteArray err;
};

CliRun cli(const QStringList& args) {
    QProcess process;
    process.start(QStringLiteral(CONCLAVE_CLI_PATH), args);
    CliRun run;
    if (!process.waitForFinished(60000)) return run;
    run.code = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

std::vector<unsigned char> zeros(std::size_t n) { return std::vector<unsigned char>(n, 0); }

// A two-layer MoE in Qwen3-MoE naming: 8 experts, 2 used, F32 so sizes are easy to state.
GgufWriter tiny_moe(bool& ok) {
    GgufWriter w;
    ok = true;
    const auto add = [&](std::string name, std::vector<std::uint64_t> shape, TensorType type, std::size_t bytes) {
        ok = ok && w.add_tensor(std::move(name), std::move(shape), type, zeros(bytes)).ok();
    };
    w.set("general.architecture", OwnedValue::string("qwen3moe"));
    w.set("qwen3moe.block_count", OwnedValue::u32(2));
    w.set("qwen3moe.context_length", OwnedValue::u32(4096));
    w.set("qwen3moe.expert_count", OwnedValue::u32(8));
    w.set("qwen3moe.expert_used_count", OwnedValue::u32(2));
    add("token_embd.weight", {32, 100}, TensorType::F32, 32 * 100 * 4);
    for (int layer = 0; layer < 2; ++layer) {
        const std::string p = "blk." + std::to_string(layer) + ".";
        add(p + "attn_q.weight", {32, 32}, TensorType::Q8_0, 32 * 34);
        add(p + "ffn_gate_inp.weight", {32, 8}, TensorType::F32, 32 * 8 * 4);
        add(p + "ffn_up_exps.weight", {32, 16, 8}, TensorType::F32, 32 * 16 * 8 * 4);
        add(p + "ffn_gate_exps.weight", {32, 16, 8}, TensorType::F32, 32 * 16 * 8 * 4);
        add(p + "ffn_down_exps.weight", {16, 32, 8}, TensorType::F32, 16 * 32 * 8 * 4);
    }
    return w;
}

} // namespace

class TestCliInfo : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

private slots:
    void moeCountsActiveParameters() {
        const QString path = m_dir.path() + QStringLiteral("/moe.gguf");
        bool built = false;
        QVERIFY(tiny_moe(built).write(path.toStdString()).ok());
        QVERIFY(built);
        const CliRun run = cli({QStringLiteral("info"), path, QStringLiteral("--json")});
        QCOMPARE(run.code, 0);
        const QJsonObject info = QJsonDocument::fromJson(run.out).object();
        const qint64 dense = 32 * 100 + 2 * (32 * 32 + 32 * 8);
        const qint64 experts = 2 * 3 * (32 * 16 * 8);
        QCOMPARE(info[QStringLiteral("n_params")].toInteger(), dense + experts);
        QCOMPARE(info[QStringLiteral("n_params_active")].toInteger(), dense + experts / 8 * 2);
        QCOMPARE(info[QStringLiteral("n_expert")].toInt(), 8);
        QCOMPARE(info[QStringLiteral("n_expert_used")].toInt(), 2);
        QCOMPARE(info[QStringLiteral("context_length")].toInt(), 4096);
        QCOMPARE(info[QStringLiteral("architecture")].toString(), QStringLiteral("qwen3moe"));
        const QJsonArray types = info[QStringLiteral("types")].toArray();
        QCOMPARE(types.size(), 2);
        QCOMPARE(types[0].toObject()[QStringLiteral("type")].toString(), QStringLiteral("F32"));
        QCOMPARE(types[1].toObject()[QStringLiteral("n_bytes")].toInteger(), 2 * 32 * 34);
        QCOMPARE(info[QStringLiteral("tensors")].toArray().size(), 11);

        const CliRun text = cli({QStringLiteral("info"), path});
        QCOMPARE(text.code, 0);
        QVERIFY2(text.out.contains("experts:        8 routed, 2 used per token"), text.out.constData());
    }

    void headerOnlyCopyIsDescribed() {
        bool built = false;
        std::vector<unsigned char> bytes = tiny_moe(built).serialize();
        QVERIFY(built);
        bytes.resize(bytes.size() / 3);
        const QString path = m_dir.path() + QStringLiteral("/header-only.gguf");
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(reinterpret_cast<const char*>(bytes.data()), static_cast<qint64>(bytes.size()));
        file.close();
        const CliRun run = cli({QStringLiteral("info"), path, QStringLiteral("--json")});
        QCOMPARE(run.code, 0);
        const QJsonObject info = QJsonDocument::fromJson(run.out).object();
        QCOMPARE(info[QStringLiteral("n_expert")].toInt(), 8);
        QVERIFY(!info[QStringLiteral("tensors")].toArray().last().toObject()[QStringLiteral("data_present")].toBool());
    }

    // A header-only copy of gpt-oss-20b's layout (tensor names, shapes and types as the
    // published GGUF conversions have them; no data): 24 layers, 2880 wide, 64 query and 8 KV
    // heads of 64, 32 experts of 2880 (MXFP4) with 4 used, a 201088-token vocabulary. The
    // totals are the published ones: 20.91 B parameters; 4.19 B per token here, which is
    // OpenAI's 3.61 B active plus the 0.58 B embedding table it leaves out.
    void gptOss20bHeaderIsCounted() {
        GgufWriter w;
        const std::uint64_t e = 2880, vocab = 201088, q = 64 * 64, kv = 8 * 64, n_expert = 32, f = 2880, layers = 24;
        w.set("general.architecture", OwnedValue::string("gpt-oss"));
        w.set("gpt-oss.block_count", OwnedValue::u32(24));
        w.set("gpt-oss.context_length", OwnedValue::u32(131072));
        w.set("gpt-oss.embedding_length", OwnedValue::u32(2880));
        w.set("gpt-oss.feed_forward_length", OwnedValue::u32(2880));
        w.set("gpt-oss.expert_feed_forward_length", OwnedValue::u32(2880));
        w.set("gpt-oss.attention.head_count", OwnedValue::u32(64));
        w.set("gpt-oss.attention.head_count_kv", OwnedValue::u32(8));
        w.set("gpt-oss.attention.key_length", OwnedValue::u32(64));
        w.set("gpt-oss.attention.value_length", OwnedValue::u32(64));
        w.set("gpt-oss.attention.sliding_window", OwnedValue::u32(128));
        w.set("gpt-oss.expert_count", OwnedValue::u32(32));
        w.set("gpt-oss.expert_used_count", OwnedValue::u32(4));
        bool ok = true;
        const auto add = [&](std::string name, std::vector<std::uint64_t> shape, TensorType type) {
            ok = ok && w.add_tensor_header(std::move(name), std::move(shape), type).ok();
        };
        add("token_embd.weight", {e, vocab}, TensorType::Q8_0);
        add("output_norm.weight", {e}, TensorType::F32);
        add("output.weight", {e, vocab}, TensorType::Q8_0);
        for (std::uint64_t l = 0; l < layers; ++l) {
            const std::string p = "blk." + std::to_string(l) + ".";
            add(p + "attn_norm.weight", {e}, TensorType::F32);
            add(p + "attn_q.weight", {e, q}, TensorType::Q8_0);
            add(p + "attn_q.bias", {q}, TensorType::F32);
            add(p + "attn_k.weight", {e, kv}, TensorType::Q8_0);
            add(p + "attn_k.bias", {kv}, TensorType::F32);
            add(p + "attn_v.weight", {e, kv}, TensorType::Q8_0);
            add(p + "attn_v.bias", {kv}, TensorType::F32);
            add(p + "attn_output.weight", {q, e}, TensorType::Q8_0);
            add(p + "attn_output.bias", {e}, TensorType::F32);
            add(p + "attn_sinks.weight", {64}, TensorType::F32);
            add(p + "post_attention_norm.weight", {e}, TensorType::F32);
            add(p + "ffn_gate_inp.weight", {e, n_expert}, TensorType::F32);
            add(p + "ffn_gate_inp.bias", {n_expert}, TensorType::F32);
            for (const char* proj : {"ffn_gate_exps", "ffn_up_exps"}) {
                add(p + proj + ".weight", {e, f, n_expert}, TensorType::MXFP4);
                add(p + proj + ".bias", {f, n_expert}, TensorType::F32);
            }
            add(p + "ffn_down_exps.weight", {f, e, n_expert}, TensorType::MXFP4);
            add(p + "ffn_down_exps.bias", {e, n_expert}, TensorType::F32);
        }
        QVERIFY(ok);
        const QString path = m_dir.path() + QStringLiteral("/gpt-oss-20b-header.gguf");
        QVERIFY(w.write(path.toStdString()).ok());
        QVERIFY(QFileInfo(path).size() < 1 << 20); // the header alone

        const CliRun run = cli({QStringLiteral("info"), path, QStringLiteral("--json")});
        QCOMPARE(run.code, 0);
        const QJsonObject info = QJsonDocument::fromJson(run.out).object();
        QCOMPARE(info[QStringLiteral("n_params")].toInteger(), Q_INT64_C(20914757184));
        QCOMPARE(info[QStringLiteral("n_params_active")].toInteger(), Q_INT64_C(4187440704));
        QCOMPARE(info[QStringLiteral("architecture")].toString(), QStringLiteral("gpt-oss"));
        QCOMPARE(info[QStringLiteral("types")].toArray()[0].toObject()[QStringLiteral("type")].toString(), QStringLiteral("MXFP4"));
        // The memory plan comes from the header too: an F16 KV cache of 8 KV heads of 64 per
        // layer for 4096 tokens. The 12 global layers hold every position; the 12 windowed ones
        // a ring of 127 + 512 rows, a tag per ring row and 127 checkpoint rows before each
        // multiple of 1024 inside the context (model/window_cache.h).
        const QJsonObject memory = info[QStringLiteral("memory")].toObject();
        QCOMPARE(memory[QStringLiteral("n_ctx")].toInt(), 4096);
        const qint64 row = 2 * 512 * 2; // K and V of one position, F16
        const qint64 windowed = 639 * row + 639 * 4 + 3 * 127 * row;
        QCOMPARE(memory[QStringLiteral("kv_cache")].toInteger(), 12 * row * 4096 + 12 * windowed);
        // At 32K: what every layer holding the whole context would take, and what it takes.
        const CliRun long_context =
            cli({QStringLiteral("info"), path, QStringLiteral("--ctx"), QStringLiteral("32768"), QStringLiteral("--json")});
        QCOMPARE(long_context.code, 0);
        const QJsonObject memory_32k = QJsonDocument::fromJson(long_context.out).object()[QStringLiteral("memory")].toObject();
        const qint64 kv_32k = memory_32k[QStringLiteral("kv_cache")].toInteger();
        QCOMPARE(kv_32k, 12 * row * 32768 + 12 * (639 * row + 639 * 4 + 31 * 127 * row));
        qInfo("gpt-oss-20b F16 KV cache at 32768 tokens: %lld bytes (a row per position on every layer: %lld)",
              static_cast<long long>(kv_32k), static_cast<long long>(24 * row * 32768));
        QCOMPARE(memory[QStringLiteral("weights")].toInteger(), Q_INT64_C(12096558336)); // 11.27 GiB of tensors
        const CliRun text = cli({QStringLiteral("info"), path});
        QCOMPARE(text.code, 0);
        QVERIFY2(text.out.contains("parameters:     21B total (20914757184), 4.2B active per token"), text.out.constData());
        QVERIFY2(text.out.contains("experts:        32 routed, 4 used per token"), text.out.constData());
    }

    // Strings in model files are not always valid UTF-8; the JSON must still be valid.
    void invalidUtf8MetadataGivesValidJson() {
        GgufWriter w;
        w.set("general.architecture", OwnedValue::string("llama"));
        w.set("general.name", OwnedValue::string(std::string("bad \xff\xc3 name \xe2\x82")));
        const QString path = m_dir.path() + QStringLiteral("/bad-utf8.gguf");
        QVERIFY(w.write(path.toStdString()).ok());
        const CliRun run = cli({QStringLiteral("info"), path, QStringLiteral("--json")});
        QCOMPARE(run.code, 0);
        QJsonParseError error;
        const QJsonObject info = QJsonDocument::fromJson(run.out, &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(info[QStringLiteral("name")].toString(), QStringLiteral("bad \ufffd\ufffd name \ufffd\ufffd"));
    }

    void realModelIsDescribed() {
        const QString data = qEnvironmentVariable("XDG_DATA_HOME", QDir::homePath() + QStringLiteral("/.local/share"));
        const QString model = data + QStringLiteral("/conclave/models/SmolLM2-135M-Instruct.Q4_1.gguf");
        if (!QFileInfo::exists(model)) QSKIP("the default model is absent; run scripts/fetch-default-model");
        const CliRun run = cli({QStringLiteral("info"), model, QStringLiteral("--json")});
        QCOMPARE(run.code, 0);
        const QJsonObject info = QJsonDocument::fromJson(run.out).object();
        QVERIFY2(!info.isEmpty(), "info --json did not print valid JSON");
        // SmolLM2-135M: 134,515,008 parameters by its published tensor shapes.
        QCOMPARE(info[QStringLiteral("n_params")].toInteger(), 134515008);
        QCOMPARE(info[QStringLiteral("n_expert")].toInt(), 0);
        QCOMPARE(info[QStringLiteral("context_length")].toInt(), 8192);
        QVERIFY(info[QStringLiteral("has_chat_template")].toBool());
        const QJsonObject tokens = info[QStringLiteral("metadata")].toObject()[QStringLiteral("tokenizer.ggml.tokens")].toObject();
        QCOMPARE(tokens[QStringLiteral("length")].toInt(), 49152);
    }

    void badInputFailsClearly_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("no file") << QStringList{QStringLiteral("info")} << "no model file given";
        QTest::newRow("missing file") << QStringList{QStringLiteral("info"), QStringLiteral("/nonexistent/x.gguf")}
                                      << "cannot open '/nonexistent/x.gguf'";
        QTest::newRow("not gguf") << QStringList{QStringLiteral("info"), QStringLiteral(CONCLAVE_CLI_PATH)}
                                  << "not a GGUF file";
        QTest::newRow("directory") << QStringList{QStringLiteral("info"), QStringLiteral("/tmp")} << "not a regular file";
        QTest::newRow("bad option") << QStringList{QStringLiteral("info"), QStringLiteral("--frob")} << "unknown option";
    }

    void badInputFailsClearly() {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const CliRun run = cli(args);
        QVERIFY(run.code > 0);
        QVERIFY2(QString::fromUtf8(run.err).contains(message), run.err.constData());
        QVERIFY(run.out.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCliInfo)
#include "test_cli_info.moc"
