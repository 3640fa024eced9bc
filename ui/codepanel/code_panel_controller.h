#pragma once
// CodePanelController: the code-assistant panel's state and actions for QML (issue 8) — the
// document (open, paste, edit, save with a check for changes on disk), its language, the
// tasks (code_tasks.h) answered by the loaded model through the shared EngineWorker, the
// streamed answer, the code it proposes as a diff against the editor, Apply / Copy, and the
// panel's own place in the window (visible, width) kept across restarts, and its list of
// recent sessions (open one, delete with undo). Each answer's task is stored with it, so
// the last answer of a session can be retried and applied after a restart.
//
// Ownership: the composition root owns the worker, the chat controller and the stores and
// passes them in; all must outlive this object. GUI thread only; worker signals arrive
// queued and are matched by request id, so the chat's requests are never taken for the
// panel's. One model answers one request at a time: tasks are refused while the chat is
// answering, and the chat's Send waits in the worker's queue while the panel answers.
//
// Errors: a file that cannot be read or written, and a store that refuses a write, set
// `notice` (shown in the panel) and change nothing else; engine errors end the answer as
// failed with the engine's message.

#include "code_diff.h"
#include "code_panel_session_list.h"
#include "code_panel_sessions.h"
#include "code_tasks.h"
#include "proposed_code.h"

#include <QObject>
#include <QTimer>
#include <QUrl>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

class QTextDocument;
class QQuickTextDocument;

namespace conclave::app {
class EngineWorker;
struct EngineError;
struct GenerationStats;
struct GenerationUpdate;
} // namespace conclave::app

namespace conclave::ui {

class ChatController;
class PreferenceStore;

class CodePanelController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The composition root makes the CodePanelController")
    // The panel in the window, remembered across restarts.
    Q_PROPERTY(bool panelVisible READ panelVisible WRITE setPanelVisible NOTIFY panelVisibleChanged)
    Q_PROPERTY(int panelWidth READ panelWidth WRITE setPanelWidth NOTIFY panelWidthChanged)
    // The document.
    Q_PROPERTY(QString code READ code NOTIFY documentChanged)
    Q_PROPERTY(QString languageId READ languageId NOTIFY documentChanged)
    Q_PROPERTY(QString languageName READ languageName NOTIFY languageNameChanged)
    Q_PROPERTY(QVariantList languages READ languages NOTIFY languagesChanged)
    Q_PROPERTY(QString filePath READ filePath NOTIFY documentChanged)
    Q_PROPERTY(QString fileName READ fileName NOTIFY documentChanged)
    Q_PROPERTY(bool modified READ modified NOTIFY documentChanged)
    Q_PROPERTY(bool saveConflict READ saveConflict NOTIFY saveConflictChanged)
    Q_PROPERTY(qint64 sessionId READ sessionId NOTIFY sessionChanged)
    // The recent sessions, newest first, with delete and undo.
    Q_PROPERTY(CodePanelSessionList* sessionList READ sessionList CONSTANT)
    Q_PROPERTY(QString notice READ notice NOTIFY noticeChanged)
    // The size of a task's prompt in the loaded model's tokens against its context.
    Q_PROPERTY(int promptTokens READ promptTokens NOTIFY tokensChanged)
    Q_PROPERTY(int contextSize READ contextSize NOTIFY tokensChanged)
    Q_PROPERTY(bool tooLarge READ tooLarge NOTIFY tokensChanged)
    // The task and its answer.
    Q_PROPERTY(bool canRun READ canRun NOTIFY busyChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(QString taskName READ taskName NOTIFY answerChanged)
    Q_PROPERTY(QString answer READ answer NOTIFY answerChanged)
    // The answer split for display: [{kind: "prose"|"code", text, language, open}].
    Q_PROPERTY(QVariantList answerBlocks READ answerBlocks NOTIFY answerChanged)
    Q_PROPERTY(QString answerStatus READ answerStatus NOTIFY answerChanged)
    Q_PROPERTY(double tokensPerSecond READ tokensPerSecond NOTIFY answerChanged)
    Q_PROPERTY(bool canRetry READ canRetry NOTIFY answerChanged)
    // The code the answer proposes, as a diff against the editor.
    Q_PROPERTY(bool hasProposal READ hasProposal NOTIFY proposalChanged)
    Q_PROPERTY(bool proposalComplete READ proposalComplete NOTIFY proposalChanged)
    Q_PROPERTY(QString proposedCode READ proposedCode NOTIFY proposalChanged)
    Q_PROPERTY(QVariantList diffRows READ diffRows NOTIFY proposalChanged)
    // The same diff side by side: [{kind: "hunk"|"context"|"changed"|"removed"|"added",
    // oldNumber, oldHtml, newNumber, newHtml}]; removed and added lines of a change paired.
    Q_PROPERTY(QVariantList sideBySideRows READ sideBySideRows NOTIFY proposalChanged)
    Q_PROPERTY(QString diffSummary READ diffSummary NOTIFY diffSummaryChanged)
public:
    // Preference keys (app settings) for the panel's place and its open session.
    static constexpr const char* visibleKey = "code_panel_visible";
    static constexpr const char* widthKey = "code_panel_width";
    static constexpr const char* sessionKey = "code_panel_session";
    static constexpr int defaultWidth = 520;
    static constexpr int minimumWidth = 320;
    // Edits are saved this long after the last keystroke.
    static constexpr int saveDelayMs = 500;
    // The prompt is counted again this long after the last change.
    static constexpr int countDelayMs = 400;

    CodePanelController(app::EngineWorker* worker, ChatController* chat,
                        ConversationStore* conversations, CodePanelSessions* sessions,
                        PreferenceStore* preferences, QObject* parent = nullptr);
    ~CodePanelController() override;

    // After another language is installed: the names made here ("Plain text", the diff's
    // "+3 −1 lines") are asked for again. An answer's status already shown keeps its language.
    void retranslate();

    bool panelVisible() const { return m_visible; }
    void setPanelVisible(bool visible);
    int panelWidth() const { return m_width; }
    void setPanelWidth(int width);

    QString code() const { return m_document.content; }
    QString languageId() const { return m_document.language; }
    QString languageName() const;
    QVariantList languages() const;
    QString filePath() const { return m_document.filePath; }
    QString fileName() const;
    bool modified() const { return m_document.content != m_fileContent; }
    bool saveConflict() const { return m_saveConflict; }
    qint64 sessionId() const { return m_session; }
    CodePanelSessionList* sessionList() { return &m_sessionList; }
    QString notice() const { return m_notice; }
    int promptTokens() const { return m_promptTokens; }
    int contextSize() const;
    bool tooLarge() const;
    bool canRun() const;
    bool busy() const { return m_requestId != 0; }
    QString taskName() const;
    QString answer() const { return m_answer; }
    QString answerStatus() const { return m_answerStatus; }
    QVariantList answerBlocks() const;
    double tokensPerSecond() const { return m_tokensPerSecond; }
    bool canRetry() const { return !busy() && m_lastRequest.has_value() && m_retryable; }
    bool hasProposal() const { return m_proposal.found && m_showsProposal; }
    bool proposalComplete() const { return m_proposal.complete; }
    QString proposedCode() const { return m_proposedCode; }
    QVariantList diffRows() const { return m_diffRows; }
    QVariantList sideBySideRows() const { return m_sideBySideRows; }
    QString diffSummary() const;

    Q_INVOKABLE void togglePanel() { setPanelVisible(!m_visible); }
    // Reads a local UTF-8 text file (as the chat's attachments, up to 1 MiB) into a new
    // session; false with `notice` set when it cannot.
    Q_INVOKABLE bool openFile(const QUrl& file);
    // Starts a new session with `code` (pasted, or a chat's code block) in `language` (a
    // fence word; empty: detected from the content).
    Q_INVOKABLE void openCode(const QString& code, const QString& language);
    // An empty panel; the next code typed or pasted starts a new session (the old one stays
    // stored and is found by search).
    Q_INVOKABLE void newDocument();
    // The editor's text changed (typing, paste, Apply, undo).
    Q_INVOKABLE void setCode(const QString& code);
    Q_INVOKABLE void setLanguage(const QString& languageId);
    // Saves to the document's file. False with saveConflict set when the file changed on disk
    // since it was read (the panel asks; saveFile(true) overwrites), and false with `notice`
    // when there is no file (the panel asks for one: saveFileAs) or the write failed.
    Q_INVOKABLE bool saveFile(bool overwriteChanges = false);
    Q_INVOKABLE bool saveFileAs(const QUrl& file);
    Q_INVOKABLE void cancelSave();
    Q_INVOKABLE void dismissNotice();

    // Runs `task` ("explain", "review", "fix", "write_tests", "document", "convert",
    // "instruction") on the code, or on [selectionStart, selectionEnd) when that is not empty.
    // `detail`: the problem (fix) or the instruction; `target`: convert's language id.
    Q_INVOKABLE bool runTask(const QString& task, const QString& detail, const QString& target,
                             int selectionStart, int selectionEnd);
    Q_INVOKABLE void stop();
    Q_INVOKABLE bool retry();
    // Replaces the editor's text (or the selection the task ran on) with the proposed code as
    // one undoable step; false when there is nothing complete to apply.
    Q_INVOKABLE bool applyProposal(QQuickTextDocument* document);
    bool applyProposalTo(QTextDocument* document);
    Q_INVOKABLE void copyUnifiedDiff() const;
    Q_INVOKABLE void copyProposedCode() const;
    QString unifiedDiffText() const;
    // The running task's worker request (0: none); tests answer it in the worker's place.
    quint64 requestId() const { return m_requestId; }
    // Counts the Explain prompt of the code (or the selection) with the model's tokenizer.
    Q_INVOKABLE void countTokens(int selectionStart = 0, int selectionEnd = 0);
    // Starts a chat with the code attached as the draft (the chat's composer takes it).
    Q_INVOKABLE void discussInChat();
    // Opens a stored session (from search or the session list); false when it is not a panel
    // session or waits for its delete.
    Q_INVOKABLE bool openSession(qint64 session);
    // Deletes a session from the list with undo; the panel empties when it showed it. Refused
    // (false, with a notice) for the shown session while it answers.
    Q_INVOKABLE bool deleteSession(qint64 session);
    // Brings the deleted session back, in the panel again when the panel showed it.
    Q_INVOKABLE void undoDeleteSession();

signals:
    void panelVisibleChanged();
    void panelWidthChanged();
    void documentChanged();
    void saveConflictChanged();
    void sessionChanged();
    void noticeChanged();
    void tokensChanged();
    void busyChanged();
    void answerChanged();
    void proposalChanged();
    void languageNameChanged(); // with every documentChanged, and after retranslate()
    void languagesChanged();    // after retranslate()
    void diffSummaryChanged();  // with every proposalChanged, and after retranslate()
    // Discuss in chat: the composer should take `text` as its draft in a new chat.
    void discussRequested(const QString& text);

private:
    void onProgress(quint64 id, const app::GenerationUpdate& update);
    void onFinished(quint64 id, const app::GenerationUpdate& update,
                    const app::GenerationStats& stats);
    void onFailed(quint64 id, const app::EngineError& error);
    void onTokensCounted(quint64 id, int tokens);
    bool send(const code_panel::TaskRequest& request);
    void setDocument(const PanelDocument& document, bool newSession);
    void ensureSession();
    void saveDocumentNow();
    void restore();
    void updateProposal();
    void setNotice(const QString& notice);
    void clearAnswer();
    void restoreAnswer(const ChatMessage& answer);
    void setAnswerStatus(const QString& status);
    void writePreference(const char* key, const QString& value);
    code_panel::TaskRequest requestFor(code_panel::CodeTask task, int selectionStart,
                                       int selectionEnd) const;

    app::EngineWorker* m_worker;
    ChatController* m_chat;
    ConversationStore* m_conversations;
    CodePanelSessions* m_sessions;
    PreferenceStore* m_preferences;
    CodePanelSessionList m_sessionList;
    qint64 m_deletedShownSession = 0; // the deleted session the panel showed, for undo

    bool m_visible = false;
    int m_width = defaultWidth;
    PanelDocument m_document;
    QString m_fileContent; // the file's text as last read or written; compared for `modified`
    bool m_saveConflict = false;
    qint64 m_session = 0;
    QString m_notice;
    QTimer m_saveTimer;
    QTimer m_countTimer;
    quint64 m_countId = 0;
    int m_promptTokens = -1;
    int m_countSelectionStart = 0;
    int m_countSelectionEnd = 0;

    quint64 m_requestId = 0;
    std::optional<code_panel::TaskRequest> m_lastRequest;
    bool m_retryable = false; // false for a restored answer whose task was not stored
    int m_selectionStart = 0; // what the last task ran on, for Apply
    int m_selectionEnd = 0;
    QString m_answer;
    QString m_answerStatus;
    double m_tokensPerSecond = 0.0;
    ChatMessage m_answerMessage; // stored as the session's message
    code_panel::ProposedCode m_proposal;
    bool m_showsProposal = false;
    QString m_proposedCode; // the proposal as it would replace the task's code
    QString m_diffBase;     // what the proposal is compared with
    QString
        m_beforeApply; // the editor's text before Apply: an undo back to it shows the diff again
    QVariantList m_diffRows;
    QVariantList m_sideBySideRows;
    code_panel::CodeDiff m_diff;
};

} // namespace conclave::ui
