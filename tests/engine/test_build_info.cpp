// The engine reports its version, its compiled-in backends and the processor's features;
// the features are checked against the kernel's own view in /proc/cpuinfo.

#include "conclave/build_info.h"
#include "conclave/cpu_features.h"
#include "conclave/result.h"

#include <QFile>
#include <QSet>
#include <QtTest>

#include <algorithm>

using namespace conclave;

class TestBuildInfo : public QObject {
    Q_OBJECT

private slots:
    void versionComesFromCMake() { QCOMPARE(QString::fromUtf8(engine_version().data()), QStringLiteral(EXPECTED_VERSION)); }

    void backendsMatchBuildOptions() {
        const std::vector<std::string> backends = compiled_backends();
        QVERIFY(!backends.empty());
        QCOMPARE(QString::fromStdString(backends.front()), QStringLiteral("cpu"));
        const auto has = [&](const char* name) {
            return std::find(backends.begin(), backends.end(), name) != backends.end();
        };
        QCOMPARE(has("vulkan"), bool(EXPECT_VULKAN));
        QCOMPARE(has("cuda"), bool(EXPECT_CUDA));
    }

    void versionLineNamesProgramVersionAndBackends() {
        const QString line = QString::fromStdString(version_line("conclave-cli"));
        QVERIFY2(line.startsWith(QStringLiteral("conclave-cli " EXPECTED_VERSION " (backends: cpu")),
                 qPrintable(line));
        QVERIFY(line.endsWith(')'));
    }

    void cpuFeaturesAgreeWithKernel_data() {
        QTest::addColumn<QString>("flag");
        QTest::addColumn<bool>("detected");
        const CpuFeatures f = detect_cpu_features();
        QTest::newRow("avx2") << "avx2" << f.avx2;
        QTest::newRow("fma") << "fma" << f.fma;
        QTest::newRow("f16c") << "f16c" << f.f16c;
        QTest::newRow("avx512f") << "avx512f" << f.avx512f;
        QTest::newRow("avx512bw") << "avx512bw" << f.avx512bw;
        QTest::newRow("avx512_vnni") << "avx512_vnni" << f.avx512vnni;
        QTest::newRow("avx512_bf16") << "avx512_bf16" << f.avx512bf16;
    }

    void cpuFeaturesAgreeWithKernel() {
        QFETCH(QString, flag);
        QFETCH(bool, detected);
#if !defined(__linux__) || !defined(__x86_64__)
        QSKIP("/proc/cpuinfo flags are checked on x86-64 Linux only");
#endif
        QFile cpuinfo(QStringLiteral("/proc/cpuinfo"));
        if (!cpuinfo.open(QIODevice::ReadOnly)) QSKIP("/proc/cpuinfo is not readable here");
        QSet<QString> flags;
        for (const QByteArray& line : cpuinfo.readAll().split('\n')) {
            if (!line.startsWith("flags")) continue;
            for (const QByteArray& word : line.mid(line.indexOf(':') + 1).simplified().split(' '))
                flags.insert(QString::fromLatin1(word));
            break;
        }
        QVERIFY(!flags.isEmpty());
        QCOMPARE(detected, flags.contains(flag));
    }

    void cpuDescriptionListsDetectedFeatures() {
        const CpuFeatures f = detect_cpu_features();
        const QString text = QString::fromStdString(describe_cpu_features(f));
        QVERIFY(!text.isEmpty());
        QCOMPARE(text.split(' ').contains(QStringLiteral("AVX2")), f.avx2);
        QCOMPARE(text.split(' ').contains(QStringLiteral("NEON")), f.neon);
#if defined(__x86_64__)
        QVERIFY(f.x86_64);
        QVERIFY(text.startsWith(QStringLiteral("x86-64")));
#endif
    }

    void resultCarriesValueOrError() {
        Result<int> good(42);
        QVERIFY(good.ok());
        QCOMPARE(*good, 42);
        Result<int> bad(make_error(ErrorCode::invalid_format, "truncated at byte 12"));
        QVERIFY(!bad);
        QCOMPARE(bad.error().code, ErrorCode::invalid_format);
        QCOMPARE(QString::fromStdString(bad.error().message), QStringLiteral("truncated at byte 12"));
        QCOMPARE(QString::fromLatin1(error_code_name(ErrorCode::unsupported)), QStringLiteral("unsupported"));
        Result<void> done;
        QVERIFY(done.ok());
        Result<void> failed(make_error(ErrorCode::cancelled, "stopped"));
        QVERIFY(!failed.ok());
    }
};

QTEST_GUILESS_MAIN(TestBuildInfo)
#include "test_build_info.moc"
