#include "app_settings.h"

#include <QFileInfo>
#include <QLocale>

#include <cmath>

namespace conclave::ui {
namespace {

using conclave::GpuKind;

constexpr int retryIntervalMs = 5000;

// Keys in the store; never renamed (older databases hold them).
const QString themeKey = QStringLiteral("theme");
const QString languageKey = QStringLiteral("language");
const QString sendKeyKey = QStringLiteral("send_key");
const QString defaultModelKey = QStringLiteral("default_model");
const QString gpuDeviceIndexKey = QStringLiteral("gpu_device_index"); // -1: automatic
const QString gpuDeviceNameKey = QStringLiteral("gpu_device_name");   // empty for automatic

const QStringList themes{QStringLiteral("system"), QStringLiteral("light"), QStringLiteral("dark")};
const QStringList sendKeys{QStringLiteral("enter"), QStringLiteral("ctrlEnter")};

} // namespace

AppSettings::AppSettings(PreferenceStore* store, const QString& dataFolder,
                         const QStringList& languages, const QList<app::GpuDeviceInfo>& gpuDevices,
                         QObject* parent)
    : QObject(parent), m_store(store), m_dataFolder(dataFolder), m_languageCodes(languages),
      m_gpuDevices(gpuDevices) {
    if (!m_languageCodes.contains(QStringLiteral("en")))
        m_languageCodes.prepend(QStringLiteral("en"));
    m_languageCodes.removeAll(QString());
    m_languageCodes.prepend(QString()); // the system's language
    m_retryTimer.setInterval(retryIntervalMs);
    connect(&m_retryTimer, &QTimer::timeout, this, &AppSettings::saveNow);
    load();
}

// Values the store holds; anything unknown (a hand-edited database, a removed translation)
// keeps the default.
void AppSettings::load() {
    const auto read = [this](const QString& key) -> QString {
        try {
            return m_store->value(key).value_or(QString());
        } catch (const StoreError&) {
            return {}; // the conversation store reports an unreadable database already
        }
    };
    if (const QString v = read(themeKey); themes.contains(v)) m_theme = v;
    if (const QString v = read(languageKey); m_languageCodes.contains(v)) m_language = v;
    if (const QString v = read(sendKeyKey); sendKeys.contains(v)) m_sendKey = v;
    m_defaultModel = read(defaultModelKey);
    bool isNumber = false;
    const int gpuIndex = read(gpuDeviceIndexKey).toInt(&isNumber);
    if (isNumber && gpuIndex >= 0) {
        const QString gpuName = read(gpuDeviceNameKey);
        const app::GpuDeviceInfo* gpu = findGpu(gpuIndex);
        if (gpu && gpu->name == gpuName)
            m_gpuDevice = gpuIndex;
        else
            m_missingGpu = gpuName.isEmpty() ? tr("GPU %1").arg(gpuIndex) : gpuName;
    }
}

const app::GpuDeviceInfo* AppSettings::findGpu(int index) const {
    for (const app::GpuDeviceInfo& gpu : m_gpuDevices)
        if (gpu.index == index) return &gpu;
    return nullptr;
}

// A language in its own words, as its speakers look for it in a list: "Deutsch", "Français",
// "日本語"; Chinese by its script ("简体中文"), which is what tells the two written forms apart.
QString AppSettings::nativeName(const QString& code) {
    // English is the source language, not a regional variant ("American English").
    if (code == QLatin1String("en")) return QStringLiteral("English");
    const QLocale locale(code);
    if (locale.language() == QLocale::Chinese)
        return locale.script() == QLocale::TraditionalHanScript ? QStringLiteral("繁體中文")
                                                                : QStringLiteral("简体中文");
    // Qt 6.4 names Spanish after Spain's variant ("español de España"); one Spanish ships.
    if (locale.language() == QLocale::Spanish) return QStringLiteral("Español");
    QString name = locale.nativeLanguageName();
    if (!name.isEmpty()) name[0] = name[0].toUpper();
    return name;
}

QVariantList AppSettings::languages() const {
    QVariantList list;
    for (const QString& code : m_languageCodes) {
        const QString name = code.isEmpty() ? tr("System language") : nativeName(code);
        list.append(QVariantMap{{QStringLiteral("code"), code}, {QStringLiteral("name"), name}});
    }
    return list;
}

QString AppSettings::defaultModelName() const {
    return m_defaultModel.isEmpty() ? QString() : QFileInfo(m_defaultModel).fileName();
}

QString AppSettings::gpuKindName(GpuKind kind) {
    switch (kind) {
    case GpuKind::discrete:
        return tr("discrete GPU");
    case GpuKind::integrated:
        return tr("integrated GPU");
    case GpuKind::virtual_gpu:
        return tr("virtual GPU");
    case GpuKind::software:
        return tr("software renderer on the CPU");
    case GpuKind::other:
        break;
    }
    return tr("other device");
}

QVariantList AppSettings::gpuDevices() const {
    QVariantList list;
    for (const app::GpuDeviceInfo& gpu : m_gpuDevices) {
        const QString kind = gpuKindName(gpu.kind);
        // One decimal: 0.5 GiB of a small integrated GPU still reads as something.
        const double gib = std::round(double(gpu.memoryBytes) / double(1ull << 30) * 10.0) / 10.0;
        const QString label =
            tr("%1 — %2, %3 GiB").arg(gpu.name, kind, QLocale().toString(gib, 'f', 1));
        list.append(QVariantMap{{QStringLiteral("index"), gpu.index},
                                {QStringLiteral("name"), gpu.name},
                                {QStringLiteral("kind"), kind},
                                {QStringLiteral("memoryGiB"), gib},
                                {QStringLiteral("label"), label}});
    }
    return list;
}

QString AppSettings::gpuDeviceNotice() const {
    if (m_missingGpu.isEmpty()) return {};
    return tr("%1, the GPU chosen before, was not found when Conclave started (the GPUs or "
              "their driver changed), so the best GPU is used. Choose a GPU to replace the old "
              "choice.")
        .arg(m_missingGpu);
}

void AppSettings::setGpuDevice(int index) {
    const app::GpuDeviceInfo* gpu = findGpu(index);
    if (index != -1 && !gpu) return;
    // Choosing, even automatic again, replaces a choice that was not found.
    if (index == m_gpuDevice && m_missingGpu.isEmpty()) return;
    m_gpuDevice = index;
    m_missingGpu.clear();
    m_unsaved[gpuDeviceIndexKey] = QString::number(index);
    m_unsaved[gpuDeviceNameKey] = gpu ? gpu->name : QString();
    emit changed();
    emit gpuDeviceChanged(m_gpuDevice);
    saveNow();
}

void AppSettings::setTheme(const QString& theme) {
    if (themes.contains(theme)) store(themeKey, m_theme, theme);
}

void AppSettings::setLanguage(const QString& language) {
    if (!m_languageCodes.contains(language) || language == m_language) return;
    store(languageKey, m_language, language);
    emit languageChanged(m_language);
}

void AppSettings::setSendKey(const QString& key) {
    if (sendKeys.contains(key)) store(sendKeyKey, m_sendKey, key);
}

void AppSettings::setDefaultModel(const QString& path) {
    store(defaultModelKey, m_defaultModel, path);
}

// Takes the value at once and writes it; a refused write is kept for saveNow().
void AppSettings::store(const QString& key, QString& member, const QString& value) {
    if (member == value) return;
    member = value;
    m_unsaved[key] = value;
    emit changed();
    saveNow();
}

bool AppSettings::saveNow() {
    const bool hadFailed = m_retryTimer.isActive();
    while (!m_unsaved.empty()) {
        const auto it = m_unsaved.begin();
        try {
            m_store->setValue(it->first, it->second);
        } catch (const StoreError& error) {
            if (!m_retryTimer.isActive()) m_retryTimer.start();
            emit saveFailed(error);
            return false;
        }
        m_unsaved.erase(it);
    }
    m_retryTimer.stop();
    if (hadFailed) emit saved();
    return true;
}

} // namespace conclave::ui
