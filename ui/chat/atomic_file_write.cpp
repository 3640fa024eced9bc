#include "atomic_file_write.h"

#include <QSaveFile>

namespace conclave::ui {

bool write_file_atomically(const QString& path, const QByteArray& data, QString& error) {
    QSaveFile out(path);
    bool written = out.open(QIODevice::WriteOnly | QIODevice::Unbuffered);
    for (qint64 done = 0; written && done < data.size();) {
        const qint64 n = out.write(data.constData() + done, data.size() - done);
        written = n > 0;
        done += n;
    }
    written = written && out.commit(); // without a commit the temporary file is removed
    if (!written) error = out.errorString();
    return written;
}

} // namespace conclave::ui
