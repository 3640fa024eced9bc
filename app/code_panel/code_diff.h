#pragma once
// CodeDiff: the difference between the editor's code and a proposed version, line by line
// (with Debian's dtl, Wu's O(NP) algorithm), with the changed words marked inside each
// changed line that has a counterpart, grouped into hunks with context as `diff -u` does.
//
// Lines are compared with their line ends, so a CRLF → LF change and a missing final newline
// are changes, as GNU diff sees them; `text` is shown without the line end. Unified output
// (`unifiedDiff`) writes the lines exactly as they are (CR included) and marks a last line
// without a newline with "\ No newline at end of file", so `patch` rebuilds the proposed text
// byte for byte. Positions are in UTF-16 code units of the QString (what a TextEdit counts).
// Pure functions; thread-safe.

#include <QList>
#include <QString>

namespace conclave::code_panel {

struct DiffSpan {
    int start = 0;
    int length = 0;
    bool operator==(const DiffSpan&) const = default;
};

struct DiffLine {
    enum class Kind { context, removed, added };
    Kind kind = Kind::context;
    QString text;      // without its line end
    QString lineEnd;   // "\n", "\r\n", or empty for a last line without one
    int oldNumber = 0; // 1-based; 0 for an added line
    int newNumber = 0; // 1-based; 0 for a removed line
    // Removed/added lines paired with a counterpart: the words that differ from it. Empty
    // for context lines and for lines with no counterpart (the whole line is new or gone).
    QList<DiffSpan> changed;
};

struct DiffHunk {
    int oldStart = 0; // as in "@@ -oldStart,oldCount +newStart,newCount @@"
    int oldCount = 0;
    int newStart = 0;
    int newCount = 0;
    QList<DiffLine> lines;

    QString header() const;
};

struct CodeDiff {
    QList<DiffHunk> hunks;
    int added = 0;   // lines
    int removed = 0; // lines

    bool identical() const { return hunks.isEmpty(); }
};

// Lines longer than this many words are marked as wholly changed rather than word by word.
inline constexpr int maxWordsPerMarkedLine = 20000;

CodeDiff diffCode(const QString& before, const QString& after, int contextLines = 3);

// The diff in unified format with "--- oldLabel" / "+++ newLabel" headers ("a/x.py",
// "b/x.py"); empty when the texts are equal. Ends with a newline.
QString unifiedDiff(const CodeDiff& diff, const QString& oldLabel, const QString& newLabel);
QString unifiedDiff(const QString& before, const QString& after, const QString& oldLabel,
                    const QString& newLabel, int contextLines = 3);

} // namespace conclave::code_panel
