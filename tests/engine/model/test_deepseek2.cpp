// deepseek2 (DeepSeek V2-Lite and V3 layouts in miniature, tiny_deepseek2.h) run through the
// engine, whose attention works in the compressed latent space, and through an independent
// scalar implementation that decompresses every head's keys and values: logits agree at
// every position. Also: prompt reuse and token-by-token decoding equal one pass, the cache
// holds one latent row per position, and bad files get clear errors.

#include "conclave/model.h"
#include "conclave/session.h"
#include "reference_decoder.h"
#include "reference_deepseek2.h"
#include "tiny_deepseek2.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace conclave;
using conclave::quant::TensorType;

Q_DECLARE_METATYPE(conclave::quant::TensorType)

namespace {

const std::vector<int> prompt{1, 5, 9, 42, 17, 3, 88, 60, 7, 7, 23, 51, 2, 96, 0, 33, 71};

std::vector<float> row(const std::vector<float>& all, std::size_t index, int n_vocab) {
    return std::vector<float>(all.begin() + static_cast<long>(index) * n_vocab,
                              all.begin() + static_cast<long>(index + 1) * n_vocab);
}

// Variants by name: "lite" (V2-Lite), "v3", "v2-groups" (softmax routing limited to the best
// groups by their best expert, as DeepSeek V2 236B routes), "v3-no-yarn".
test::TinyDeepSeek2 variant(const QString& name) {
    if (name == QLatin1String("lite")) return test::tiny_deepseek2_lite();
    test::TinyDeepSeek2 spec = test::tiny_deepseek3();
    if (name == QLatin1String("v2-groups")) {
        spec.gating = 1;
        spec.probs_bias = false;
        spec.weights_norm = false;
        spec.weights_scale = 1.0f;
    }
    if (name == QLatin1String("v3-no-yarn")) spec.yarn_factor = 0.0f;
    return spec;
}

} // namespace

class TestDeepSeek2 : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

    std::string write(const test::TinyDeepSeek2& spec, const QString& name) {
        const std::string path = (m_dir.path() + '/' + name + QStringLiteral(".gguf")).toStdString();
        return test::write_tiny_deepseek2(spec, path) ? path : std::string();
    }

private slots:
    void matchesScalarReference_data() {
        QTest::addColumn<QString>("variant");
        QTest::addColumn<TensorType>("type");
        QTest::addColumn<double>("bound");
        for (const char* v : {"lite", "v3", "v2-groups", "v3-no-yarn"}) {
            QTest::addRow("%s-f32", v) << v << TensorType::F32 << 1e-5;
            QTest::addRow("%s-q8_0", v) << v << TensorType::Q8_0 << 2e-3;
        }
        QTest::addRow("v3-f16") << "v3" << TensorType::F16 << 1e-5;
    }

    void matchesScalarReference() {
        QFETCH(QString, variant);
        QFETCH(TensorType, type);
        QFETCH(double, bound);
        test::TinyDeepSeek2 spec = ::variant(variant);
        spec.matrix_type = type;
        const std::string path = write(spec, QString::fromLatin1(QTest::currentDataTag()));
        QVERIFY(!path.empty());
        auto model = Model::load(path);
        QVERIFY2(model.ok(), model.ok() ? "" : model.error().message.c_str());
        auto session = Session::create(**model, {.n_ctx = 64, .n_threads = 2, .kv_type = KvCacheType::f32});
        QVERIFY(session.ok());
        auto logits = (*session)->evaluate(std::vector<std::int32_t>(prompt.begin(), prompt.end()), true);
        QVERIFY2(logits.ok(), logits.ok() ? "" : logits.error().message.c_str());
        std::vector<double> margins;
        const auto expected = test::reference_deepseek2_logits(path, prompt, &margins);
        QCOMPARE(expected.size(), prompt.size());
        // Quantized weights meet activations rounded to 8 bits, which moves router scores by
        // a few percent: a position where two experts (or groups) were within 5% of each other
        // may rightly pick the other and is not compared. At least half the positions must be.
        const bool exact = type == TensorType::F32 || type == TensorType::F16;
        std::size_t compared = 0;
        for (std::size_t t = 0; t < prompt.size(); ++t) {
            const double e = test::nmse(expected[t], row(*logits, t, spec.n_vocab));
            if (qEnvironmentVariableIsSet("CONCLAVE_PRINT_NMSE")) qInfo("position %zu: NMSE %g, margin %g", t, e, margins[t]);
            if (!exact && margins[t] < 0.05) continue;
            ++compared;
            QVERIFY2(e < bound, qPrintable(QStringLiteral("position %1: NMSE %2").arg(t).arg(e)));
        }
        QVERIFY2(compared >= prompt.size() / 2, qPrintable(QStringLiteral("only %1 positions compared").arg(compared)));
    }
};

QTEST_GUILESS_MAIN(TestDeepSeek2)
#include "test_deepseek2.moc"
