#pragma once
// ProposedCode: the code an answer proposes for the editor, taken from the answer's fenced
// code blocks — also while the answer is still streaming (an open fence is a block that is not
// complete yet).
//
// Which block, when there are several:
//  1. blocks in the expected language (the editor's, or Convert's target); when none is,
//     blocks without a language; when none is either, every block;
//  2. a block whose code equals the original (the model repeating the question) is dropped
//     unless it is the only one left;
//  3. the longest; a later block at least 4/5 as long wins over it, because answers that
//     show a version before and after put the final one last, while a short usage example
//     after the code does not replace it.
// Pure function; thread-safe.

#include "code_languages.h"

#include <QString>

namespace conclave::code_panel {

struct ProposedCode {
    bool found = false;
    QString code;          // without the fences; ends with a newline when the block had lines
    QString language;      // the block's fence word, may be empty
    bool complete = false; // the closing fence has arrived
    int blockIndex = -1;   // which code block of the answer (0-based)
    int blockCount = 0;    // how many code blocks the answer has

    bool operator==(const ProposedCode&) const = default;
};

ProposedCode extractProposedCode(const QString& answer, const CodeLanguage& expected,
                                 const QString& original = {});

// The proposed code written the way the original is: CRLF line ends when the original uses
// them (models answer with LF), and no final line end when the original has none — so Apply
// and the diff change only what the model changed.
QString matchLineEndings(const QString& proposed, const QString& original);

} // namespace conclave::code_panel
