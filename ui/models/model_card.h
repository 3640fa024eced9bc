#pragma once
// ModelCard: what the model card shows about a chosen model before it is loaded —
// architecture, parameters (total and active), experts (total and active), quant mix,
// trained context, file size, the memory a session needs at the chosen context (the engine's
// estimate) beside the memory the machine has available — and whether it may be loaded.
// A model that will not fit is refused with the figures (needed vs available); a damaged
// file or an architecture Conclave does not run is refused with the engine's reason.
//
// Filled on the GUI thread from ModelFacts (read off the GUI thread by the ModelScanner).
// The available memory comes from an injected source (the system's, or a test's figure),
// read when facts arrive and when the context changes. Never throws.

#include "available_memory.h"
#include "model_facts.h"

#include <QObject>
#include <QtQml/qqmlregistration.h>

namespace conclave::ui {

class ModelCard : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("ModelCard belongs to the ModelPicker")
    Q_PROPERTY(Status status READ status NOTIFY changed)
    Q_PROPERTY(QString path READ path NOTIFY changed)
    Q_PROPERTY(QString fileName READ fileName NOTIFY changed)
    Q_PROPERTY(QString name READ name NOTIFY changed)
    Q_PROPERTY(QString architecture READ architecture NOTIFY changed)
    Q_PROPERTY(QString parameters READ parameters NOTIFY changed)
    Q_PROPERTY(QString experts READ experts NOTIFY changed)
    Q_PROPERTY(QString quantMix READ quantMix NOTIFY changed)
    Q_PROPERTY(int trainedContext READ trainedContext NOTIFY changed)
    Q_PROPERTY(QString fileSize READ fileSize NOTIFY changed)
    Q_PROPERTY(int contextSize READ contextSize WRITE setContextSize NOTIFY changed)
    Q_PROPERTY(int effectiveContext READ effectiveContext NOTIFY changed)
    Q_PROPERTY(qint64 neededBytes READ neededBytes NOTIFY changed)
    Q_PROPERTY(qint64 availableBytes READ availableBytes NOTIFY changed)
    Q_PROPERTY(QString neededMemory READ neededMemory NOTIFY changed)
    Q_PROPERTY(QString availableMemory READ availableMemory NOTIFY changed)
    Q_PROPERTY(bool supported READ supported NOTIFY changed)
    Q_PROPERTY(bool fits READ fits NOTIFY changed)
    Q_PROPERTY(bool canLoad READ canLoad NOTIFY changed)
    Q_PROPERTY(QString refusal READ refusal NOTIFY changed)
public:
    enum class Status { Empty, Inspecting, Ready };
    Q_ENUM(Status)

    explicit ModelCard(app::AvailableMemorySource availableMemory, QObject* parent = nullptr);

    // The card waits for the facts of `path` (shown as "Reading…").
    void expect(const QString& path);
    // Facts for the path expected; facts of any other file are ignored (a late answer).
    void setFacts(const app::ModelFacts& facts);
    void clear();

    Status status() const { return m_status; }
    QString path() const { return m_path; }
    QString fileName() const;
    QString name() const { return m_facts.name; }
    QString architecture() const { return m_facts.architecture; }
    QString parameters() const;
    QString experts() const;
    QString quantMix() const { return m_facts.quantMix; }
    int trainedContext() const { return m_facts.contextLength; }
    QString fileSize() const;
    int contextSize() const { return m_contextSize; }
    void setContextSize(int tokens);
    // The context a session would get: the chosen one, clamped to the trained length.
    int effectiveContext() const;
    qint64 neededBytes() const { return m_neededBytes; }
    qint64 availableBytes() const { return m_availableBytes; } // -1: unknown
    QString neededMemory() const;
    QString availableMemory() const;
    bool supported() const { return m_facts.supported; }
    bool fits() const;
    bool canLoad() const { return m_status == Status::Ready && supported() && fits(); }
    // Why Load is disabled, in words; empty when it is enabled.
    QString refusal() const;

signals:
    void changed();

private:
    void estimate();

    app::AvailableMemorySource m_availableMemory;
    Status m_status = Status::Empty;
    QString m_path;
    app::ModelFacts m_facts;
    int m_contextSize = 4096;
    qint64 m_neededBytes = 0;
    qint64 m_availableBytes = -1;
};

} // namespace conclave::ui
