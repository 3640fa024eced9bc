#include "loaded_model_recorder.h"

#include "chat_controller.h"
#include "engine_worker.h"
#include "model_library.h"

#include <QFileInfo>

namespace conclave::app {

LoadedModelRecorder::LoadedModelRecorder(EngineWorker* worker, ui::ChatController* chat,
                                         ui::ModelLibrary* library, QObject* parent)
    : QObject(parent), m_chat(chat), m_library(library) {
    connect(
        worker, &EngineWorker::modelLoaded, this,
        [this](quint64, const ModelSummary& summary) { onModelLoaded(summary); },
        Qt::QueuedConnection);
}

void LoadedModelRecorder::onModelLoaded(const ModelSummary& summary) {
    if (m_chat->modelStatus() != ui::ChatController::ModelStatus::Ready ||
        m_chat->model().value(QStringLiteral("path")).toString() != summary.path)
        return;
    ui::RecentModel model;
    model.path = summary.path;
    model.name = summary.name;
    model.architecture = summary.architecture;
    model.parameters = summary.parameterCount;
    model.activeParameters = summary.activeParameterCount;
    model.quantMix = summary.quantMix;
    model.fileBytes = summary.fileBytes;
    model.contextLength = summary.trainedContext;
    m_chat->setModelId(m_library->recordLoaded(model));
}

QString defaultModelAtStart(ui::ModelLibrary& library, const QString& modelsFolder) {
    const QString chosen = library.defaultModel();
    if (!chosen.isEmpty() && QFileInfo(chosen).isFile()) return chosen;
    const QString bundled = modelsFolder + QStringLiteral("/SmolLM2-135M-Instruct.Q4_1.gguf");
    return QFileInfo(bundled).isFile() ? bundled : QString();
}

QString modelAtStart(const QString& commandLineFile, ui::ModelLibrary& library,
                     const QString& modelsFolder) {
    if (!commandLineFile.isEmpty()) return commandLineFile;
    return defaultModelAtStart(library, modelsFolder);
}

} // namespace conclave::app
