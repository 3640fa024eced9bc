#pragma once
// The app's stores over storage/ report storage::DatabaseError to the view models as
// ui::StoreError (the banner's message and the error kind's name). One translation for every
// store; no state; thread-safe.

#include "conclave/storage/database_error.h"
#include "conversation_store.h"

#include <QString>

namespace conclave::app {

QString storageKindName(storage::ErrorKind kind);
ui::StoreError toStoreError(const storage::DatabaseError& error);

// Runs one storage call, turning its DatabaseError into a StoreError.
template <typename Call> auto guarded(Call&& call) -> decltype(call()) {
    try {
        return call();
    } catch (const storage::DatabaseError& error) {
        throw toStoreError(error);
    }
}

} // namespace conclave::app
