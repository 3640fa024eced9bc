#pragma once
// LoadedModelRecorder: when the engine worker reports a model loaded, records it in the
// ModelLibrary (a recent model: path, size, architecture, parameters, quant mix, context,
// used now) and tells the ChatController its id, so every answer it writes carries the
// model's id (messages.model_id) beside its name.
//
// Wired by the composition root; GUI thread. Its connection to the worker is made after the
// controller's, so the controller has taken the load (and a later send finds the id set)
// before the recorder runs. A load the controller did not ask for last is ignored. Never
// throws (the library does not).

#include "engine_messages.h"

#include <QObject>

namespace conclave::ui {
class ChatController;
class ModelLibrary;
} // namespace conclave::ui

namespace conclave::app {

class EngineWorker;

class LoadedModelRecorder : public QObject {
    Q_OBJECT
public:
    LoadedModelRecorder(EngineWorker* worker, ui::ChatController* chat, ui::ModelLibrary* library,
                        QObject* parent = nullptr);

private:
    void onModelLoaded(const ModelSummary& summary);

    ui::ChatController* m_chat;
    ui::ModelLibrary* m_library;
};

// The model to load at start: the app setting "default_model" when that file exists, else
// SmolLM2-135M-Instruct (scripts/fetch-default-model) in Conclave's models folder when it is
// there; empty when neither is, and the welcome page shows instead.
QString defaultModelAtStart(ui::ModelLibrary& library, const QString& modelsFolder);

// The model to open at start: the file named on the command line (`conclave FILE.gguf`) when
// there is one, even a missing or damaged one, whose error then shows in the banner; else
// defaultModelAtStart.
QString modelAtStart(const QString& commandLineFile, ui::ModelLibrary& library,
                     const QString& modelsFolder);

} // namespace conclave::app
