#pragma once
// AppSettings: the window's app-wide settings — theme (system, light or dark), language,
// the send key (Enter, or Ctrl+Enter with Enter starting a new line), the default model (a
// file path), the GPU models run on when their "Run on" says GPU (automatic: the best one,
// or one Vulkan device of the probe made at start) — saved through the PreferenceStore as
// soon as they change, and the data folder shown read-only. The window binds Theme.mode to
// `theme` and the composer to `ctrlEnterSends`; the app installs the translation for
// `language` and passes `gpuDevice` to the next model load.
//
// The GPU is saved as the device's index and name. When the device at the saved index has
// another name at start (or is gone: the hardware or driver changed), the choice falls back to
// automatic and `gpuDeviceNotice` says so; the stored choice is left as it is (the device may
// come back) until the user chooses again.
//
// Ownership: borrows the store (which outlives it). GUI thread only. A value the store
// refuses stays in effect, is reported through saveFailed (the error banner) and is written
// again every few seconds until it goes through (`saved` then).

#include "gpu_availability.h"
#include "preference_store.h"

#include <QList>
#include <QObject>
#include <QTimer>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>
#include <map>

namespace conclave::ui {

class AppSettings : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("created by the application")
    Q_PROPERTY(QString theme READ theme WRITE setTheme NOTIFY changed)
    Q_PROPERTY(QString language READ language WRITE setLanguage NOTIFY changed)
    Q_PROPERTY(QVariantList languages READ languages NOTIFY
                   languageChanged) // "System language" retranslated
    Q_PROPERTY(QString sendKey READ sendKey WRITE setSendKey NOTIFY changed)
    Q_PROPERTY(bool ctrlEnterSends READ ctrlEnterSends NOTIFY changed)
    Q_PROPERTY(QString defaultModel READ defaultModel WRITE setDefaultModel NOTIFY changed)
    Q_PROPERTY(QString defaultModelName READ defaultModelName NOTIFY changed)
    Q_PROPERTY(QString dataFolder READ dataFolder CONSTANT)
    Q_PROPERTY(int gpuDevice READ gpuDevice WRITE setGpuDevice NOTIFY changed)
    Q_PROPERTY(QVariantList gpuDevices READ gpuDevices CONSTANT)
    Q_PROPERTY(QString gpuDeviceNotice READ gpuDeviceNotice NOTIFY changed)
public:
    // `languages`: the codes of the translations the app has ("en" is always offered).
    // `gpuDevices`: the Vulkan devices the probe found at start (none: automatic only).
    AppSettings(PreferenceStore* store, const QString& dataFolder, const QStringList& languages,
                const QList<app::GpuDeviceInfo>& gpuDevices = {}, QObject* parent = nullptr);

    QString theme() const { return m_theme; }       // "system", "light", "dark"
    QString language() const { return m_language; } // "en", "de", ...
    QVariantList languages() const;                 // [{code, name}] in their own words
    // A language code ("fr", "zh_CN") as the language names itself ("Français", "简体中文").
    static QString nativeName(const QString& code);
    QString sendKey() const { return m_sendKey; }   // "enter", "ctrlEnter"
    bool ctrlEnterSends() const { return m_sendKey == QLatin1String("ctrlEnter"); }
    QString defaultModel() const { return m_defaultModel; } // a .gguf path; empty: none
    QString defaultModelName() const;
    QString dataFolder() const { return m_dataFolder; }
    int gpuDevice() const { return m_gpuDevice; } // the probe's index; -1: the best GPU
    // [{index, name, kind (in words), memoryGiB, label ("name — kind, 80.0 GiB")}]
    QVariantList gpuDevices() const;
    // Why the GPU chosen before is not used (see above); empty when it is.
    QString gpuDeviceNotice() const;

    void setTheme(const QString& theme);
    void setLanguage(const QString& language);
    void setSendKey(const QString& key);
    void setDefaultModel(const QString& path);
    // -1 or the index of one of gpuDevices(); anything else is ignored.
    void setGpuDevice(int index);

    // Writes values the store refused before; true when everything is saved.
    Q_INVOKABLE bool saveNow();

signals:
    void changed();
    void languageChanged(const QString& language);
    void gpuDeviceChanged(int index);
    void saveFailed(const conclave::ui::StoreError& error);
    void saved(); // values that had failed went through

private:
    void load();
    void store(const QString& key, QString& member, const QString& value);
    const app::GpuDeviceInfo* findGpu(int index) const;
    static QString gpuKindName(conclave::GpuKind kind); // "discrete GPU", ... (translated)

    PreferenceStore* m_store;
    QString m_dataFolder;
    QStringList m_languageCodes;
    QString m_theme = QStringLiteral("system");
    QString m_language = QStringLiteral("en");
    QString m_sendKey = QStringLiteral("enter");
    QString m_defaultModel;
    QList<app::GpuDeviceInfo> m_gpuDevices;
    int m_gpuDevice = -1;
    QString m_missingGpu;                 // the saved GPU's name when it was not found at start
    std::map<QString, QString> m_unsaved; // key → value the store refused
    QTimer m_retryTimer;
};

} // namespace conclave::ui
