#pragma once
// HighlightedCode: the QML face of CodeHighlighter for one code block. Set `code`,
// `language` and `dark`; `richText` becomes the coloured version once it is ready (at once
// when cached) and stays empty for plain text, an unknown language, a missing tool, or while
// `active` is false (a block still streaming is not coloured on every token).
//
// When only the theme changes, the old colours stay until the new ones arrive, so the block
// never flashes back to plain text. GUI thread only.

#include <QObject>
#include <QString>
#include <QtQml/qqmlregistration.h>

namespace conclave::ui {

class HighlightedCode : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString code READ code WRITE setCode NOTIFY codeChanged)
    Q_PROPERTY(QString language READ language WRITE setLanguage NOTIFY languageChanged)
    Q_PROPERTY(bool dark READ dark WRITE setDark NOTIFY darkChanged)
    Q_PROPERTY(bool active READ active WRITE setActive NOTIFY activeChanged)
    Q_PROPERTY(QString richText READ richText NOTIFY richTextChanged)
public:
    explicit HighlightedCode(QObject* parent = nullptr);

    QString code() const { return m_code; }
    void setCode(const QString& code);
    QString language() const { return m_language; }
    void setLanguage(const QString& language);
    bool dark() const { return m_dark; }
    void setDark(bool dark);
    bool active() const { return m_active; }
    void setActive(bool active);
    QString richText() const { return m_richText; }

    // Copies the code itself (not the coloured text) to the clipboard.
    Q_INVOKABLE void copyToClipboard() const;

signals:
    void codeChanged();
    void languageChanged();
    void darkChanged();
    void activeChanged();
    void richTextChanged();

private:
    void update(bool keepOldColours);
    void setRichText(const QString& richText);
    void onHighlighted(const QString& key);

    QString m_code;
    QString m_language;
    bool m_dark = false;
    bool m_active = true;
    QString m_key;
    QString m_richText;
};

} // namespace conclave::ui
