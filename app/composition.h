#pragma once
// Composition: the application's object graph, built in dependency order on the GUI thread
// by main() (and by the GUI tests): the engine thread with its worker, the conversation
// database ($XDG_DATA_HOME/conclave/conclave.db, see chat_storage.h) and its store, the chat
// controller over both, the model library (recent models, model folders) with the model
// scanner and the model picker, the settings (AppSettings app-wide, ModelPreferences per
// model, both saved in the same database; a refused write shows in the error banner; the
// chosen language is installed unless CONCLAVE_LANGUAGE names one; whether the GPU can be
// chosen and which devices the GPU picker offers, from one Vulkan probe at start; the chosen
// device goes with every later load request), and the main window over
// the controller, the picker and the settings. What opening the database found (recovered,
// refused) shows in the error banner. At start the command line's model, else the default
// model (modelAtStart) is loaded when it is present. Destroyed in reverse: the window first, the
// engine thread (which stops and joins the worker) last. A quit request from the window stops a
// streaming answer (kept as "stopped") before it is passed on through quitRequested.

#include "app_settings.h"
#include "chat_controller.h"
#include "chat_storage.h"
#include "code_panel_controller.h"
#include "engine_thread.h"
#include "gpu_availability.h"
#include "loaded_model_recorder.h"
#include "main_window_host.h"
#include "model_library.h"
#include "model_picker.h"
#include "model_preferences.h"
#include "model_scanner.h"

#include <QObject>

#include <memory>

namespace conclave::app {

class Composition : public QObject {
    Q_OBJECT
public:
    explicit Composition(QObject* parent = nullptr);
    // With the database at `databasePath` instead of the data folder's, and `modelFile` (the
    // command line's, when not empty) opened at start instead of the default model.
    explicit Composition(const QString& databasePath, const QString& modelFile = {},
                         QObject* parent = nullptr);
    ~Composition() override;

    EngineWorker* worker() const { return m_engine.worker(); }
    ui::ChatController& chat() { return m_chat; }
    ui::ModelPicker& models() { return m_picker; }
    ui::ModelLibrary& library() { return *m_library; }
    ui::AppSettings& appSettings() { return m_appSettings; }
    ui::ModelPreferences& modelPreferences() { return m_modelPreferences; }
    ui::CodePanelController& codePanel() { return m_codePanel; }
    MainWindowHost& window() { return m_host; }

signals:
    void quitRequested();

private:
    void connectSettings();

    EngineThread m_engine;
    ChatStorage m_storage;
    ui::ChatController m_chat;
    std::unique_ptr<ui::ModelLibrary> m_library;
    ModelScanner m_scanner;
    ui::ModelPicker m_picker;
    LoadedModelRecorder m_recorder;
    // Once, before the window shows the GPU choices: a GPU that appears later (a driver
    // installed while Conclave runs) is offered after a restart.
    GpuAvailability m_gpu;
    ui::AppSettings m_appSettings;
    ui::ModelPreferences m_modelPreferences;
    ui::CodePanelController m_codePanel;
    MainWindowHost m_host;
};

} // namespace conclave::app
