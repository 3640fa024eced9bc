#pragma once
// EngineWorker: the one place the app runs the engine. A QObject that lives in its own
// QThread (see EngineThread) and serves one request queue — load, unload, generate, count
// tokens — in the order the requests were made. It owns the loaded Model and one Session that
// is reused across turns, so a follow-up turn only computes its new tokens.
//
// Threads: the request methods and cancel() may be called from any thread (the GUI's); they
// only post to the worker's queue or set atomics, never wait. Everything else runs on the
// worker's thread. Results, progress and errors come back as signals emitted on the
// worker's thread, so receivers on the GUI thread get them queued. Streaming text is
// coalesced here: at most one generationProgress per frame (~16 ms), the first token at once.
//
// Cancel bypasses the queue: it cancels the running request and every request made before
// the call, through Session::request_cancel (between layers during a long prompt) and a check
// between tokens. A cancelled answer still finishes with generationFinished (stop reason
// "cancelled") carrying the partial text; a cancelled load fails with ErrorCode::cancelled.
// Errors never escape as exceptions: each arrives as requestFailed with an EngineError.

#include "engine_messages.h"
#include "reasoning_options.h"

#include "conclave/model.h"
#include "conclave/session.h"

#include <QObject>

#include <atomic>
#include <memory>
#include <mutex>

namespace conclave::app {

class EngineWorker : public QObject {
    Q_OBJECT
public:
    explicit EngineWorker(QObject* parent = nullptr);
    ~EngineWorker() override;

    // Each returns the request's id (increasing from 1) at once; the work happens in order on
    // the worker's thread.
    quint64 loadModel(const LoadRequest& request);
    quint64 unloadModel();
    quint64 generate(const GenerationRequest& request);
    // Tokens of the conversation rendered with the chat template (for the context meter).
    quint64 countTokens(const QList<ChatTurn>& turns);

    // Cancels the running request and all requests made before this call. Immediate.
    void cancel();

    // Coalescing interval for streamed text.
    static constexpr int frameIntervalMs = 16;

signals:
    void loadProgress(quint64 id, double fraction);
    void modelLoaded(quint64 id, const conclave::app::ModelSummary& model);
    // The loaded model moved to another backend while answering (the GPU was lost: it now runs
    // on the CPU); `model` says where it runs and why. Emitted before the answer's end.
    void backendChanged(const conclave::app::ModelSummary& model);
    void modelUnloaded(quint64 id);
    void generationStarted(quint64 id, int promptTokens);
    void generationProgress(quint64 id, const conclave::app::GenerationUpdate& update);
    void generationFinished(quint64 id, const conclave::app::GenerationUpdate& update,
                            const conclave::app::GenerationStats& stats);
    void tokensCounted(quint64 id, int tokens);
    void requestFailed(quint64 id, const conclave::app::EngineError& error);

private:
    quint64 nextId() { return m_nextId.fetch_add(1); }
    bool isCancelled(quint64 id) const { return id <= m_cancelledThrough.load(); }
    void setActiveSession(conclave::Session* session);

    void runLoad(quint64 id, const LoadRequest& request);
    void runUnload(quint64 id);
    void runGenerate(quint64 id, const GenerationRequest& request);
    void runCountTokens(quint64 id, const QList<ChatTurn>& turns);
    GenerationUpdate makeUpdate(const std::string& generated, bool startsInReasoning) const;

    std::atomic<quint64> m_nextId{1};
    std::atomic<quint64> m_cancelledThrough{0};

    // The session generating right now, for cancel() from other threads. Guarded so a cancel
    // never reaches a session the worker is destroying.
    std::mutex m_activeMutex;
    conclave::Session* m_activeSession = nullptr;

    // Worker thread only. The session refers to the model, so it is declared after it and
    // destroyed first.
    std::unique_ptr<conclave::Model> m_model;
    std::unique_ptr<conclave::Session> m_session;
    ModelSummary m_summary;
    ReasoningControls m_reasoning; // what the loaded model's chat template lets the user choose
};

} // namespace conclave::app
