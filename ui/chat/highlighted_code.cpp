#include "highlighted_code.h"

#include "code_highlighter.h"

#include <QClipboard>
#include <QGuiApplication>

namespace conclave::ui {

HighlightedCode::HighlightedCode(QObject* parent) : QObject(parent) {
    connect(CodeHighlighter::shared(), &CodeHighlighter::highlighted, this,
            &HighlightedCode::onHighlighted);
}

void HighlightedCode::setCode(const QString& code) {
    if (code == m_code) return;
    m_code = code;
    emit codeChanged();
    update(false);
}

void HighlightedCode::setLanguage(const QString& language) {
    if (language == m_language) return;
    m_language = language;
    emit languageChanged();
    update(false);
}

void HighlightedCode::setDark(bool dark) {
    if (dark == m_dark) return;
    m_dark = dark;
    emit darkChanged();
    update(true);
}

void HighlightedCode::setActive(bool active) {
    if (active == m_active) return;
    m_active = active;
    emit activeChanged();
    update(false);
}

void HighlightedCode::update(bool keepOldColours) {
    if (!m_active || m_code.isEmpty() || m_language.trimmed().isEmpty()) {
        m_key.clear();
        setRichText({});
        return;
    }
    CodeHighlighter* highlighter = CodeHighlighter::shared();
    m_key = CodeHighlighter::keyFor(m_code, m_language, m_dark);
    const QString cached = highlighter->cached(m_key);
    if (!cached.isNull()) {
        setRichText(cached);
        return;
    }
    if (!keepOldColours || highlighter->failed(m_key)) setRichText({});
    highlighter->request(m_key, m_code, m_language, m_dark);
}

void HighlightedCode::onHighlighted(const QString& key) {
    if (key == m_key) setRichText(CodeHighlighter::shared()->cached(key));
}

void HighlightedCode::setRichText(const QString& richText) {
    if (richText == m_richText) return;
    m_richText = richText;
    emit richTextChanged();
}

void HighlightedCode::copyToClipboard() const {
    if (QClipboard* clipboard = QGuiApplication::clipboard()) clipboard->setText(m_code);
}

} // namespace conclave::ui
