#include "conclave/storage/database_error.h"

#include <cerrno>
#include <sqlite3.h>

namespace conclave::storage {

ErrorKind error_kind_for(int sqlite_code, int system_errno) {
    switch (sqlite_code & 0xff) {
    case SQLITE_FULL:
        return ErrorKind::disk_full;
    case SQLITE_READONLY:
        return ErrorKind::read_only;
    case SQLITE_PERM:
        return ErrorKind::read_only;
    case SQLITE_CANTOPEN:
        return system_errno == EACCES || system_errno == EROFS || system_errno == EPERM
                   ? ErrorKind::read_only
                   : ErrorKind::cannot_open;
    case SQLITE_CORRUPT:
        return ErrorKind::corrupt;
    case SQLITE_NOTADB:
        return ErrorKind::corrupt;
    case SQLITE_BUSY:
        return ErrorKind::busy;
    case SQLITE_LOCKED:
        return ErrorKind::busy;
    case SQLITE_IOERR:
        // A write that hit the end of the disk, a quota or a file-size limit reaches SQLite
        // as an I/O error; the user's remedy is the same as for SQLITE_FULL.
        if (system_errno == ENOSPC || system_errno == EDQUOT || system_errno == EFBIG)
            return ErrorKind::disk_full;
        if (system_errno == EROFS || system_errno == EACCES) return ErrorKind::read_only;
        // SQLite often cannot say why a write failed (its errno is gone by then); it is still
        // a failed write, which the caller handles like a full disk.
        return ErrorKind::write_failed;
    default:
        return ErrorKind::other;
    }
}

} // namespace conclave::storage
