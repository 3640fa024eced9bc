#pragma once
// CodeEditorHighlighter: colours the code panel's editor with KDE Syntax Highlighting, the
// same way the chat colours its code blocks (CodeHighlighter runs the tool off the GUI
// thread). The whole text is sent a moment after the last edit; the coloured result is read
// back line by line (through QTextDocument's HTML reader) and applied as formats by a
// QSyntaxHighlighter, matched by each line's text, so lines that only moved keep their colours
// while the next result is on its way and the text itself is never replaced.
//
// Set `document` (a TextEdit's textDocument), `language` (a fence word) and `dark`. GUI
// thread only.

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QQuickTextDocument>
#include <QSyntaxHighlighter>
#include <QTextCharFormat>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

namespace conclave::ui {

class LineFormatsHighlighter;

class CodeEditorHighlighter : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QQuickTextDocument* document READ document WRITE setDocument NOTIFY documentChanged)
    Q_PROPERTY(QString language READ language WRITE setLanguage NOTIFY languageChanged)
    Q_PROPERTY(bool dark READ dark WRITE setDark NOTIFY darkChanged)
    // Lines coloured by the last result (for tests).
    Q_PROPERTY(int colouredLines READ colouredLines NOTIFY coloured)
public:
    static constexpr int delayMs = 300;

    explicit CodeEditorHighlighter(QObject* parent = nullptr);
    ~CodeEditorHighlighter() override;

    QQuickTextDocument* document() const { return m_document; }
    void setDocument(QQuickTextDocument* document);
    QString language() const { return m_language; }
    void setLanguage(const QString& language);
    bool dark() const { return m_dark; }
    void setDark(bool dark);
    int colouredLines() const { return m_colouredLines; }

    struct Span {
        int start = 0;
        int length = 0;
        QTextCharFormat format;
    };
    // The coloured rich text read back as formats per line text.
    static QHash<QString, QList<Span>> lineFormats(const QString& richText);

signals:
    void documentChanged();
    void languageChanged();
    void darkChanged();
    void coloured();

private:
    void request();
    void onHighlighted(const QString& key);

    QPointer<QQuickTextDocument> m_document;
    LineFormatsHighlighter* m_highlighter = nullptr; // owned by the text document
    QString m_language;
    bool m_dark = false;
    QString m_key;
    QString m_requestedText;
    QTimer m_delay;
    int m_colouredLines = 0;
};

} // namespace conclave::ui
