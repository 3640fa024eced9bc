// The GGUF reader and writer: round trips of every value type, split models, header-only
// files, and hand-broken files that must give a clear error and never crash.

#include "gguf/gguf_file.h"
#include "gguf/gguf_writer.h"
#include "raw_gguf.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <numeric>

using namespace conclave;
using namespace conclave::gguf;
using quant::TensorType;

Q_DECLARE_METATYPE(QByteArray)

namespace {

std::vector<unsigned char> bytes_of(std::size_t n, unsigned seed) {
    std::vector<unsigned char> data(n);
    for (std::size_t i = 0; i < n; ++i) data[i] = static_cast<unsigned char>((i * 131 + seed * 17) & 0xff);
    return data;
}

GgufWriter sample_writer(std::uint32_t version) {
    GgufWriter w(version);
    w.set("general.architecture", OwnedValue::string("llama"));
    w.set("t.u8", OwnedValue::u8(250));
    w.set("t.i8", OwnedValue::i8(-7));
    w.set("t.u16", OwnedValue::u16(65535));
    w.set("t.i16", OwnedValue::i16(-32768));
    w.set("t.u32", OwnedValue::u32(4000000000u));
    w.set("t.i32", OwnedValue::i32(-5));
    w.set("t.u64", OwnedValue::u64(18446744073709551615ull));
    w.set("t.i64", OwnedValue::i64(-9000000000ll));
    w.set("t.f32", OwnedValue::f32(1.25f));
    w.set("t.f64", OwnedValue::f64(-2.5e-300));
    w.set("t.bool", OwnedValue::boolean(true));
    w.set("t.str", OwnedValue::string("Grüße 世界 🌍"));
    const std::int32_t ints[] = {1, -2, 3};
    w.set("t.ints", OwnedValue::i32_array(ints));
    const float floats[] = {0.5f, -0.25f};
    w.set("t.floats", OwnedValue::f32_array(floats));
    w.set("t.strings", OwnedValue::string_array({"a", "", "ünï"}));
    w.set("t.empty", OwnedValue::string_array({}));
    const std::int32_t a[] = {1, 2};
    const std::int32_t b[] = {3};
    w.set("t.nested", OwnedValue::array_of_arrays({OwnedValue::i32_array(a), OwnedValue::i32_array(b)}));
    return w;
}

} // namespace

class TestGgufReader : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

    QString file(const QString& name) const { return m_dir.path() + '/' + name; }

    static Result<std::unique_ptr<GgufFile>> open_bytes(const QByteArray& bytes) {
        return GgufFile::open_memory(reinterpret_cast<const unsigned char*>(bytes.constData()),
                                     static_cast<std::uint64_t>(bytes.size()));
    }

private slots:
    void roundTripsEveryValueType_data() {
        QTest::addColumn<int>("version");
        QTest::newRow("v3") << 3;
        QTest::newRow("v2") << 2;
    }

    void roundTripsEveryValueType() {
        QFETCH(int, version);
        GgufWriter w = sample_writer(static_cast<std::uint32_t>(version));
        const std::string path = file(QStringLiteral("values-%1.gguf").arg(version)).toStdString();
        QVERIFY(w.write(path).ok());
        auto opened = GgufFile::open(path);
        QVERIFY2(opened.ok(), opened.ok() ? "" : opened.error().message.c_str());
        const GgufFile& g = **opened;
        QCOMPARE(g.version(), std::uint32_t(version));
        QCOMPARE(g.metadata().size(), std::size_t(18));
        QCOMPARE(g.get_string("general.architecture").value(), std::string_view("llama"));
        QCOMPARE(g.get_uint("t.u8").value(), 250u);
        QCOMPARE(g.find("t.i8")->as_int().value(), -7);
        QCOMPARE(g.get_uint("t.u16").value(), 65535u);
        QCOMPARE(g.find("t.i16")->as_int().value(), -32768);
        QCOMPARE(g.get_uint("t.u32").value(), 4000000000u);
        QCOMPARE(g.find("t.i32")->as_int().value(), -5);
        QVERIFY(!g.find("t.i32")->as_uint().has_value()); // negative never reads as unsigned
        QCOMPARE(g.get_uint("t.u64").value(), 18446744073709551615ull);
        QVERIFY(!g.find("t.u64")->as_int().has_value());
        QCOMPARE(g.find("t.i64")->as_int().value(), -9000000000ll);
        QCOMPARE(g.get_float("t.f32").value(), 1.25);
        QCOMPARE(g.get_float("t.f64").value(), -2.5e-300);
        QCOMPARE(g.get_bool("t.bool").value(), true);
        QCOMPARE(g.get_string("t.str").value(), std::string_view("Grüße 世界 🌍"));
        const MetadataValue* ints = g.find("t.ints");
        QCOMPARE(ints->element_type(), ValueType::int32);
        QCOMPARE(ints->size(), 3u);
        QCOMPARE(ints->int_at(1).value(), -2);
        QVERIFY(!ints->int_at(3).has_value());
        QCOMPARE(g.find("t.floats")->float_at(1).value(), -0.25);
        QCOMPARE(g.find("t.strings")->string_at(2).value(), std::string_view("ünï"));
        QCOMPARE(g.find("t.strings")->string_at(1).value(), std::string_view(""));
        QCOMPARE(g.find("t.empty")->size(), 0u);
        const MetadataValue* nested = g.find("t.nested");
        QCOMPARE(nested->element_type(), ValueType::array);
        QCOMPARE(nested->nested().size(), std::size_t(2));
        QCOMPARE(nested->nested()[0].int_at(1).value(), 2);
        QCOMPARE(nested->nested()[1].size(), 1u);
        QVERIFY(g.find("missing") == nullptr);
    }

    void roundTripsTensorsInPlace() {
        GgufWriter w;
        w.set_alignment(64);
        QVERIFY(w.add_tensor("a.f32", {5, 3}, TensorType::F32, bytes_of(60, 1)).ok());
        QVERIFY(w.add_tensor("b.q4_0", {64, 2}, TensorType::Q4_0, bytes_of(72, 2)).ok());
        QVERIFY(w.add_tensor("c.q4_k", {256, 1, 2}, TensorType::Q4_K, bytes_of(288, 3)).ok());
        QVERIFY(w.add_tensor("d.mxfp4", {32, 4, 1, 2}, TensorType::MXFP4, bytes_of(136, 4)).ok());
        const std::string path = file(QStringLiteral("tensors.gguf")).toStdString();
        QVERIFY(w.write(path).ok());
        auto g = GgufFile::open(path);
        QVERIFY(g.ok());
        QCOMPARE((*g)->alignment(), 64u);
        QCOMPARE((*g)->tensors().size(), std::size_t(4));
        const TensorInfo* c = (*g)->find_tensor("c.q4_k");
        QVERIFY(c);
        QCOMPARE(c->n_dims, 3u);
        QCOMPARE(c->shape[0], 256u);
        QCOMPARE(c->shape[2], 2u);
        QCOMPARE(c->n_elements(), 512u);
        QCOMPARE(c->type, TensorType::Q4_K);
        QCOMPARE(c->n_bytes, 288u);
        QCOMPARE(reinterpret_cast<std::uintptr_t>(c->data) % 64, 0u);
        const std::vector<unsigned char> expected = bytes_of(288, 3);
        QVERIFY(std::equal(expected.begin(), expected.end(), c->data));
        const TensorInfo* d = (*g)->find_tensor("d.mxfp4");
        QCOMPARE(d->n_dims, 4u);
        QCOMPARE(d->n_bytes, 136u);
    }

    void writerRejectsWrongDataSize() {
        GgufWriter w;
        QVERIFY(!w.add_tensor("x", {64}, TensorType::Q8_0, bytes_of(33, 0)).ok());
        QVERIFY(!w.add_tensor("y", {33}, TensorType::Q8_0, bytes_of(34, 0)).ok()); // not whole blocks
    }

    void copiedMetadataRoundTrips() {
        const std::string first = file(QStringLiteral("copy-src.gguf")).toStdString();
        QVERIFY(sample_writer(3).write(first).ok());
        auto source = GgufFile::open(first);
        QVERIFY(source.ok());
        GgufWriter copy;
        for (const auto& [key, value] : (*source)->metadata()) copy.set(std::string(key), OwnedValue::copy_of(value));
        const std::string second = file(QStringLiteral("copy-dst.gguf")).toStdString();
        QVERIFY(copy.write(second).ok());
        QFile a(QString::fromStdString(first)), b(QString::fromStdString(second));
        QVERIFY(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly));
        QCOMPARE(a.readAll(), b.readAll());
    }

    void headerOnlyFileOpensWhenAllowed() {
        GgufWriter w;
        w.set("general.architecture", OwnedValue::string("llama"));
        QVERIFY(w.add_tensor("big", {256, 4}, TensorType::Q6_K, bytes_of(840, 5)).ok());
        std::vector<unsigned char> bytes = w.serialize();
        bytes.resize(bytes.size() - 840); // drop the data section
        auto strict = GgufFile::open_memory(bytes.data(), bytes.size());
        QVERIFY(!strict.ok());
        QVERIFY2(strict.error().message.find("extends past the end") != std::string::npos, strict.error().message.c_str());
        auto relaxed = GgufFile::open_memory(bytes.data(), bytes.size(), OpenOptions{.allow_missing_data = true});
        QVERIFY(relaxed.ok());
        QCOMPARE((*relaxed)->tensors().front().data, nullptr);
        QCOMPARE((*relaxed)->tensors().front().n_bytes, 840u);
    }

    // The writer's header-only tensors: offsets reserved as if the data were there, no data
    // written after the first of them, and no tensor with data allowed after one.
    void writerMakesHeaderOnlyCopies() {
        GgufWriter w;
        w.set("general.architecture", OwnedValue::string("llama"));
        QVERIFY(w.add_tensor("small", {32}, TensorType::F32, bytes_of(128, 3)).ok());
        QVERIFY(w.add_tensor_header("huge", {4096, 4096, 64}, TensorType::MXFP4).ok());
        QVERIFY(w.add_tensor_header("next", {256, 4}, TensorType::Q6_K).ok());
        QVERIFY(!w.add_tensor("late", {32}, TensorType::F32, bytes_of(128, 4)).ok());
        QVERIFY(!w.add_tensor_header("odd", {33}, TensorType::Q8_0).ok()); // not whole blocks
        const std::vector<unsigned char> bytes = w.serialize();
        QVERIFY(bytes.size() < 4096);
        auto file = GgufFile::open_memory(bytes.data(), bytes.size(), OpenOptions{.allow_missing_data = true});
        QVERIFY2(file.ok(), file.ok() ? "" : file.error().message.c_str());
        QCOMPARE((*file)->tensors().size(), std::size_t(3));
        QCOMPARE((*file)->find_tensor("small")->data[1], bytes_of(128, 3)[1]);
        QCOMPARE((*file)->find_tensor("huge")->data, nullptr);
        QCOMPARE((*file)->find_tensor("huge")->n_bytes, std::uint64_t(4096) * 4096 * 64 / 32 * 17);
        QCOMPARE((*file)->find_tensor("next")->n_bytes, 840u);
    }

    void splitModelOpensAsOne() {
        const QString prefix = file(QStringLiteral("split"));
        for (std::uint16_t part = 0; part < 3; ++part) {
            GgufWriter w;
            if (part == 0) w.set("general.architecture", OwnedValue::string("llama"));
            w.set("split.no", OwnedValue::u16(part));
            w.set("split.count", OwnedValue::u16(3));
            w.set("split.tensors.count", OwnedValue::i32(3));
            QVERIFY(w.add_tensor("t" + std::to_string(part), {32}, TensorType::F32, bytes_of(128, part)).ok());
            const QString path = prefix + QStringLiteral("-%1-of-00003.gguf").arg(part + 1, 5, 10, QLatin1Char('0'));
            QVERIFY(w.write(path.toStdString()).ok());
        }
        auto model = GgufFile::open((prefix + QStringLiteral("-00001-of-00003.gguf")).toStdString());
        QVERIFY2(model.ok(), model.ok() ? "" : model.error().message.c_str());
        QCOMPARE((*model)->split_count(), 3u);
        QCOMPARE((*model)->tensors().size(), std::size_t(3));
        QCOMPARE((*model)->find_tensor("t2")->split, 2u);
        QCOMPARE((*model)->find_tensor("t2")->data[1], bytes_of(128, 2)[1]);

        auto second = GgufFile::open((prefix + QStringLiteral("-00002-of-00003.gguf")).toStdString());
        QVERIFY(!second.ok());
        QVERIFY(second.error().message.find("open the first part") != std::string::npos);

        QVERIFY(QFile::remove(prefix + QStringLiteral("-00003-of-00003.gguf")));
        auto missing = GgufFile::open((prefix + QStringLiteral("-00001-of-00003.gguf")).toStdString());
        QVERIFY(!missing.ok());
        QVERIFY2(missing.error().message.find("split model part missing") != std::string::npos,
                 missing.error().message.c_str());
    }

    void brokenFilesGiveClearErrors_data() {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("expected");
        const auto one_tensor = [](std::uint32_t type, std::initializer_list<std::uint64_t> shape, std::uint64_t offset) {
            return RawGguf().header(3, 1, 0).tensor("w", shape, type, offset).pad().zeros(4096).bytes();
        };
        QTest::newRow("empty") << QByteArray() << "not a GGUF file";
        QTest::newRow("bad magic") << QByteArray("GGML\x03\0\0\0", 8) << "not a GGUF file (starts with bytes 47 47 4d 4c)";
        QTest::newRow("version 1") << RawGguf().header(1, 0, 0).bytes() << "GGUF version 1";
        QTest::newRow("big-endian") << RawGguf().header(0x03000000, 0, 0).bytes() << "big-endian";
        QTest::newRow("huge kv count") << RawGguf().header(3, 0, 1ull << 60).bytes() << "more than the file can hold";
        QTest::newRow("huge tensor count") << RawGguf().header(3, 1ull << 58, 0).bytes() << "more than the file can hold";
        QTest::newRow("string past end")
            << RawGguf().header(3, 0, 1).put<std::uint64_t>(1ull << 62).zeros(16).bytes() << "truncated at byte";
        QTest::newRow("unknown value type")
            << RawGguf().header(3, 0, 1).str("k").put<std::uint32_t>(13).zeros(8).bytes() << "unknown value type 13";
        QTest::newRow("huge array")
            << RawGguf().header(3, 0, 1).str("k").put<std::uint32_t>(9).put<std::uint32_t>(4).put<std::uint64_t>(1ull << 61).bytes()
            << "truncated at byte";
        RawGguf deep;
        deep.header(3, 0, 1).str("k").put<std::uint32_t>(9);
        for (int i = 0; i < 64; ++i) deep.put<std::uint32_t>(9).put<std::uint64_t>(1);
        QTest::newRow("nesting bomb") << deep.bytes() << "nested deeper";
        QTest::newRow("duplicate key") << RawGguf().header(3, 0, 2).kv_u32("a", 1).kv_u32("a", 2).bytes() << "duplicate metadata key 'a'";
        QTest::newRow("bad alignment")
            << RawGguf().header(3, 0, 1).kv_u32("general.alignment", 24).bytes() << "power of two";
        QTest::newRow("unknown tensor type") << one_tensor(77, {32}, 0) << "unknown tensor type id 77";
        QTest::newRow("retired tensor type") << one_tensor(4, {32}, 0) << "unknown tensor type id 4";
        QTest::newRow("five dims") << one_tensor(0, {1, 1, 1, 1, 1}, 0) << "5 dimensions";
        QTest::newRow("shape overflow") << one_tensor(0, {1ull << 40, 1ull << 40}, 0) << "overflows";
        QTest::newRow("partial block") << one_tensor(2, {33}, 0) << "not a whole number of Q4_0 blocks";
        QTest::newRow("misaligned") << one_tensor(0, {8}, 8) << "misaligned";
        QTest::newRow("past end") << one_tensor(0, {1024, 2}, 0) << "tensor 'w' extends past the end";
        QTest::newRow("offset overflow") << one_tensor(0, {8}, 0xffffffffffffffe0ull) << "extends past the end";
        QTest::newRow("duplicate tensor")
            << RawGguf().header(3, 2, 0).tensor("w", {8}, 0, 0).tensor("w", {8}, 0, 32).pad().zeros(64).bytes()
            << "duplicate tensor name 'w'";
    }

    void brokenFilesGiveClearErrors() {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, expected);
        auto opened = open_bytes(bytes);
        QVERIFY(!opened.ok());
        QVERIFY2(QString::fromStdString(opened.error().message).contains(expected), opened.error().message.c_str());
    }

    // Every prefix of a valid file is a truncated file: each must fail cleanly, never crash.
    void everyTruncationIsAnError() {
        GgufWriter w = sample_writer(3);
        QVERIFY(w.add_tensor("w", {64, 2}, TensorType::Q8_0, bytes_of(136, 9)).ok());
        const std::vector<unsigned char> bytes = w.serialize();
        auto whole = GgufFile::open_memory(bytes.data(), bytes.size());
        QVERIFY(whole.ok());
        // Padding after the last tensor is optional, so the file ends where its data ends.
        const TensorInfo& last = (*whole)->tensors().back();
        const auto data_end = static_cast<std::size_t>(last.data + last.n_bytes - bytes.data());
        for (std::size_t n = 0; n < data_end; ++n) {
            std::vector<unsigned char> prefix(bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(n));
            auto opened = GgufFile::open_memory(prefix.data(), prefix.size());
            QVERIFY2(!opened.ok(), qPrintable(QStringLiteral("prefix of %1 bytes opened").arg(n)));
            QCOMPARE(opened.error().code, ErrorCode::invalid_format);
        }
    }

    void missingFileIsAnIoError() {
        auto opened = GgufFile::open(file(QStringLiteral("absent.gguf")).toStdString());
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().code, ErrorCode::io);
        QVERIFY(opened.error().message.find("absent.gguf") != std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TestGgufReader)
#include "test_gguf_reader.moc"
