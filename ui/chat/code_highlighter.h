#pragma once
// CodeHighlighter: the app's one source of coloured code. Requests are answered from a cache
// (keyed by language, theme and code) or queued to a worker thread that runs KateHighlighter,
// so the GUI thread never waits for the external tool. Results arrive as `highlighted(key)`;
// the coloured text is then read with `cached(key)`.
//
// Ownership: `shared()` makes one instance parented to the QCoreApplication, so its worker
// thread is stopped and joined when the application object goes, before static destruction.
// GUI thread only (its worker is internal).

#include <QCache>
#include <QObject>
#include <QSet>
#include <QString>
#include <QThread>

namespace conclave::ui {

class CodeHighlighter : public QObject {
    Q_OBJECT
public:
    explicit CodeHighlighter(QObject* parent = nullptr);
    ~CodeHighlighter() override;

    static CodeHighlighter* shared();

    // The theme's name in KDE's theme set, chosen to sit on Theme.codeBackground.
    static QString themeName(bool dark);
    static QString keyFor(const QString& code, const QString& language, bool dark);

    // The rich text for `key`, or a null string when it is not ready (or failed).
    QString cached(const QString& key) const;
    bool failed(const QString& key) const { return m_failed.contains(key); }
    // Queues the work unless it is cached, failed before or already queued.
    void request(const QString& key, const QString& code, const QString& language, bool dark);

    // 8 MiB of rich text: hundreds of long code blocks; re-colouring one is cheap.
    static constexpr int cacheCostLimit = 8 * 1024 * 1024;

signals:
    void highlighted(const QString& key);

private:
    void store(const QString& key, const QString& richText);

    QThread m_thread;
    QObject* m_runner = nullptr; // lives on m_thread
    QCache<QString, QString> m_cache;
    QSet<QString> m_pending;
    QSet<QString> m_failed;
};

} // namespace conclave::ui
