// conclave-cli on the GPU as a user runs it: `info --placement` with a budget, `logits`,
// `generate` and `bench` with --backend vulkan (lavapipe on CI), a budget that sends the
// experts to the CPU, bad option values, and no Vulkan driver at all.

#include "conclave/gpu_devices.h"
#include "tiny_models.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

namespace {

struct CliRun {
    int code = -1;
    QByteArray out;
    QByteArray err;
    QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
};

CliRun cli(const QStringList& args, const QProcessEnvironment& env = QProcessEnvironment::systemEnvironment()) {
    QProcess process;
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(CONCLAVE_CLI_PATH), args);
    CliRun run;
    if (!process.waitForFinished(300000)) return run;
    run.code = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

const QString tokens = QStringLiteral("1,5,9,42,17,3,88,60,7");

} // namespace

class TestCliGpu : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_moe;
    bool m_device = false;
    qint64 m_budget = 0; // everything but the first layer's experts, at a 64-token context

private slots:
    void initTestCase() {
        conclave::test::TinyDecoder spec;
        spec.arch = "qwen3moe";
        spec.n_expert = 8;
        spec.n_expert_used = 2;
        spec.matrix_type = conclave::quant::TensorType::Q8_0;
        m_moe = m_dir.path() + QStringLiteral("/moe.gguf");
        QVERIFY(conclave::test::write_tiny_decoder(spec, m_moe.toStdString()));
        m_device = !conclave::probe_vulkan_devices().devices.empty();
    }

    void placementWithABudget() {
        const CliRun all = cli({QStringLiteral("info"), m_moe, QStringLiteral("--placement"), QStringLiteral("--gpu-budget"),
                                QStringLiteral("1GiB"), QStringLiteral("--ctx"), QStringLiteral("64"), QStringLiteral("--json")});
        QCOMPARE(all.code, 0);
        const QJsonObject plan = all.json();
        QCOMPARE(plan[QStringLiteral("cpu_weight_bytes")].toInteger(), 0);
        QVERIFY(plan[QStringLiteral("kv_on_gpu")].toBool());
        // Everything but the experts of the first layer.
        qint64 first_experts = 0;
        for (const QJsonValue& t : plan[QStringLiteral("tensors")].toArray())
            if (t[QStringLiteral("name")].toString().startsWith(QStringLiteral("blk.0.")) &&
                t[QStringLiteral("name")].toString().contains(QStringLiteral("_exps")))
                first_experts += t[QStringLiteral("bytes")].toInteger();
        const qint64 budget = plan[QStringLiteral("gpu_total_bytes")].toInteger() - first_experts;
        m_budget = budget;
        const CliRun some = cli({QStringLiteral("info"), m_moe, QStringLiteral("--placement"), QStringLiteral("--gpu-budget"),
                                 QString::number(budget), QStringLiteral("--ctx"), QStringLiteral("64")});
        QCOMPARE(some.code, 0);
        QVERIFY2(some.out.contains("Routed experts of layer 0 on the CPU"), some.out.constData());
        QVERIFY(some.out.contains("blk.0"));
    }

    void badValuesAreExplained() {
        const CliRun size = cli({QStringLiteral("info"), m_moe, QStringLiteral("--placement"), QStringLiteral("--gpu-budget"),
                                 QStringLiteral("lots")});
        QVERIFY(size.code != 0);
        QVERIFY(size.err.contains("--gpu-budget takes a size"));
        const CliRun backend = cli({QStringLiteral("logits"), m_moe, QStringLiteral("--tokens"), tokens, QStringLiteral("--backend"),
                                    QStringLiteral("metal")});
        QVERIFY(backend.code != 0);
        QVERIFY(backend.err.contains("--backend takes cpu or vulkan"));
    }

    void logitsGenerateAndBenchOnVulkan() {
        if (!m_device) QSKIP("no Vulkan device");
        const CliRun cpu = cli({QStringLiteral("logits"), m_moe, QStringLiteral("--tokens"), tokens});
        const CliRun gpu = cli({QStringLiteral("logits"), m_moe, QStringLiteral("--tokens"), tokens, QStringLiteral("--backend"),
                                QStringLiteral("vulkan")});
        QCOMPARE(cpu.code, 0);
        QCOMPARE(gpu.code, 0);
        QCOMPARE(gpu.json()[QStringLiteral("backend")].toString(), QStringLiteral("vulkan"));
        const QJsonArray a = cpu.json()[QStringLiteral("logits")].toArray(), b = gpu.json()[QStringLiteral("logits")].toArray();
        QCOMPARE(a.size(), b.size());
        double err = 0, norm = 0;
        for (qsizetype i = 0; i < a.size(); ++i) {
            err += (a[i].toDouble() - b[i].toDouble()) * (a[i].toDouble() - b[i].toDouble());
            norm += a[i].toDouble() * a[i].toDouble();
        }
        QVERIFY2(err / norm < 1e-2, qPrintable(QString::number(err / norm))); // the CPU's 8-bit activations

        const CliRun generated = cli({QStringLiteral("generate"), m_moe, QStringLiteral("--tokens"), tokens, QStringLiteral("-n"),
                                      QStringLiteral("4"), QStringLiteral("--temp"), QStringLiteral("0"), QStringLiteral("--backend"),
                                      QStringLiteral("vulkan"), QStringLiteral("--gpu-budget"), QString::number(m_budget),
                                      QStringLiteral("--ctx"), QStringLiteral("64"), QStringLiteral("--json")});
        QCOMPARE(generated.code, 0);
        QVERIFY2(generated.err.contains("of weights run on the CPU"), generated.err.constData());
        QCOMPARE(generated.json()[QStringLiteral("backend")].toString(), QStringLiteral("vulkan"));
        QCOMPARE(generated.json()[QStringLiteral("tokens")].toArray().size(), 4);

        const CliRun bench = cli({QStringLiteral("bench"), m_moe, QStringLiteral("-p"), QStringLiteral("8"), QStringLiteral("-n"),
                                  QStringLiteral("2"), QStringLiteral("-r"), QStringLiteral("1"), QStringLiteral("--backend"),
                                  QStringLiteral("vulkan"), QStringLiteral("--json")});
        QCOMPARE(bench.code, 0);
        QCOMPARE(bench.json()[QStringLiteral("backend")].toString(), QStringLiteral("vulkan"));
        QVERIFY(bench.json()[QStringLiteral("generation_tokens_per_s")].toDouble() > 0);
        QVERIFY2(bench.err.contains("Vulkan device: "), bench.err.constData()); // the placement on stderr
    }

    void withoutADriverTheCpuAnswers() {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("VK_ICD_FILENAMES"), QStringLiteral("/nonexistent/conclave-no-icd.json"));
        env.insert(QStringLiteral("VK_DRIVER_FILES"), QStringLiteral("/nonexistent/conclave-no-icd.json"));
        const CliRun run = cli({QStringLiteral("logits"), m_moe, QStringLiteral("--tokens"), tokens, QStringLiteral("--backend"),
                                QStringLiteral("vulkan")},
                               env);
        QCOMPARE(run.code, 0);
        QCOMPARE(run.json()[QStringLiteral("backend")].toString(), QStringLiteral("cpu"));
        QVERIFY2(run.err.contains("running on the CPU"), run.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestCliGpu)
#include "test_cli_gpu.moc"
