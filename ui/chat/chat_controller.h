#pragma once
// ChatController: the chat window's actions and state for QML — open a model, send a
// message, stop, regenerate, switch and start conversations, settings, the error banner.
// It turns user actions into EngineWorker requests and the worker's queued signals into
// changes of the MessageListModel, the ConversationListModel and the ConversationStore.
// QML never calls the engine; it calls this.
//
// Ownership: the composition root owns the worker and the store and passes them in; the
// controller owns its view models and settings. GUI thread only; every worker signal
// arrives queued. Only the answer of the latest request is applied: a stale signal (an
// answer cancelled by a switch) is ignored. Switching conversation or model, or quitting,
// while an answer streams cancels it and keeps the partial text marked "stopped" first.
//
// Branches: regenerate and edit add a sibling in the store's message tree and the view shows
// the new branch; showSibling moves to another version of a message (‹ 2/3 ›).
// Storage errors (StoreError: disk full, read-only) show in the error banner; the messages
// stay on screen (unsaved ones get negative ids) and saving is retried every few seconds and
// after each answer until it succeeds, then the storage banner clears itself.
// When the loaded model does not run (fully) on the GPU it was opened for, the engine's reason
// shows in the same banner as a notice (bannerIsNotice), also when a lost GPU moves it to the
// CPU while answering; reopenModel() loads the model again with the settings in effect.
// Each conversation may override the model's system prompt and sampling values
// (conversationSettings: loaded when it opens, saved on each change, used by every request);
// a new chat starts from the model's and keeps what was set once it is stored. Archived
// conversations stay in the store and in search, listed apart (ConversationListModel).
// Export and import go through `transfer`; its errors and results show in the banner.
// Deleting a conversation hides it at once and deletes it for real when the undo toast
// times out, at the next delete, or at quit; undoDelete() brings it back.

#include "conversation_list_model.h"
#include "conversation_settings.h"
#include "conversation_store.h"
#include "conversation_transfer.h"
#include "message_list_model.h"
#include "sampling_settings.h"
#include "search_model.h"

#include "engine_messages.h"

#include <QObject>
#include <QTimer>
#include <QUrl>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

namespace conclave::app {
class EngineWorker;
}

namespace conclave::ui {

class ChatController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("ChatController is created by the application")
    Q_PROPERTY(conclave::ui::MessageListModel* messages READ messages CONSTANT)
    Q_PROPERTY(conclave::ui::ConversationListModel* conversations READ conversations CONSTANT)
    Q_PROPERTY(conclave::ui::SamplingSettings* settings READ settings CONSTANT)
    Q_PROPERTY(conclave::ui::SearchModel* search READ search CONSTANT)
    Q_PROPERTY(conclave::ui::ConversationSettings* conversationSettings READ conversationSettings CONSTANT)
    Q_PROPERTY(conclave::ui::ConversationTransfer* transfer READ transfer CONSTANT)
    Q_PROPERTY(qint64 currentConversationId READ currentConversationId NOTIFY currentConversationChanged)
    Q_PROPERTY(QString currentTitle READ currentTitle NOTIFY currentTitleChanged)
    Q_PROPERTY(bool currentArchived READ currentArchived NOTIFY currentConversationChanged)
    Q_PROPERTY(ModelStatus modelStatus READ modelStatus NOTIFY modelChanged)
    Q_PROPERTY(QVariantMap model READ model NOTIFY modelChanged)
    Q_PROPERTY(QString loadingFile READ loadingFile NOTIFY modelChanged)
    Q_PROPERTY(double loadProgress READ loadProgress NOTIFY loadProgressChanged)
    Q_PROPERTY(bool generating READ generating NOTIFY generatingChanged)
    Q_PROPERTY(bool canRegenerate READ canRegenerate NOTIFY generatingChanged)
    Q_PROPERTY(int contextUsed READ contextUsed NOTIFY contextChanged)
    Q_PROPERTY(int contextSize READ contextSize NOTIFY contextChanged)
    Q_PROPERTY(bool errorVisible READ errorVisible NOTIFY errorChanged)
    Q_PROPERTY(QString errorTitle READ errorTitle NOTIFY errorChanged)
    Q_PROPERTY(QString errorMessage READ errorMessage NOTIFY errorChanged)
    Q_PROPERTY(QString errorHint READ errorHint NOTIFY errorChanged)
    Q_PROPERTY(QString errorDetails READ errorDetails NOTIFY errorChanged)
    Q_PROPERTY(bool bannerIsNotice READ bannerIsNotice NOTIFY errorChanged)
    Q_PROPERTY(bool undoVisible READ undoVisible NOTIFY undoChanged)
    Q_PROPERTY(QString undoTitle READ undoTitle NOTIFY undoChanged)
public:
    enum class ModelStatus { NoModel, Loading, Ready };
    Q_ENUM(ModelStatus)

    ChatController(app::EngineWorker* worker, ConversationStore* store, QObject* parent = nullptr);

    MessageListModel* messages() { return &m_messages; }
    ConversationListModel* conversations() { return &m_conversations; }
    SamplingSettings* settings() { return &m_settings; }
    SearchModel* search() { return &m_search; }
    ConversationSettings* conversationSettings() { return &m_conversationSettings; }
    ConversationTransfer* transfer() { return &m_transfer; }
    qint64 currentConversationId() const { return m_conversationId; }
    QString currentTitle() const;
    bool currentArchived() const { return m_conversations.isArchived(m_conversationId); }
    ModelStatus modelStatus() const { return m_modelStatus; }
    QVariantMap model() const { return m_model; }
    QString loadingFile() const { return m_loadingFile; }
    double loadProgress() const { return m_loadProgress; }
    bool generating() const { return m_generationId != 0; }
    bool canRegenerate() const;
    int contextUsed() const { return m_contextUsed; }
    int contextSize() const { return m_contextSize; }
    bool errorVisible() const { return !m_errorTitle.isEmpty(); }
    QString errorTitle() const { return m_errorTitle; }
    QString errorMessage() const { return m_errorMessage; }
    QString errorHint() const { return m_errorHint; }
    QString errorDetails() const { return m_errorDetails; }
    // The banner shows news rather than a failure (where the model runs: see showBackendNotice).
    bool bannerIsNotice() const { return m_bannerIsNotice; }
    bool undoVisible() const { return m_pendingDelete != 0; }
    QString undoTitle() const { return m_pendingDeleteTitle; }

    // A local file URL or path of a .gguf file. Stops a streaming answer first.
    Q_INVOKABLE void openModel(const QUrl& file);
    Q_INVOKABLE void cancelLoad();
    // Opens the loaded model again, so settings that apply at load (context length, threads,
    // CPU or GPU, GPU memory budget) take effect now. Nothing happens unless a model is ready.
    Q_INVOKABLE void reopenModel();
    // False (and nothing sent) when the text is empty, no model is ready or an answer streams.
    Q_INVOKABLE bool sendMessage(const QString& text);
    Q_INVOKABLE void stop();
    // A new answer beside the last one (a sibling branch); the old one stays reachable.
    Q_INVOKABLE void regenerate();
    // Resends the user message at `row` with new text as a sibling branch and answers it.
    Q_INVOKABLE bool editMessage(int row, const QString& text);
    // Shows the previous (-1) or next (+1) version of the message at `row`.
    Q_INVOKABLE void showSibling(int row, int delta);
    Q_INVOKABLE void newConversation();
    Q_INVOKABLE void selectConversation(qint64 id);
    Q_INVOKABLE void renameConversation(qint64 id, const QString& title);
    Q_INVOKABLE void setPinned(qint64 id, bool pinned);
    // Moves the conversation out of the date groups into "Archived" (and back); it stays open
    // when it is the current one.
    Q_INVOKABLE void setArchived(qint64 id, bool archived);
    // Hides the conversation and offers undo; the real delete follows (see above).
    Q_INVOKABLE void deleteConversation(qint64 id);
    Q_INVOKABLE void undoDelete();
    // Opens the conversation on the branch through `message` (0: as it was) and asks the view
    // to show that message (messageRevealRequested). Stops a streaming answer first. False
    // when the conversation could not be opened.
    Q_INVOKABLE bool openMessage(qint64 conversation, qint64 message);
    // openMessage for the search result at `row` of `search`.
    Q_INVOKABLE bool openSearchResult(int row);
    // Tries again to save what the store refused; true when everything is saved.
    Q_INVOKABLE bool retrySaving();
    Q_INVOKABLE void copyMessage(int row);
    Q_INVOKABLE void dismissError();
    // Called before the window closes: stops a streaming answer and keeps it as "stopped".
    Q_INVOKABLE void prepareToQuit();
    // After another language is installed: the strings made here (an untitled conversation's
    // title, answer figures and stop reasons, the sidebar's date groups) are asked for again.
    // QQmlEngine::retranslate() does the same for the window's qsTr strings.
    void retranslate();
    // Shows news that is not an engine error (the database was recovered, say) in the banner.
    void showNotice(const QString& title, const QString& message, const QString& hint, const QString& details);
    // News that is no failure (an import went through): the banner in its notice style.
    void showInformation(const QString& title, const QString& message);
    // A store other than the conversations' refused a write (the settings): shown like the
    // conversations' storage errors, under `title`, and cleared the same way.
    void reportStoreError(const QString& title, const StoreError& error);
    Q_INVOKABLE static bool isModelFile(const QUrl& file);
    // The model library's id of the loaded model, stored with each answer it writes (0: none).
    // Set by the app when a load finishes; openModel() resets it.
    void setModelId(qint64 id) { m_modelId = id; }
    qint64 modelId() const { return m_modelId; }
    // The Vulkan device later loads ask for (the app-wide AppSettings::gpuDevice, kept in
    // step by the app; -1: the best one). A loaded model stays where it is until reopened.
    void setGpuDevice(int index) { m_gpuDevice = index; }
    int gpuDevice() const { return m_gpuDevice; }

signals:
    // A search result is a code panel session: the panel opens it (the chat does not).
    void codePanelSessionRequested(qint64 session);
    // A model is about to be loaded: listeners may still change settings() (its context
    // length and threads go into the load request). Emitted synchronously by openModel.
    void modelOpening(const QString& path);
    // The model has loaded; its summary (defaults, reasoning controls) for listeners.
    void modelReady(const conclave::app::ModelSummary& summary);
    void currentConversationChanged();
    void currentTitleChanged(); // with every currentConversationChanged, and after retranslate()
    void modelChanged();
    void loadProgressChanged();
    void generatingChanged();
    void contextChanged();
    void errorChanged();
    void undoChanged();
    // An answer finished (normally, stopped or failed); for tests and accessibility.
    void answerFinished(int row);
    // The view should scroll to the message at `row` and highlight it for a moment.
    void messageRevealRequested(int row);

private:
    void connectWorker();
    void onLoadProgress(quint64 id, double fraction);
    void onModelLoaded(quint64 id, const app::ModelSummary& summary);
    void onGenerationStarted(quint64 id, int promptTokens);
    void onGenerationProgress(quint64 id, const app::GenerationUpdate& update);
    void onGenerationFinished(quint64 id, const app::GenerationUpdate& update, const app::GenerationStats& stats);
    void onTokensCounted(quint64 id, int tokens);
    void onRequestFailed(quint64 id, const app::EngineError& error);
    void onBackendChanged(const app::ModelSummary& summary);
    // The engine's note on why the model does not run (fully) on the GPU, as a notice.
    void showBackendNotice(const app::ModelSummary& summary);

    template <typename Write> bool save(Write&& write);
    void onStoreError(const StoreError& error);
    ChatMessage storeMessage(ChatMessage message, qint64 parent);
    void persistFinished(const ChatMessage& message);
    bool saveUnsavedMessages();
    void reloadBranch();
    void commitPendingDelete();
    void startGeneration();
    void abandonGeneration();
    void finishGeneration(ChatMessage::State state);
    int streamingRow() const;
    void applyUpdate(ChatMessage& message, const app::GenerationUpdate& update) const;
    void commitStreamingMessage(const ChatMessage& message);
    QList<app::ChatTurn> conversationTurns() const;
    void refreshConversations();
    // Creates the stored conversation for the chat on screen and saves its overrides.
    bool createStoredConversation(const QString& title);
    bool saveOverrides();
    void loadOverrides();
    void connectTransfer();
    void recountContext();
    void setContext(int used, int size);
    void showError(const QString& title, const app::EngineError& error);
    struct BannerText {
        QString title, message, hint, details;
    };
    // `notice`: news, not a failure.
    void setBanner(const BannerText& text, bool notice);

    app::EngineWorker* m_worker;
    ConversationStore* m_store;
    MessageListModel m_messages;
    ConversationListModel m_conversations;
    SamplingSettings m_settings;
    ConversationSettings m_conversationSettings{&m_settings};
    ConversationTransfer m_transfer;
    SearchModel m_search;

    qint64 m_conversationId = 0; // 0: a new chat not stored until its first message
    ModelStatus m_modelStatus = ModelStatus::NoModel;
    QVariantMap m_model;
    qint64 m_modelId = 0;
    int m_gpuDevice = -1; // see setGpuDevice
    QString m_loadingFile;
    double m_loadProgress = 0.0;
    quint64 m_loadId = 0;
    quint64 m_generationId = 0;
    quint64 m_countId = 0;
    qint64 m_streamingMessageId = 0;
    int m_contextUsed = 0;
    int m_contextSize = 0;
    int m_streamingPromptTokens = 0;

    QString m_errorTitle;
    QString m_errorMessage;
    QString m_errorHint;
    QString m_errorDetails;
    bool m_storageBanner = false; // the banner shows a storage error
    bool m_bannerIsNotice = false;
    bool m_overridesUnsaved = false; // the open conversation's overrides: a write was refused

    QTimer m_retryTimer;
    qint64 m_nextLocalId = -1; // ids of messages the store refused
    QTimer m_undoTimer;
    qint64 m_pendingDelete = 0;
    QString m_pendingDeleteTitle;
};

} // namespace conclave::ui
