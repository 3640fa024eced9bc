#pragma once
// Writes a whole file or leaves the old one untouched: the bytes go to a temporary file beside
// the target (QSaveFile), which replaces the target only once every byte was written. The
// writes are unbuffered so each one's failure is seen: with its buffer, Qt 6.4's QSaveFile
// lost the error of the last flush (a full disk) and committed a truncated file over the old
// one. Used wherever the app saves a user's file (exports, the code panel's Save).

#include <QByteArray>
#include <QString>

namespace conclave::ui {

// True when `path` now holds exactly `data`; otherwise false, with the reason in `error`.
bool write_file_atomically(const QString& path, const QByteArray& data, QString& error);

} // namespace conclave::ui
