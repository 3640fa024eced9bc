#include "runtime/stop_strings.h"

#include <algorithm>

namespace conclave::runtime {

StopStringFilter::StopStringFilter(std::vector<std::string> stop_strings) : m_stops(std::move(stop_strings)) {
    std::erase_if(m_stops, [](const std::string& s) { return s.empty(); });
}

StopStringFilter::Step StopStringFilter::push(std::string_view piece) {
    Step step;
    if (m_stopped) return step;
    m_held += piece;
    // The earliest complete stop string wins, whichever it is.
    std::size_t first = std::string::npos;
    for (const std::string& stop : m_stops) {
        const std::size_t at = m_held.find(stop);
        if (at < first) first = at, step.matched = stop;
    }
    if (first != std::string::npos) {
        step.text = m_held.substr(0, first);
        step.stopped = m_stopped = true;
        m_held.clear();
        return step;
    }
    // Hold back the longest tail that a stop string begins with; release the rest.
    std::size_t keep = 0;
    for (const std::string& stop : m_stops)
        for (std::size_t n = std::min(stop.size() - 1, m_held.size()); n > keep; --n)
            if (m_held.compare(m_held.size() - n, n, stop, 0, n) == 0) {
                keep = n;
                break;
            }
    step.text = m_held.substr(0, m_held.size() - keep);
    m_held.erase(0, m_held.size() - keep);
    return step;
}

std::string StopStringFilter::finish() {
    std::string rest;
    if (!m_stopped) rest.swap(m_held);
    return rest;
}

} // namespace conclave::runtime
