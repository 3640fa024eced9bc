#pragma once
// How much memory the machine can give a model now: MemAvailable from /proc/meminfo on
// Linux (what the kernel says can be allocated without swapping, page cache included),
// else the system's count of free physical pages, else unknown. The model card compares
// its estimate with this. Thread-safe; never throws.

#include <QByteArray>
#include <QtGlobal>
#include <functional>

namespace conclave::app {

// Bytes, or -1 when the system does not say.
qint64 availableMemoryBytes();

// MemAvailable of a /proc/meminfo text in bytes; -1 when absent or malformed.
qint64 parseMemAvailable(const QByteArray& meminfo);

// The model card takes its figure from one of these (tests pass a fixed one).
using AvailableMemorySource = std::function<qint64()>;

} // namespace conclave::app
