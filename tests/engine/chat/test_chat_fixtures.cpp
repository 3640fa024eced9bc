// Every fixture chat template rendered with every fixture conversation, with and without
// add_generation_prompt, must be byte-identical to the reference (Python Jinja2 configured
// like Hugging Face transformers). The reference runs once, in one Python process
// (render_reference_cases.py), and its results become the data rows here.

#include "chat/chat_template.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QtTest>
#include <chrono>
#include <map>

using namespace conclave::chat;

namespace {

QString sharedDir() {
    const QByteArray env = qgetenv("CONCLAVE_SHARED_DIR");
    if (!env.isEmpty()) return QString::fromLocal8Bit(env);
    return QStringLiteral(CHAT_TEST_SOURCE_DIR "/../../../../shared");
}

// The same rule as scripts/venv-path.
QString venvPython() {
    QByteArray venv = qgetenv("CONCLAVE_VENV");
    if (venv.isEmpty()) {
        QByteArray cache = qgetenv("XDG_CACHE_HOME");
        if (cache.isEmpty()) cache = qgetenv("HOME") + "/.cache";
        venv = cache + "/conclave/venv";
    }
    return QString::fromLocal8Bit(venv) + QStringLiteral("/bin/python");
}

QByteArray readFile(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) return {};
    return f.readAll();
}

// Describes where two renderings first differ, with some context around it.
QString firstDifference(const std::string& ours, const std::string& expected) {
    std::size_t i = 0;
    while (i < ours.size() && i < expected.size() && ours[i] == expected[i]) ++i;
    const std::size_t from = i > 60 ? i - 60 : 0;
    const auto show = [from](const std::string& s) {
        return QString::fromUtf8(s.substr(std::min(from, s.size()), 140))
            .replace(QLatin1Char('\n'), QStringLiteral("\\n"));
    };
    return QStringLiteral("first difference at byte %1\n  ours:     %2\n  expected: %3")
        .arg(i)
        .arg(show(ours), show(expected));
}

// Cases where we knowingly differ from the reference, keyed "template|conversation".
const std::map<QString, QString>& knownDifferences() {
    static const std::map<QString, QString> known = {};
    return known;
}

} // namespace

class TestChatFixtures : public QObject {
    Q_OBJECT

private:
    QJsonArray m_cases;
    QString m_skipReason;
    QString m_shared;
    std::map<QString, ChatTemplate> m_templates;
    double m_slowestMs = 0;
    QString m_slowest;

    void loadReference() {
        m_shared = sharedDir();
        if (!QDir(m_shared + QStringLiteral("/fixtures/chat-templates")).exists()) {
            m_skipReason =
                QStringLiteral("fixtures not found at %1 (set CONCLAVE_SHARED_DIR)").arg(m_shared);
            return;
        }
        const QString python = venvPython();
        if (!QFile::exists(python)) {
            m_skipReason =
                QStringLiteral("no Python venv at %1 (run the bootstrap script)").arg(python);
            return;
        }
        QProcess proc;
        proc.start(python,
                   {QStringLiteral(CHAT_TEST_SOURCE_DIR "/render_reference_cases.py"), m_shared});
        if (!proc.waitForFinished(120000) || proc.exitCode() != 0) {
            m_skipReason = QStringLiteral("reference renderer failed (is jinja2 installed?): %1")
                               .arg(QString::fromUtf8(proc.readAllStandardError()).left(400));
            return;
        }
        m_cases = QJsonDocument::fromJson(proc.readAllStandardOutput()).array();
        if (m_cases.isEmpty())
            m_skipReason = QStringLiteral("reference renderer produced no cases");
    }

    const ChatTemplate* templateFor(const QString& name, QString& error) {
        auto it = m_templates.find(name);
        if (it != m_templates.end()) return &it->second;
        const QByteArray source =
            readFile(m_shared + QStringLiteral("/fixtures/chat-templates/") + name);
        auto parsed = ChatTemplate::parse(
            std::string_view(source.constData(), static_cast<std::size_t>(source.size())));
        if (!parsed) {
            error = QString::fromStdString(parsed.error().message);
            return nullptr;
        }
        return &m_templates.emplace(name, std::move(*parsed)).first->second;
    }

private slots:
    void initTestCase() { loadReference(); }

    void matchesReference_data() {
        QTest::addColumn<int>("index");
        if (!m_skipReason.isEmpty()) {
            QTest::newRow("unavailable") << -1;
            return;
        }
        for (int i = 0; i < m_cases.size(); ++i) {
            const QJsonObject c = m_cases[i].toObject();
            const QString name =
                c[QStringLiteral("template")].toString() + QLatin1Char('|') +
                c[QStringLiteral("conversation")].toString() +
                (c[QStringLiteral("add_generation_prompt")].toBool() ? "|gen" : "|nogen") +
                QLatin1Char('|') + c[QStringLiteral("bos_token")].toString();
            QTest::newRow(qPrintable(name)) << i;
        }
    }

    void matchesReference() {
        QFETCH(int, index);
        if (index < 0) QSKIP(qPrintable(m_skipReason));
        const QJsonObject c = m_cases[index].toObject();
        const QString templateName = c[QStringLiteral("template")].toString();
        const QString conversation = c[QStringLiteral("conversation")].toString();
        const QByteArray json =
            readFile(m_shared + QStringLiteral("/fixtures/conversations/") + conversation);
        auto input = chat_input_from_json(
            std::string_view(json.constData(), static_cast<std::size_t>(json.size())));
        QVERIFY2(input.ok(), input.ok() ? "" : input.error().message.c_str());
        input->add_generation_prompt = c[QStringLiteral("add_generation_prompt")].toBool();
        input->bos_token = c[QStringLiteral("bos_token")].toString().toStdString();
        input->eos_token = c[QStringLiteral("eos_token")].toString().toStdString();
        input->now = CivilTime{2026, 1, 15, 9, 30, 0};

        QString parseError;
        const ChatTemplate* tmpl = templateFor(templateName, parseError);
        const bool referenceOk = c[QStringLiteral("ok")].toBool();
        if (!referenceOk) {
            // The reference raised: ours must fail cleanly too (or render), never crash.
            if (tmpl) {
                const auto rendered = tmpl->render(*input);
                if (rendered.ok())
                    qInfo("reference raised (%s) but ours rendered",
                          qPrintable(c[QStringLiteral("error")].toString()));
            }
            return;
        }
        QVERIFY2(tmpl, qPrintable(QStringLiteral("parse failed: ") + parseError));
        const auto start = std::chrono::steady_clock::now();
        const auto rendered = tmpl->render(*input);
        const double ms =
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                .count();
        if (ms > m_slowestMs) {
            m_slowestMs = ms;
            m_slowest = templateName + QLatin1Char('|') + conversation;
        }
        const auto known = knownDifferences().find(templateName + QLatin1Char('|') + conversation);
        if (known != knownDifferences().end())
            QEXPECT_FAIL("", qPrintable(known->second), Continue);
        QVERIFY2(rendered.ok(), rendered.ok() ? "" : rendered.error().message.c_str());
        if (!rendered.ok()) return;
        const std::string expected = c[QStringLiteral("output")].toString().toStdString();
        QVERIFY2(*rendered == expected, qPrintable(firstDifference(*rendered, expected)));
    }

    void cleanupTestCase() {
        if (!m_slowest.isEmpty())
            qInfo("slowest render: %s, %.2f ms", qPrintable(m_slowest), m_slowestMs);
    }
};

QTEST_GUILESS_MAIN(TestChatFixtures)
#include "test_chat_fixtures.moc"
