#include "model_library.h"

#include <QFileInfo>
#include <algorithm>

namespace conclave::ui {

QList<RecentModel> InMemoryModelLibrary::recentModels() {
    for (RecentModel& model : m_models) model.missing = !QFileInfo::exists(model.path);
    QList<RecentModel> list = m_models;
    std::stable_sort(list.begin(), list.end(), [](const RecentModel& a, const RecentModel& b) {
        return a.lastUsed > b.lastUsed;
    });
    return list;
}

qint64 InMemoryModelLibrary::recordLoaded(const RecentModel& model) {
    auto known = std::find_if(m_models.begin(), m_models.end(),
                              [&](const RecentModel& m) { return m.path == model.path; });
    RecentModel stored = model;
    stored.id = known != m_models.end() ? known->id : m_nextId++;
    stored.lastUsed = QDateTime::currentDateTime();
    stored.missing = false;
    if (known != m_models.end())
        *known = stored;
    else
        m_models.append(stored);
    return stored.id;
}

} // namespace conclave::ui
