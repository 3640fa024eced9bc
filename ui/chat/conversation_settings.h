#pragma once
// ConversationSettings: the open conversation's own system prompt and sampling values
// (temperature, top-k, top-p, min-p, repetition penalty, seed), each either overridden for
// this conversation or following the loaded model's settings (SamplingSettings). Edited in
// the conversation settings popup; read by the ChatController for every request, which also
// loads them when a conversation opens and saves them when the user changes one (`edited`).
//
// Each property reads the value in effect: the override, else the model's. Writing one
// overrides it (clamped to the same ranges as the model's); reset() returns one to the model's,
// resetAll() every one. `overridden` names the overridden ones ("systemPrompt", "temperature",
// "topK", "topP", "minP", "repeatPenalty", "seed").
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
    QStringList overridden() const;
    bool hasOverrides() const { return m_overrides != ConversationOverrides{}; }

    void setSystemPrompt(const QString& value);
    void setTemperature(double value);
    void setTopK(int value);
    void setTopP(double value);
    void setMinP(double value);
    void setRepeatPenalty(double value);
    void setSeed(int value);

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
    void edited(); // the user changed an override: save it

private:
    void change(const ConversationOverrides& next);

    const SamplingSettings* m_model;
    ConversationOverrides m_overrides;
};

} // namespace conclave::ui
