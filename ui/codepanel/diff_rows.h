#pragma once
// The code panel's diff as rows for its views: the unified view's rows
// [{kind: "hunk"|"context"|"removed"|"added", html, oldNumber, newNumber}] and the side-by-side
// view's rows [{kind: "hunk"|"context"|"changed"|"removed"|"added", oldNumber, oldHtml,
// newNumber, newHtml}] (each change's removed and added lines paired). Lines are rich text,
// their changed words on a stronger background; at most 4,000 unified rows, so a huge change
// cannot stall the GUI. Pure functions; thread-safe.

#include "code_diff.h"

#include <QVariantList>

namespace conclave::ui {

struct DiffRows {
    QVariantList unified;
    QVariantList sideBySide;
};

DiffRows buildDiffRows(const code_panel::CodeDiff& diff);

} // namespace conclave::ui
