#include "storage_errors.h"

namespace conclave::app {

QString storageKindName(storage::ErrorKind kind) {
    switch (kind) {
    case storage::ErrorKind::disk_full:
        return QStringLiteral("disk_full");
    case storage::ErrorKind::write_failed:
        return QStringLiteral("write_failed");
    case storage::ErrorKind::read_only:
        return QStringLiteral("read_only");
    case storage::ErrorKind::cannot_open:
        return QStringLiteral("cannot_open");
    case storage::ErrorKind::corrupt:
        return QStringLiteral("corrupt");
    case storage::ErrorKind::newer_schema:
        return QStringLiteral("newer_schema");
    case storage::ErrorKind::busy:
        return QStringLiteral("busy");
    case storage::ErrorKind::not_found:
        return QStringLiteral("not_found");
    case storage::ErrorKind::invalid_input:
        return QStringLiteral("invalid_input");
    case storage::ErrorKind::other:
        return QStringLiteral("other");
    }
    return QStringLiteral("other");
}

ui::StoreError toStoreError(const storage::DatabaseError& error) {
    return ui::StoreError{QString::fromStdString(error.what()), storageKindName(error.kind())};
}

} // namespace conclave::app
