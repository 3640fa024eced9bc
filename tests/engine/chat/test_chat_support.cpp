// The pieces around the interpreter: the JSON reader/writer (key order kept, Python
// json.dumps output), the ChatML fallback, and splitting reasoning from answers for
// <think> tags and gpt-oss harmony channels, complete and while streaming.

#include "chat/chatml.h"
#include "chat/json.h"
#include "chat/reasoning.h"
#include "chat/value_format.h"

#include <QtTest>

using namespace conclave::chat;

class TestChatSupport : public QObject {
    Q_OBJECT

private slots:
    void jsonRoundTrip_data() {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("dumped");
        QTest::newRow("key order kept")
            << QStringLiteral(R"({"b": 1, "a": 2, "c": {"z": [], "y": {}}})")
            << QStringLiteral(R"({"b": 1, "a": 2, "c": {"z": [], "y": {}}})");
        QTest::newRow("numbers") << QStringLiteral("[1, -2, 3.5, 1e20, 0.1, 1E-7, 12345678901234]")
                                 << QStringLiteral(
                                        "[1, -2, 3.5, 1e+20, 0.1, 1e-07, 12345678901234]");
        QTest::newRow("literals") << QStringLiteral("[true, false, null]")
                                  << QStringLiteral("[true, false, null]");
        QTest::newRow("escapes") << QStringLiteral(
                                        "[\"a\\\"b\\\\c\\n\\t\\u0001\\u00e9\\ud83d\\ude00/\"]")
                                 << QStringLiteral("[\"a\\\"b\\\\c\\n\\t\\u0001é😀/\"]");
        QTest::newRow("duplicate key keeps first position")
            << QStringLiteral(R"({"a": 1, "b": 2, "a": 3})")
            << QStringLiteral(R"({"a": 3, "b": 2})");
    }

    void jsonRoundTrip() {
        QFETCH(QString, input);
        QFETCH(QString, dumped);
        const auto parsed = parse_json(input.toStdString());
        QVERIFY2(parsed.ok(), parsed.ok() ? "" : parsed.error().message.c_str());
        QCOMPARE(QString::fromStdString(to_json(*parsed)), dumped);
    }

    void jsonRejectsMalformed_data() {
        QTest::addColumn<QString>("input");
        QTest::newRow("empty") << QString();
        QTest::newRow("trailing comma") << QStringLiteral("[1, 2,]");
        QTest::newRow("unterminated string") << QStringLiteral("{\"a\": \"b");
        QTest::newRow("bare word") << QStringLiteral("nope");
        QTest::newRow("trailing data") << QStringLiteral("{} {}");
        QTest::newRow("too deep") << QString(QStringLiteral("[").repeated(100000) +
                                             QStringLiteral("]").repeated(100000));
    }

    void jsonRejectsMalformed() {
        QFETCH(QString, input);
        const auto parsed = parse_json(input.toStdString());
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().code, conclave::ErrorCode::invalid_format);
        QVERIFY(QString::fromStdString(parsed.error().message).contains(QStringLiteral("byte")));
    }

    void jsonIndentMatchesPython() {
        const auto v = parse_json(R"({"a": [1, {"b": null}], "e": []})");
        JsonFormat format;
        format.indent = "  ";
        QCOMPARE(
            QString::fromStdString(to_json(*v, format)),
            QStringLiteral(
                "{\n  \"a\": [\n    1,\n    {\n      \"b\": null\n    }\n  ],\n  \"e\": []\n}"));
    }

    void pythonFloatRepr_data() {
        QTest::addColumn<double>("value");
        QTest::addColumn<QString>("text");
        QTest::newRow("integral") << 1.0 << QStringLiteral("1.0");
        QTest::newRow("fraction") << 0.1 << QStringLiteral("0.1");
        QTest::newRow("sum") << 0.1 + 0.2 << QStringLiteral("0.30000000000000004");
        QTest::newRow("1e16") << 1e16 << QStringLiteral("1e+16");
        QTest::newRow("1e15") << 1e15 << QStringLiteral("1000000000000000.0");
        QTest::newRow("small") << 0.0001 << QStringLiteral("0.0001");
        QTest::newRow("smaller") << 0.00001 << QStringLiteral("1e-05");
        QTest::newRow("negative") << -2.5 << QStringLiteral("-2.5");
        QTest::newRow("big exponent") << 1.5e300 << QStringLiteral("1.5e+300");
    }

    void pythonFloatRepr() {
        QFETCH(double, value);
        QFETCH(QString, text);
        QCOMPARE(QString::fromStdString(format_float(value)), text);
    }

    void chatmlFallback() {
        const auto messages = parse_json(R"([{"role": "system", "content": "Be brief."},
            {"role": "user", "content": [{"type": "text", "text": "Hi"}, {"type": "image"}]}])");
        QCOMPARE(QString::fromStdString(render_chatml(*messages, true)),
                 QStringLiteral(
                     "<|im_start|>system\nBe brief.<|im_end|>\n<|im_start|>user\nHi<|im_end|>\n"
                     "<|im_start|>assistant\n"));
        QCOMPARE(QString::fromStdString(render_chatml(*messages, false))
                     .endsWith(QStringLiteral("<|im_end|>\n")),
                 true);
    }

    void fallbackIsUsedWhenTemplateIsMissingOrFails_data() {
        QTest::addColumn<QString>("source");
        QTest::addColumn<bool>("fallback");
        QTest::addColumn<QString>("reason");
        QTest::newRow("missing") << QString() << true << QStringLiteral("is missing");
        QTest::newRow("syntax error")
            << QStringLiteral("{% if %}") << true << QStringLiteral("could not be parsed");
        QTest::newRow("raises") << QStringLiteral("{{ raise_exception('no') }}") << true
                                << QStringLiteral("failed to render");
        QTest::newRow("works") << QStringLiteral("{{ messages | length }}") << false << QString();
    }

    void fallbackIsUsedWhenTemplateIsMissingOrFails() {
        QFETCH(QString, source);
        QFETCH(bool, fallback);
        QFETCH(QString, reason);
        ChatRenderInput input;
        input.messages = *parse_json(R"([{"role": "user", "content": "Hi"}])");
        input.add_generation_prompt = true;
        const PromptRender r = render_prompt_or_chatml(source.toStdString(), input);
        QCOMPARE(r.used_fallback, fallback);
        if (fallback) {
            QCOMPARE(QString::fromStdString(r.prompt),
                     QStringLiteral("<|im_start|>user\nHi<|im_end|>\n<|im_start|>assistant\n"));
            QVERIFY2(QString::fromStdString(r.warning).contains(reason), r.warning.c_str());
            QVERIFY(QString::fromStdString(r.warning).contains(QStringLiteral("ChatML")));
        } else {
            QCOMPARE(QString::fromStdString(r.prompt), QStringLiteral("1"));
            QVERIFY(r.warning.empty());
        }
    }

    void splitsReasoning_data() {
        QTest::addColumn<int>("format");
        QTest::addColumn<bool>("startsInside");
        QTest::addColumn<QString>("generated");
        QTest::addColumn<QString>("reasoning");
        QTest::addColumn<QString>("answer");
        QTest::addColumn<bool>("open");
        const int think = int(ReasoningFormat::think_tags);
        const int harmony = int(ReasoningFormat::harmony);
        QTest::newRow("think complete")
            << think << false << QStringLiteral("<think>\nCheck 7.\n</think>\n\nNo.")
            << QStringLiteral("Check 7.") << QStringLiteral("No.") << false;
        QTest::newRow("think streaming") << think << false << QStringLiteral("<think>\nStill going")
                                         << QStringLiteral("Still going") << QString() << true;
        QTest::newRow("think partial close tag")
            << think << false << QStringLiteral("<think>abc</thi") << QStringLiteral("abc")
            << QString() << true;
        QTest::newRow("think partial open tag")
            << think << false << QStringLiteral("<thi") << QString() << QString() << false;
        QTest::newRow("prompt opened think")
            << think << true << QStringLiteral("Reasoning here</think>Answer")
            << QStringLiteral("Reasoning here") << QStringLiteral("Answer") << false;
        QTest::newRow("prompt opened, streaming")
            << think << true << QStringLiteral("Reasoning") << QStringLiteral("Reasoning")
            << QString() << true;
        QTest::newRow("no reasoning") << think << false << QStringLiteral("Just an answer.")
                                      << QString() << QStringLiteral("Just an answer.") << false;
        QTest::newRow("empty think")
            << think << false << QStringLiteral("<think>\n\n</think>\n\nHi") << QString()
            << QStringLiteral("Hi") << false;
        QTest::newRow("harmony complete")
            << harmony << false
            << QStringLiteral("<|channel|>analysis<|message|>User asks "
                              "2+2.<|end|><|start|>assistant<|channel|>final<|message|>4<|return|>")
            << QStringLiteral("User asks 2+2.") << QStringLiteral("4") << false;
        QTest::newRow("harmony streaming analysis")
            << harmony << false << QStringLiteral("<|channel|>analysis<|message|>Thinking<|en")
            << QStringLiteral("Thinking") << QString() << true;
        QTest::newRow("harmony streaming final")
            << harmony << false
            << QStringLiteral("<|channel|>analysis<|message|>A<|end|><|start|>assistant<|channel|>"
                              "final<|message|>Partial ans")
            << QStringLiteral("A") << QStringLiteral("Partial ans") << false;
        QTest::newRow("harmony tool call hidden")
            << harmony << false
            << QStringLiteral("<|channel|>analysis<|message|>Need "
                              "weather.<|end|><|start|>assistant<|channel|>commentary "
                              "to=functions.get_weather "
                              "<|constrain|>json<|message|>{\"city\":\"Paris\"}<|call|>")
            << QStringLiteral("Need weather.") << QString() << false;
        QTest::newRow("harmony plain text") << harmony << false << QStringLiteral("Hello")
                                            << QString() << QStringLiteral("Hello") << false;
        QTest::newRow("no format")
            << int(ReasoningFormat::none) << false << QStringLiteral("<think>x</think>y")
            << QString() << QStringLiteral("<think>x</think>y") << false;
    }

    void splitsReasoning() {
        QFETCH(int, format);
        QFETCH(bool, startsInside);
        QFETCH(QString, generated);
        QFETCH(QString, reasoning);
        QFETCH(QString, answer);
        QFETCH(bool, open);
        const ReasoningSplit split =
            split_reasoning(generated.toStdString(), {ReasoningFormat(format), startsInside});
        QCOMPARE(QString::fromStdString(split.reasoning), reasoning);
        QCOMPARE(QString::fromStdString(split.answer), answer);
        QCOMPARE(split.reasoning_open, open);
    }

    void detectsReasoningConventions() {
        QCOMPARE(detect_reasoning_format("{{ '<|start|>assistant<|channel|>final<|message|>' }}"),
                 ReasoningFormat::harmony);
        QCOMPARE(detect_reasoning_format("{{ '<think>\\n' }}"), ReasoningFormat::think_tags);
        QCOMPARE(detect_reasoning_format("{{ messages }}"), ReasoningFormat::none);
        QVERIFY(prompt_opens_reasoning("<|im_start|>assistant\n<think>\n"));
        QVERIFY(!prompt_opens_reasoning("<|im_start|>assistant\n<think>\n\n</think>\n\n"));
    }
};

QTEST_GUILESS_MAIN(TestChatSupport)
#include "test_chat_support.moc"
