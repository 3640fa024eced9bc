#include "code_editor_highlighter.h"

#include "code_highlighter.h"

#include <QTextBlock>
#include <QTextDocument>

namespace conclave::ui {

// Applies the formats of the last result to each line whose text it knows.
class LineFormatsHighlighter : public QSyntaxHighlighter {
public:
    using QSyntaxHighlighter::QSyntaxHighlighter;

    void setFormats(QHash<QString, QList<CodeEditorHighlighter::Span>> formats) {
        m_formats = std::move(formats);
        rehighlight();
    }

protected:
    void highlightBlock(const QString& text) override {
        const auto found = m_formats.constFind(text);
        if (found == m_formats.constEnd()) return;
        for (const CodeEditorHighlighter::Span& span : *found)
            setFormat(span.start, span.length, span.format);
    }

private:
    QHash<QString, QList<CodeEditorHighlighter::Span>> m_formats;
};

CodeEditorHighlighter::CodeEditorHighlighter(QObject* parent) : QObject(parent) {
    m_delay.setSingleShot(true);
    m_delay.setInterval(delayMs);
    connect(&m_delay, &QTimer::timeout, this, &CodeEditorHighlighter::request);
    connect(CodeHighlighter::shared(), &CodeHighlighter::highlighted, this,
            &CodeEditorHighlighter::onHighlighted);
}

CodeEditorHighlighter::~CodeEditorHighlighter() = default;

void CodeEditorHighlighter::setDocument(QQuickTextDocument* document) {
    if (document == m_document) return;
    if (m_document && m_document->textDocument()) m_document->textDocument()->disconnect(this);
    delete m_highlighter;
    m_highlighter = nullptr;
    m_document = document;
    if (document && document->textDocument()) {
        // Parented to the text document, so it goes with it.
        m_highlighter = new LineFormatsHighlighter(document->textDocument());
        connect(document->textDocument(), &QTextDocument::contentsChanged, this, [this] {
            if (m_document && m_document->textDocument()->toPlainText() != m_requestedText)
                m_delay.start();
        });
    }
    emit documentChanged();
    m_delay.start();
}

void CodeEditorHighlighter::setLanguage(const QString& language) {
    if (language == m_language) return;
    m_language = language;
    emit languageChanged();
    m_requestedText.clear();
    m_delay.start();
}

void CodeEditorHighlighter::setDark(bool dark) {
    if (dark == m_dark) return;
    m_dark = dark;
    emit darkChanged();
    m_requestedText.clear();
    m_delay.start();
}

void CodeEditorHighlighter::request() {
    if (!m_document || !m_highlighter) return;
    m_requestedText = m_document->textDocument()->toPlainText();
    if (m_language.isEmpty() || m_requestedText.isEmpty()) {
        m_key.clear();
        m_highlighter->setFormats({});
        m_colouredLines = 0;
        emit coloured();
        return;
    }
    m_key = CodeHighlighter::keyFor(m_requestedText, m_language, m_dark);
    const QString cached = CodeHighlighter::shared()->cached(m_key);
    if (!cached.isNull()) {
        onHighlighted(m_key);
        return;
    }
    CodeHighlighter::shared()->request(m_key, m_requestedText, m_language, m_dark);
}

void CodeEditorHighlighter::onHighlighted(const QString& key) {
    if (key != m_key || !m_highlighter) return;
    const QHash<QString, QList<Span>> formats = lineFormats(CodeHighlighter::shared()->cached(key));
    m_colouredLines = int(formats.size());
    m_highlighter->setFormats(formats);
    emit coloured();
}

QHash<QString, QList<CodeEditorHighlighter::Span>>
CodeEditorHighlighter::lineFormats(const QString& richText) {
    QHash<QString, QList<Span>> formats;
    if (richText.isEmpty()) return formats;
    QTextDocument parsed;
    parsed.setHtml(richText);
    for (QTextBlock block = parsed.begin(); block.isValid(); block = block.next()) {
        QList<Span> spans;
        for (auto fragment = block.begin(); !fragment.atEnd(); ++fragment) {
            const QTextFragment piece = fragment.fragment();
            const QTextCharFormat source = piece.charFormat();
            QTextCharFormat format;
            if (source.hasProperty(QTextFormat::ForegroundBrush))
                format.setForeground(source.foreground());
            if (source.fontWeight() > QFont::Normal) format.setFontWeight(source.fontWeight());
            if (source.fontItalic()) format.setFontItalic(true);
            if (format.propertyCount() == 0) continue;
            spans.append({piece.position() - block.position(), piece.length(), format});
        }
        if (!spans.isEmpty()) formats.insert(block.text(), spans);
    }
    return formats;
}

} // namespace conclave::ui
