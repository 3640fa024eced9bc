#include "model_library.h"

#include <QFileInfo>
#include <algorithm>

namespace conclave::ui {

QList<RecentModel> InMemoryModelLibrary::recentModels() {
    QList<RecentModel> list;
    for (RecentModel& model : m_models) {
        model.missing = !QFileInfo::exists(model.path);
        if (m_shown.contains(model.id)) list.append(model);
    }
    std::stable_sort(list.begin(), list.end(), [](const RecentModel& a, const RecentModel& b) {
        if (a.favourite != b.favourite) return a.favourite;
        return a.lastUsed > b.lastUsed;
    });
    return list;
}

qint64 InMemoryModelLibrary::recordLoaded(const RecentModel& model) {
    auto known = std::find_if(m_models.begin(), m_models.end(),
                              [&](const RecentModel& m) { return m.path == model.path; });
    RecentModel stored = model;
    stored.id = known != m_models.end() ? known->id : m_nextId++;
    stored.favourite = known != m_models.end() && known->favourite;
    stored.lastUsed = QDateTime::currentDateTime();
    stored.missing = false;
    if (known != m_models.end())
        *known = stored;
    else
        m_models.append(stored);
    m_shown.insert(stored.id);
    return stored.id;
}

bool InMemoryModelLibrary::setFavourite(const RecentModel& model, bool favourite) {
    auto known = std::find_if(m_models.begin(), m_models.end(),
                              [&](const RecentModel& m) { return m.path == model.path; });
    if (known == m_models.end()) {
        RecentModel stored = model;
        stored.id = m_nextId++;
        stored.lastUsed = {};
        m_models.append(stored);
        known = m_models.end() - 1;
    }
    known->favourite = favourite;
    if (favourite || known->lastUsed.isValid())
        m_shown.insert(known->id);
    else
        m_shown.remove(known->id);
    return true;
}

bool InMemoryModelLibrary::removeFromRecent(qint64 id) {
    for (RecentModel& model : m_models)
        if (model.id == id) {
            model.favourite = false;
            model.lastUsed = {};
            m_shown.remove(id);
            return true;
        }
    return false;
}

bool InMemoryModelLibrary::relocate(qint64 id, const QString& path) {
    auto located = std::find_if(m_models.begin(), m_models.end(),
                                [&](const RecentModel& m) { return m.id == id; });
    if (located == m_models.end()) return false;
    // A row already at that path becomes this one (see ModelStore::relocate).
    for (auto other = m_models.begin(); other != m_models.end(); ++other)
        if (other->path == path && other->id != id) {
            located->favourite = located->favourite || other->favourite;
            located->lastUsed = std::max(located->lastUsed, other->lastUsed);
            m_shown.remove(other->id);
            m_models.erase(other);
            break;
        }
    located = std::find_if(m_models.begin(), m_models.end(),
                           [&](const RecentModel& m) { return m.id == id; });
    located->path = path;
    located->fileBytes = QFileInfo(path).size();
    located->missing = false;
    return true;
}

} // namespace conclave::ui
