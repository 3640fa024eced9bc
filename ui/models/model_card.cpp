#include "model_card.h"

#include <QFileInfo>
#include <QLocale>
#include <algorithm>

namespace conclave::ui {

ModelCard::ModelCard(app::AvailableMemorySource availableMemory, QObject* parent)
    : QObject(parent), m_availableMemory(std::move(availableMemory)) {}

void ModelCard::expect(const QString& path) {
    m_path = path;
    m_facts = {};
    m_facts.path = path;
    m_neededBytes = 0;
    m_status = Status::Inspecting;
    emit changed();
}

void ModelCard::setFacts(const app::ModelFacts& facts) {
    if (m_status != Status::Inspecting || facts.path != m_path) return;
    m_facts = facts;
    m_status = Status::Ready;
    estimate();
    emit changed();
}

void ModelCard::clear() {
    m_path.clear();
    m_facts = {};
    m_neededBytes = 0;
    m_status = Status::Empty;
    emit changed();
}

void ModelCard::setContextSize(int tokens) {
    if (tokens == m_contextSize || tokens <= 0) return;
    m_contextSize = tokens;
    if (m_status == Status::Ready) estimate();
    emit changed();
}

void ModelCard::estimate() {
    m_neededBytes = app::estimateMemoryBytes(m_facts, m_contextSize);
    m_availableBytes = m_availableMemory ? m_availableMemory() : -1;
}

QString ModelCard::fileName() const {
    return QFileInfo(m_path).fileName();
}

QString ModelCard::parameters() const {
    if (m_facts.parameters <= 0) return {};
    const QString total = app::describeParameterCounts(m_facts.parameters, m_facts.parameters);
    if (m_facts.activeParameters <= 0 || m_facts.activeParameters >= m_facts.parameters)
        return total;
    return tr("%1 total, %2 active per token")
        .arg(total,
             app::describeParameterCounts(m_facts.activeParameters, m_facts.activeParameters));
}

QString ModelCard::experts() const {
    if (m_facts.experts <= 0) return {};
    return tr("%1 total, %2 active per token").arg(m_facts.experts).arg(m_facts.expertsUsed);
}

QString ModelCard::fileSize() const {
    if (m_facts.fileBytes <= 0) return {};
    const QString size = QLocale().formattedDataSize(m_facts.fileBytes);
    return m_facts.splitParts > 1 ? tr("%1 in %2 parts").arg(size).arg(m_facts.splitParts) : size;
}

int ModelCard::effectiveContext() const {
    return m_facts.contextLength > 0 ? std::min(m_contextSize, m_facts.contextLength)
                                     : m_contextSize;
}

QString ModelCard::neededMemory() const {
    return m_neededBytes > 0 ? QLocale().formattedDataSize(m_neededBytes) : QString();
}

QString ModelCard::availableMemory() const {
    return m_availableBytes >= 0 ? QLocale().formattedDataSize(m_availableBytes) : tr("unknown");
}

bool ModelCard::fits() const {
    return m_availableBytes < 0 || m_neededBytes <= m_availableBytes;
}

QString ModelCard::refusal() const {
    if (m_status != Status::Ready) return {};
    if (!m_facts.readable)
        return tr("This file cannot be read as a GGUF model: %1").arg(m_facts.problem);
    if (!m_facts.supported) {
        if (m_facts.problemCode == static_cast<int>(conclave::ErrorCode::unsupported))
            return tr("Conclave cannot run this model yet (%1).").arg(m_facts.problem);
        return tr("This model cannot be loaded: %1").arg(m_facts.problem);
    }
    if (!fits())
        return tr("Not enough memory: this model needs about %1 at a context of %2 tokens, but "
                  "only %3 is "
                  "available. Close other programs, or choose a shorter context or a smaller "
                  "model.")
            .arg(neededMemory(), QLocale().toString(effectiveContext()), availableMemory());
    return {};
}

} // namespace conclave::ui
