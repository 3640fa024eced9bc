#include "code_highlighter.h"

#include "kate_highlighter.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QPointer>

namespace conclave::ui {

namespace {

// Lives on the worker thread; owns the tool wrapper (and its caches of definition names).
class HighlightRunner : public QObject {
public:
    KateHighlighter tool;
};

} // namespace

CodeHighlighter::CodeHighlighter(QObject* parent) : QObject(parent), m_cache(cacheCostLimit) {
    m_thread.setObjectName(QStringLiteral("conclave-highlight"));
    auto* runner = new HighlightRunner;
    runner->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, runner, &QObject::deleteLater);
    m_runner = runner;
    m_thread.start(QThread::LowPriority);
}

CodeHighlighter::~CodeHighlighter() {
    // Queued jobs are dropped: quit() ends the loop after the job that is running (at most
    // KateHighlighter::defaultTimeoutMs).
    m_thread.quit();
    m_thread.wait();
}

CodeHighlighter* CodeHighlighter::shared() {
    static QPointer<CodeHighlighter> instance;
    if (!instance) instance = new CodeHighlighter(QCoreApplication::instance());
    return instance;
}

QString CodeHighlighter::themeName(bool dark) {
    return dark ? QStringLiteral("GitHub Dark") : QStringLiteral("GitHub Light");
}

QString CodeHighlighter::keyFor(const QString& code, const QString& language, bool dark) {
    QCryptographicHash hash(QCryptographicHash::Sha1);
    hash.addData(themeName(dark).toUtf8());
    hash.addData(QByteArrayView("\0", 1));
    hash.addData(language.toUtf8());
    hash.addData(QByteArrayView("\0", 1));
    hash.addData(code.toUtf8());
    return QString::fromLatin1(hash.result().toHex());
}

QString CodeHighlighter::cached(const QString& key) const {
    const QString* richText = m_cache.object(key);
    return richText ? *richText : QString();
}

void CodeHighlighter::request(const QString& key, const QString& code, const QString& language,
                              bool dark) {
    if (m_cache.contains(key) || m_failed.contains(key) || m_pending.contains(key)) return;
    m_pending.insert(key);
    auto* runner = static_cast<HighlightRunner*>(m_runner);
    const QString theme = themeName(dark);
    QPointer<CodeHighlighter> self(this);
    QMetaObject::invokeMethod(
        runner,
        [runner, self, key, code, language, theme] {
            const QString syntax = runner->tool.resolveSyntax(language);
            QString richText = runner->tool.highlight(code, syntax, theme);
            // Back to the GUI thread; `self` is checked there, where the highlighter lives.
            QMetaObject::invokeMethod(
                QCoreApplication::instance(),
                [self, key, richText] {
                    if (self) self->store(key, richText);
                },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

void CodeHighlighter::store(const QString& key, const QString& richText) {
    m_pending.remove(key);
    if (richText.isEmpty())
        m_failed.insert(key);
    else
        m_cache.insert(key, new QString(richText), static_cast<qsizetype>(richText.size()));
    emit highlighted(key);
}

} // namespace conclave::ui
