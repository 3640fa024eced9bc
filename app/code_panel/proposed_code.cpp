#include "proposed_code.h"

#include "markdown_blocks.h"

namespace conclave::code_panel {
namespace {

struct Candidate {
    int index = 0;
    ui::MarkdownBlock block;
};

QList<Candidate> inLanguage(const QList<Candidate>& blocks, const CodeLanguage& expected) {
    if (expected.isPlainText()) return blocks;
    QList<Candidate> matching;
    for (const Candidate& candidate : blocks)
        if (languageFor(candidate.block.language).id == expected.id) matching.append(candidate);
    if (!matching.isEmpty()) return matching;
    for (const Candidate& candidate : blocks)
        if (languageFor(candidate.block.language).isPlainText()) matching.append(candidate);
    return matching.isEmpty() ? blocks : matching;
}

QList<Candidate> withoutOriginal(const QList<Candidate>& blocks, const QString& original) {
    const QString trimmedOriginal = original.trimmed();
    if (trimmedOriginal.isEmpty()) return blocks;
    QList<Candidate> changed;
    for (const Candidate& candidate : blocks)
        if (candidate.block.text.trimmed() != trimmedOriginal) changed.append(candidate);
    return changed.isEmpty() ? blocks : changed;
}

} // namespace

ProposedCode extractProposedCode(const QString& answer, const CodeLanguage& expected,
                                 const QString& original) {
    QList<Candidate> blocks;
    int index = 0;
    for (const ui::MarkdownBlock& block : ui::splitMarkdownBlocks(answer)) {
        if (block.kind != ui::MarkdownBlock::Kind::code) continue;
        blocks.append({index++, block});
    }
    ProposedCode result;
    result.blockCount = index;
    if (blocks.isEmpty()) return result;

    const QList<Candidate> candidates = withoutOriginal(inLanguage(blocks, expected), original);
    const Candidate* chosen = &candidates.first();
    for (const Candidate& candidate : candidates)
        if (candidate.block.text.size() > chosen->block.text.size()) chosen = &candidate;
    const qsizetype longest = chosen->block.text.size();
    for (const Candidate& candidate : candidates)
        if (candidate.index > chosen->index && candidate.block.text.size() * 5 >= longest * 4)
            chosen = &candidate;

    result.found = true;
    result.code = chosen->block.text;
    // splitMarkdownBlocks drops the newline before the closing fence; code in the editor ends
    // with one.
    if (!result.code.isEmpty() && !result.code.endsWith(u'\n')) result.code += u'\n';
    result.language = chosen->block.language;
    result.complete = !chosen->block.open;
    result.blockIndex = chosen->index;
    return result;
}

QString matchLineEndings(const QString& proposed, const QString& original) {
    QString code = proposed;
    code.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    // The original's style is its first line end's.
    const qsizetype firstNewline = original.indexOf(u'\n');
    const bool crlf = firstNewline > 0 && original.at(firstNewline - 1) == u'\r';
    const bool finalNewline = original.isEmpty() || original.endsWith(u'\n');
    if (!finalNewline && code.endsWith(u'\n')) code.chop(1);
    if (crlf) code.replace(u'\n', QStringLiteral("\r\n"));
    return code;
}

} // namespace conclave::code_panel
