#include "model_folders_fixture.h"

#include "gguf/gguf_file.h"
#include "gguf/gguf_writer.h"
#include "tiny_models.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QtDebug>

namespace conclave::test {
namespace {

using gguf::OwnedValue;

bool fail(const QString& what) {
    qWarning() << "model folder fixture:" << what;
    return false;
}

bool tinyModel(const QString& path, int n_layer, quant::TensorType type) {
    QDir().mkpath(QFileInfo(path).path());
    TinyDecoder spec;
    spec.n_layer = n_layer;
    spec.matrix_type = type;
    return write_tiny_decoder(spec, path.toStdString()) ||
           fail(QStringLiteral("cannot write ") + path);
}

// Rewrites the model at `source` as three parts `<prefix>-0000N-of-00003.gguf`.
bool splitModel(const QString& source, const QString& prefix, qint64& total) {
    auto file = gguf::GgufFile::open(source.toStdString());
    if (!file) return fail(QString::fromStdString(file.error().message));
    const auto& tensors = (*file)->tensors();
    total = 0;
    for (std::uint16_t part = 0; part < 3; ++part) {
        gguf::GgufWriter w;
        if (part == 0)
            for (const auto& [key, value] : (*file)->metadata())
                w.set(std::string(key), OwnedValue::copy_of(value));
        w.set("split.no", OwnedValue::u16(part));
        w.set("split.count", OwnedValue::u16(3));
        w.set("split.tensors.count", OwnedValue::i32(static_cast<std::int32_t>(tensors.size())));
        for (std::size_t i = part; i < tensors.size(); i += 3) {
            const gguf::TensorInfo& t = tensors[i];
            std::vector<std::uint64_t> shape(t.shape.begin(), t.shape.begin() + t.n_dims);
            if (!w.add_tensor(std::string(t.name), shape, t.type,
                              std::vector<unsigned char>(t.data, t.data + t.n_bytes))
                     .ok())
                return fail(QStringLiteral("cannot add a tensor"));
        }
        const QString path =
            prefix + QStringLiteral("-%1-of-00003.gguf").arg(part + 1, 5, 10, QLatin1Char('0'));
        if (!w.write(path.toStdString()).ok()) return fail(QStringLiteral("cannot write ") + path);
        total += QFileInfo(path).size();
    }
    return true;
}

bool unsupportedModel(const QString& path) {
    gguf::GgufWriter w;
    w.set("general.architecture", OwnedValue::string("mamba"));
    w.set("general.name", OwnedValue::string("Tiny Mamba"));
    w.set("mamba.context_length", OwnedValue::u32(2048));
    std::vector<unsigned char> data(64 * 4, 0);
    if (!w.add_tensor("token_embd.weight", {64}, quant::TensorType::F32, data).ok()) return false;
    return w.write(path.toStdString()).ok() || fail(QStringLiteral("cannot write ") + path);
}

bool truncatedCopy(const QString& source, const QString& path) {
    QFile in(source);
    QFile out(path);
    if (!in.open(QIODevice::ReadOnly) || !out.open(QIODevice::WriteOnly))
        return fail(QStringLiteral("truncate"));
    out.write(in.read(in.size() * 6 / 10));
    return true;
}

bool writeText(const QString& path, const QByteArray& text) {
    QFile out(path);
    return (out.open(QIODevice::WriteOnly) && out.write(text) == text.size()) ||
           fail(QStringLiteral("text ") + path);
}

bool link(const QString& target, const QString& path) {
    return QFile::link(target, path) || fail(QStringLiteral("cannot link ") + path);
}

} // namespace

bool buildModelFolders(const QString& root, ModelFoldersFixture& f) {
    f.root = root;
    const QString home = root + QStringLiteral("/home");
    f.locations.home = home;
    f.locations.modelsFolder = root + QStringLiteral("/data/conclave/models");
    const QString user = root + QStringLiteral("/my-models");
    f.locations.userFolders = {user};

    // Hugging Face: snapshots/<revision>/<name> are relative links to blobs/<hash>.
    const QString repo =
        home + QStringLiteral("/.cache/huggingface/hub/models--TinyOrg--Tiny-GGUF");
    const QString blob = repo + QStringLiteral("/blobs/5d41402abc4b2a76b9719d911017c592");
    if (!tinyModel(blob, 2, quant::TensorType::Q8_0)) return false;
    QDir().mkpath(repo + QStringLiteral("/.locks"));
    for (const char* revision : {"rev1", "rev2"}) {
        const QString folder = repo + QStringLiteral("/snapshots/") + QLatin1String(revision);
        QDir().mkpath(folder);
        if (!link(QStringLiteral("../../blobs/5d41402abc4b2a76b9719d911017c592"),
                  folder + QStringLiteral("/tiny-q8_0.gguf")))
            return false;
    }
    f.hubSnapshot = repo + QStringLiteral("/snapshots/rev1/tiny-q8_0.gguf");

    f.lmStudioModel =
        home + QStringLiteral("/.lmstudio/models/lmstudio-community/Tiny-GGUF/tiny-lm.gguf");
    if (!tinyModel(f.lmStudioModel, 3, quant::TensorType::F32)) return false;

    const QString downloads = home + QStringLiteral("/Downloads");
    QDir().mkpath(downloads);
    const QString whole = root + QStringLiteral("/whole.gguf");
    if (!tinyModel(whole, 2, quant::TensorType::F32)) return false;
    if (!splitModel(whole, downloads + QStringLiteral("/big"), f.splitBytes)) return false;
    f.splitFirstPart = downloads + QStringLiteral("/big-00001-of-00003.gguf");
    f.truncated = downloads + QStringLiteral("/truncated.gguf");
    f.unsupported = downloads + QStringLiteral("/mamba.gguf");
    f.notes = downloads + QStringLiteral("/notes.gguf");
    if (!truncatedCopy(whole, f.truncated) || !unsupportedModel(f.unsupported) ||
        !writeText(f.notes, "my notes, not a model\n") ||
        !link(downloads, downloads + QStringLiteral("/loop")) ||
        !link(root + QStringLiteral("/nowhere.gguf"), downloads + QStringLiteral("/gone.gguf")))
        return false;

    f.localModel = f.locations.modelsFolder + QStringLiteral("/local.gguf");
    f.deepModel = user + QStringLiteral("/a/b/c/deep.gguf");
    return tinyModel(f.localModel, 2, quant::TensorType::F32) &&
           tinyModel(f.deepModel, 2, quant::TensorType::F32);
}

} // namespace conclave::test
