#pragma once
// ModelPreferences: keeps each model's settings. When a model is opened it puts that model's
// saved load-time settings (context length, threads, CPU or GPU, GPU memory budget) into
// SamplingSettings before the load request is made; when the model has loaded it sets the
// model's defaults (the engine's sampling defaults, overridden by what the model file
// recommends) and the saved choices over them, and which reasoning controls the model's chat
// template offers. From then on every change the user makes is saved for that model (a moment
// after the last change, so dragging a slider is one write), as overrides of the defaults —
// "Reset to model defaults" clears them. A model opened for the first time loads with the
// load-time settings in use (they describe the machine more than the model) and starts from
// its own sampling defaults.
//
// Ownership: borrows the settings and the store (both outlive it). GUI thread only. A save
// the store refuses is kept, reported through saveFailed (the window shows it in its error
// banner) and tried again every few seconds; `saved` follows once it succeeds.

#include "engine_messages.h"
#include "preference_store.h"
#include "sampling_settings.h"

#include <QObject>
#include <QTimer>
#include <optional>
#include <utility>

namespace conclave::ui {

class ModelPreferences : public QObject {
    Q_OBJECT
public:
    ModelPreferences(SamplingSettings* settings, PreferenceStore* store, QObject* parent = nullptr);

    // Connected to the ChatController's modelOpening (before the load request is built) and
    // modelReady.
    void modelOpening(const QString& path);
    void modelLoaded(const app::ModelSummary& summary);

    // Writes a change still waiting (also one of the previously loaded model that the store
    // refused); true when nothing is left unsaved.
    bool saveNow();
    QString modelPath() const { return m_model.path; }

    // The defaults of a model: the engine's, with the values the file recommends.
    static SamplingValues modelDefaults(const app::SamplingDefaults& recommended);

signals:
    void saveFailed(const conclave::ui::StoreError& error);
    void saved(); // a save that had failed went through

private:
    void onChanged();
    ModelOverrides readOverrides(const QString& path);

    SamplingSettings* m_settings;
    PreferenceStore* m_store;
    ModelFacts m_model;      // the loaded model; empty path while none is
    bool m_applying = false; // setting values from the store: not a user change
    bool m_dirty = false;
    bool m_failed = false;
    // A previous model's change the store refused, still to be written (see saveNow).
    std::optional<std::pair<ModelFacts, ModelOverrides>> m_unsavedPrevious;
    QTimer m_saveTimer;
    QTimer m_retryTimer;
};

} // namespace conclave::ui
