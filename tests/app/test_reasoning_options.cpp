// Reasoning controls read from real chat templates (../shared/fixtures/chat-templates): the
// variables a template reads come from its parsed form, so Qwen3 offers thinking on/off
// (enable_thinking), gpt-oss a reasoning effort, DeepSeek V3.1 both names of the switch
// (enable_thinking preferred), and Llama 3.1 — which names neither — nothing; and the
// rendered prompt changes with the choice: Qwen3 with thinking off opens an empty
// <think></think>, gpt-oss says "Reasoning: low" or "Reasoning: high". Skips when the
// fixtures folder is absent.

#include "reasoning_options.h"

#include <QFile>
#include <QtTest>

using namespace conclave::app;

namespace {

QString fixturesFolder() {
    return qEnvironmentVariable("CONCLAVE_SHARED_DIR") +
           QStringLiteral("/fixtures/chat-templates/");
}

std::string readTemplate(const QString& name) {
    QFile file(fixturesFolder() + name);
    if (!file.open(QIODevice::ReadOnly)) return {};
    return file.readAll().toStdString();
}

QString render(const std::string& source, const ReasoningChoice& choice) {
    const std::vector<ChatTurnText> turns{{"system", "Be brief."}, {"user", "What is 2 + 2?"}};
    const auto rendered = render_with_template(source, turns, choice);
    if (!rendered)
        return QStringLiteral("ERROR: ") + QString::fromStdString(rendered.error().message);
    return QString::fromStdString(*rendered);
}

} // namespace

class TestReasoningOptions : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        if (!QFile::exists(fixturesFolder() + QStringLiteral("Qwen-Qwen3-0.6B.jinja")))
            QSKIP("the shared chat-template fixtures are not beside the checkout "
                  "(../shared/fixtures)");
    }

    void controlsComeFromTheParsedTemplate_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("thinking");
        QTest::addColumn<QString>("effort");
        QTest::newRow("Qwen3") << "Qwen-Qwen3-0.6B.jinja"
                               << "enable_thinking"
                               << "";
        QTest::newRow("SmolLM3") << "HuggingFaceTB-SmolLM3-3B.jinja"
                                 << "enable_thinking"
                                 << "";
        QTest::newRow("gpt-oss") << "openai-gpt-oss-120b.jinja"
                                 << ""
                                 << "reasoning_effort";
        QTest::newRow("DeepSeek V3.1") << "deepseek-ai-DeepSeek-V3.1.jinja"
                                       << "enable_thinking"
                                       << "";
        QTest::newRow("Llama 3.1") << "meta-llama-Llama-3.1-8B-Instruct.jinja"
                                   << ""
                                   << "";
        QTest::newRow("Qwen2.5") << "Qwen-Qwen2.5-7B-Instruct.jinja"
                                 << ""
                                 << "";
    }

    void controlsComeFromTheParsedTemplate() {
        QFETCH(QString, file);
        QFETCH(QString, thinking);
        QFETCH(QString, effort);
        const std::string source = readTemplate(file);
        QVERIFY(!source.empty());
        const ReasoningControls controls = reasoning_controls(source);
        QCOMPARE(QString::fromStdString(controls.thinking_variable), thinking);
        QCOMPARE(QString::fromStdString(controls.effort_variable), effort);
        QCOMPARE(controls.supported(), !thinking.isEmpty() || !effort.isEmpty());
    }

    // A variable named only inside text (a string, a comment) is not read by the template.
    void namesInTextDoNotCount() {
        const std::string source =
            "{# enable_thinking #}{{ 'reasoning_effort' }}{% for m in messages %}"
            "{{ m.content }}{% endfor %}";
        QVERIFY(!reasoning_controls(source).supported());
        const std::string bound = "{% set enable_thinking = true %}{{ enable_thinking }}";
        QVERIFY(!reasoning_controls(bound).supported());      // set before read: not the caller's
        QVERIFY(!reasoning_controls("{% if %}").supported()); // does not parse: nothing offered
    }

    void qwen3ThinkingSwitchChangesThePrompt() {
        const std::string source = readTemplate(QStringLiteral("Qwen-Qwen3-0.6B.jinja"));
        const QString on = render(source, {.thinking = true});
        const QString off = render(source, {.thinking = false});
        QVERIFY2(!on.startsWith(QStringLiteral("ERROR")), qPrintable(on));
        QVERIFY(on.endsWith(QStringLiteral("<|im_start|>assistant\n")));
        QVERIFY(off.endsWith(QStringLiteral("<|im_start|>assistant\n<think>\n\n</think>\n\n")));
        QVERIFY(on.contains(QStringLiteral("What is 2 + 2?")) &&
                off.contains(QStringLiteral("What is 2 + 2?")));
    }

    void gptOssEffortChangesThePrompt() {
        const std::string source = readTemplate(QStringLiteral("openai-gpt-oss-120b.jinja"));
        const QString low = render(source, {.thinking = true, .effort = "low"});
        const QString high = render(source, {.thinking = true, .effort = "high"});
        QVERIFY2(low.contains(QStringLiteral("Reasoning: low")), qPrintable(low));
        QVERIFY(!low.contains(QStringLiteral("Reasoning: high")));
        QVERIFY(high.contains(QStringLiteral("Reasoning: high")));
        QCOMPARE(reasoning_effort_levels(), (std::vector<std::string>{"low", "medium", "high"}));
    }

    // A template without the controls renders the same whatever the choice.
    void templatesWithoutControlsIgnoreTheChoice() {
        const std::string source =
            readTemplate(QStringLiteral("meta-llama-Llama-3.1-8B-Instruct.jinja"));
        QCOMPARE(render(source, {.thinking = false, .effort = "low"}), render(source, {}));
    }
};

QTEST_APPLESS_MAIN(TestReasoningOptions)
#include "test_reasoning_options.moc"
