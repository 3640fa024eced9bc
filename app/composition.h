#pragma once
// Composition: the application's object graph, built in dependency order on the GUI thread
// by main() (and by the GUI tests): the engine thread with its worker, the conversation
// database ($XDG_DATA_HOME/conclave/conclave.db, see chat_storage.h) and its store, the chat
// controller over both, the settings (AppSettings app-wide, ModelPreferences per model, both
// saved in the same database; a refused write shows in the error banner), and the main window
// over the controller. What opening the database found (recovered, refused) shows in the
// error banner. The default model, when set and present, starts loading at once. Destroyed
// in reverse: the window first, the engine thread (which stops and joins the worker) last.
// A quit request from the window stops a streaming answer (kept as "stopped") before it is
// passed on through quitRequested.

#include "app_language.h"
#include "app_settings.h"
#include "chat_controller.h"
#include "chat_storage.h"
#include "engine_thread.h"
#include "main_window_host.h"
#include "model_preferences.h"

#include <QObject>

namespace conclave::app {

class Composition : public QObject {
    Q_OBJECT
public:
    explicit Composition(QObject* parent = nullptr);
    // With the database at `databasePath` instead of the data folder's.
    explicit Composition(const QString& databasePath, QObject* parent = nullptr);
    ~Composition() override;

    EngineWorker* worker() const { return m_engine.worker(); }
    ui::ChatController& chat() { return m_chat; }
    ui::AppSettings& appSettings() { return m_appSettings; }
    ui::ModelPreferences& modelPreferences() { return m_modelPreferences; }
    MainWindowHost& window() { return m_host; }

signals:
    void quitRequested();

private:
    void connectSettings();

    EngineThread m_engine;
    ChatStorage m_storage;
    ui::ChatController m_chat;
    ui::AppSettings m_appSettings;
    ui::ModelPreferences m_modelPreferences;
    AppLanguage m_language;
    MainWindowHost m_host;
};

} // namespace conclave::app
