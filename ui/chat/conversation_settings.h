#pragma once
// ConversationSettings: the open conversation's own system prompt, sampling values
// (temperature, top-k, top-p, min-p, repetition penalty, seed) and answer choices (max
// tokens; thinking on/off and reasoning effort where the model's chat template offers them,
// as the model's settings say: thinkingSupported, effortSupported), each either overridden for
// this conversation or following the loaded model's settings (SamplingSettings). Edited in
// the conversation settings popup; read by the ChatController for every request, which also
// loads them when a conversation opens and saves them when the user changes one (`edited`).
//
// Each property reads the value in effect: the override, else the model's. Writing one
// overrides it (clamped to the same ranges as the model's); reset() returns one to the model's,
// resetAll() every one. `overridden` names the overridden ones ("systemPrompt", "temperature",
// "topK", "topP", "minP", "repeatPenalty", "seed", "maxTokens", "thinking", "reasoningEffort").
// An effort that is not one of effortLevels (a hand-edited import) follows the model's.
//
// Ownership: borrows the model's settings (which outlive it). GUI thread only; no errors.

#include "chat_message.h"
#include "sampling_settings.h"

#include <QObject>
#include <QStringList>
#include <QtQml/qqmlregistration.h>

namespace conclave::ui {

class ConversationSettings : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("created by the ChatController")
    Q_PROPERTY(QString systemPrompt READ systemPrompt WRITE setSystemPrompt NOTIFY changed)
    Q_PROPERTY(double temperature READ temperature WRITE setTemperature NOTIFY changed)
    Q_PROPERTY(int topK READ topK WRITE setTopK NOTIFY changed)
    Q_PROPERTY(double topP READ topP WRITE setTopP NOTIFY changed)
    Q_PROPERTY(double minP READ minP WRITE setMinP NOTIFY changed)
    Q_PROPERTY(double repeatPenalty READ repeatPenalty WRITE setRepeatPenalty NOTIFY changed)
    Q_PROPERTY(int seed READ seed WRITE setSeed NOTIFY changed)
    Q_PROPERTY(int maxTokens READ maxTokens WRITE setMaxTokens NOTIFY changed)
    Q_PROPERTY(bool thinking READ thinking WRITE setThinking NOTIFY changed)
    Q_PROPERTY(QString reasoningEffort READ reasoningEffort WRITE setReasoningEffort NOTIFY changed)
    Q_PROPERTY(bool thinkingSupported READ thinkingSupported NOTIFY supportChanged)
    Q_PROPERTY(bool effortSupported READ effortSupported NOTIFY supportChanged)
    Q_PROPERTY(QStringList effortLevels READ effortLevels CONSTANT)
    Q_PROPERTY(QStringList overridden READ overridden NOTIFY changed)
    Q_PROPERTY(bool hasOverrides READ hasOverrides NOTIFY changed)
public:
    explicit ConversationSettings(const SamplingSettings* model, QObject* parent = nullptr);

    const ConversationOverrides& overrides() const { return m_overrides; }
    // Another conversation opened: its overrides, without `edited`.
    void setOverrides(const ConversationOverrides& overrides);

    QString systemPrompt() const;
    double temperature() const;
    int topK() const;
    double topP() const;
    double minP() const;
    double repeatPenalty() const;
    int seed() const;
    int maxTokens() const;
    bool thinking() const;
    QString reasoningEffort() const;
    bool thinkingSupported() const { return m_model->thinkingSupported(); }
    bool effortSupported() const { return m_model->effortSupported(); }
    static QStringList effortLevels() { return SamplingSettings::effortLevels(); }
    QStringList overridden() const;
    bool hasOverrides() const { return m_overrides != ConversationOverrides{}; }

    void setSystemPrompt(const QString& value);
    void setTemperature(double value);
    void setTopK(int value);
    void setTopP(double value);
    void setMinP(double value);
    void setRepeatPenalty(double value);
    void setSeed(int value);
    void setMaxTokens(int value);
    void setThinking(bool value);
    void setReasoningEffort(const QString& value); // ignored unless one of effortLevels

    // Overrides the setting named `key` with the model's value in effect now (a check box
    // turned on): the conversation keeps it when the model's settings change later.
    Q_INVOKABLE void keep(const QString& key);
    Q_INVOKABLE void reset(const QString& key);
    Q_INVOKABLE void resetAll();

    // The request's values: the model's, with this conversation's over them; a random seed
    // is drawn here when the seed in effect is < 0.
    conclave::SamplingParams samplingParams() const;

signals:
    void changed();
    void supportChanged();
    void edited(); // the user changed an override: save it

private:
    void change(const ConversationOverrides& next);

    const SamplingSettings* m_model;
    ConversationOverrides m_overrides;
};

} // namespace conclave::ui
