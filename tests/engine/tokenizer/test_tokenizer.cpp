// Unit tests of engine/tokenizer on small hand-made vocabularies: Unicode tables, UTF-8
// decoding, every pre-tokenizer family, BPE merge order, SentencePiece byte fallback,
// WordPiece, special-token splitting, end-of-generation tokens, streaming decode, and
// load_vocab() on GGUF files written by the test. Real vocabularies are in
// test_tokenizer_fixtures.cpp and test_tokenizer_e2e.cpp.

#include "gguf/gguf_writer.h"
#include "oracle_python.h"
#include "tokenizer/byte_level.h"
#include "tokenizer/detokenizer.h"
#include "tokenizer/tokenizer.h"
#include "tokenizer/unicode.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <cstdio>

using namespace conclave;
using namespace conclave::tokenizer;

namespace {

void add_token(Vocab& v, std::string text, TokenType type = TokenType::normal, float score = 0.0f) {
    v.tokens.push_back(std::move(text));
    v.types.push_back(type);
    v.scores.push_back(score);
}

std::string byte_char(unsigned char b) {
    std::string s;
    unicode::append_utf8(s, byte_level::byte_to_char(b));
    return s;
}

// Byte-level BPE: the 256 byte tokens, then merged tokens, then specials.
Vocab tiny_bpe_vocab(std::string pre) {
    Vocab v;
    v.model = VocabModel::bpe;
    v.pre = std::move(pre);
    for (int b = 0; b < 256; ++b) {
        add_token(v, byte_char(static_cast<unsigned char>(b)));
    }
    for (const char* t : {"ab", "abc",
                          "\xC4\xA0"
                          "a",
                          "\xC4\xA0"
                          "ab"}) {
        add_token(v, t);
    }
    // Rank order matters: "a b" (0) fires before "Ġ a" (2) in " abc".
    v.merges = {"a b", "ab c", "\xC4\xA0 a",
                "\xC4\xA0"
                "a b"};
    add_token(v, "<|im_end|>", TokenType::control);
    add_token(v, "<tool>", TokenType::user_defined);
    add_token(v, "<|endoftext|>", TokenType::control);
    v.eos = static_cast<TokenId>(v.tokens.size() - 1);
    v.index_tokens();
    return v;
}

// SentencePiece: <unk> <s> </s>, 256 byte tokens, then scored pieces.
Vocab tiny_spm_vocab() {
    Vocab v;
    v.model = VocabModel::spm;
    add_token(v, "<unk>", TokenType::unknown);
    add_token(v, "<s>", TokenType::control);
    add_token(v, "</s>", TokenType::control);
    char name[8];
    for (int b = 0; b < 256; ++b) {
        std::snprintf(name, sizeof name, "<0x%02X>", b);
        add_token(v, name, TokenType::byte);
    }
    const std::pair<const char*, float> pieces[] = {
        {"\xE2\x96\x81", -1}, {"h", -2},  {"e", -2},    {"l", -2},     {"o", -2},
        {"he", -3},           {"ll", -3}, {"hell", -4}, {"hello", -5}, {"\xE2\x96\x81hello", -6},
        {"lo", -1.5f},
    };
    for (const auto& [text, score] : pieces) {
        add_token(v, text, TokenType::normal, score);
    }
    v.unk = 0;
    v.bos = 1;
    v.eos = 2;
    v.add_bos = true;
    v.add_space_prefix = true;
    v.index_tokens();
    return v;
}

std::unique_ptr<Tokenizer> make(Vocab v) {
    auto t = Tokenizer::create(std::move(v));
    return t ? std::move(t.value()) : nullptr;
}

std::vector<TokenId> ids_of(const Vocab& v, std::initializer_list<const char*> texts) {
    std::vector<TokenId> ids;
    for (const char* t : texts) {
        ids.push_back(v.find(t).value_or(no_token));
    }
    return ids;
}

} // namespace

class TestTokenizer : public QObject {
    Q_OBJECT

private slots:
    void unicode_properties_data();
    void unicode_properties();
    void unicode_normalization();
    void utf8_decoding_data();
    void utf8_decoding();
    void pre_tokenizer_splits_data();
    void pre_tokenizer_splits();
    void pre_tokenizer_matches_reference_regexes();
    void unknown_pre_tokenizer_is_an_error();
    void bpe_merges_by_rank();
    void bpe_encodes_invalid_utf8_as_bytes();
    void spm_scores_and_byte_fallback();
    void wordpiece_words_and_unknowns();
    void special_tokens_data();
    void special_tokens();
    void end_of_generation_tokens();
    void detokenizer_releases_whole_characters();
    void detokenizer_replaces_invalid_bytes();
    void load_vocab_from_gguf();
    void load_vocab_rejects_bad_metadata_data();
    void load_vocab_rejects_bad_metadata();
};

void TestTokenizer::unicode_properties_data() {
    QTest::addColumn<uint>("cp");
    QTest::addColumn<QString>("props"); // L N P S M W(hitespace) H(an)
    QTest::newRow("A") << 0x41u << "L";
    QTest::newRow("digit") << 0x37u << "N";
    QTest::newRow("roman-numeral") << 0x2165u << "N";
    QTest::newRow("comma") << 0x2Cu << "P";
    QTest::newRow("dollar") << 0x24u << "S";
    QTest::newRow("combining-acute") << 0x301u << "M";
    QTest::newRow("space") << 0x20u << "W";
    QTest::newRow("nbsp") << 0xA0u << "W";
    QTest::newRow("ideographic-space") << 0x3000u << "W";
    QTest::newRow("han") << 0x4E16u << "LH";
    QTest::newRow("hiragana") << 0x3042u << "L";
    QTest::newRow("emoji") << 0x1F680u << "S";
    QTest::newRow("cyrillic") << 0x436u << "L";
    QTest::newRow("arabic") << 0x645u << "L";
    QTest::newRow("unassigned") << 0x378u << "";
}

void TestTokenizer::unicode_properties() {
    QFETCH(uint, cp);
    QFETCH(QString, props);
    const auto c = static_cast<char32_t>(cp);
    QString got;
    if (unicode::is_letter(c)) got += 'L';
    if (unicode::is_number(c)) got += 'N';
    if (unicode::is_punctuation(c)) got += 'P';
    if (unicode::is_symbol(c)) got += 'S';
    if (unicode::is_mark(c)) got += 'M';
    if (unicode::is_whitespace(c)) got += 'W';
    if (unicode::is_han(c)) got += 'H';
    QCOMPARE(got, props);
}

void TestTokenizer::unicode_normalization() {
    std::u32string out;
    unicode::append_nfd(0xE9, out); // é
    QCOMPARE(out, std::u32string(U"e\u0301"));
    out.clear();
    unicode::append_nfd(0xD55C, out); // 한, decomposed algorithmically
    QCOMPARE(out, std::u32string(U"\u1112\u1161\u11AB"));
    QCOMPARE(unicode::to_lower(U'Ä'), U'ä');
    QCOMPARE(unicode::to_lower(U'Ж'), U'ж');
    QCOMPARE(unicode::to_lower(U'7'), U'7');
}

void TestTokenizer::utf8_decoding_data() {
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("expected"); // one char per decoded unit; '?' for an invalid byte
    QTest::newRow("ascii") << QByteArray("ab") << "ab";
    QTest::newRow("euro") << QByteArray("\xE2\x82\xAC") << QString::fromUtf8("€");
    QTest::newRow("emoji") << QByteArray("\xF0\x9F\x9A\x80") << QString::fromUtf8("🚀");
    QTest::newRow("overlong") << QByteArray("\xC0\x80") << "??";
    QTest::newRow("surrogate") << QByteArray("\xED\xA0\x80") << "???";
    QTest::newRow("above-max") << QByteArray("\xF4\x90\x80\x80") << "????";
    QTest::newRow("truncated") << QByteArray("\xE2\x82"
                                             "a")
                               << "??a";
    QTest::newRow("lone-continuation") << QByteArray("\x80"
                                                     "b")
                                       << "?b";
}

void TestTokenizer::utf8_decoding() {
    QFETCH(QByteArray, bytes);
    QFETCH(QString, expected);
    std::vector<unicode::DecodedChar> chars;
    unicode::decode_utf8(
        std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())), chars);
    QString got;
    for (const auto& c : chars) {
        got += c.valid ? QString::fromUcs4(&c.cp, 1) : QStringLiteral("?");
    }
    QCOMPARE(got, expected);
}

void TestTokenizer::pre_tokenizer_splits_data() {
    QTest::addColumn<QString>("pre");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("pieces"); // joined by '|'
    QTest::newRow("gpt-2") << "gpt-2"
                           << "Hello  world\t!"
                           << "Hello| | world|\t|!";
    QTest::newRow("gpt-2-contractions") << "gpt-2"
                                        << "they're I'M"
                                        << "they|'re| I|'|M";
    QTest::newRow("gpt-2-trailing") << "gpt-2"
                                    << "a   "
                                    << "a|   ";
    QTest::newRow("llama3") << "llama3"
                            << "I'm 12345"
                            << "I|'m| |123|45";
    QTest::newRow("llama3-case") << "llama-bpe"
                                 << "I'M ok"
                                 << "I|'M| ok";
    QTest::newRow("llama3-newlines") << "llama3"
                                     << "a\n\n  b"
                                     << "a|\n\n| | b";
    QTest::newRow("llama3-punct") << "llama3"
                                  << "x = (y);\n"
                                  << "x| =| (|y|);\n";
    QTest::newRow("qwen2") << "qwen2"
                           << "v12345"
                           << "v|1|2|3|4|5";
    QTest::newRow("smollm") << "smollm"
                            << "abc123 4"
                            << "abc|1|2|3| |4";
    QTest::newRow("gpt-4o-case") << "gpt-4o"
                                 << "HelloWorld's CAPS word"
                                 << "Hello|World's| CAPS| word";
    QTest::newRow("gpt-4o-digits") << "gpt-4o"
                                   << "12345"
                                   << "123|45";
    QTest::newRow("tekken") << "tekken"
                            << "don't 1234"
                            << "don|'t| |1|2|3|4";
    QTest::newRow("kimi-k2") << "kimi-k2" << QString::fromUtf8("hello世界abc")
                             << QString::fromUtf8("hello|世界|abc");
    QTest::newRow("deepseek-v3") << "deepseek-v3"
                                 << "Hello,world 12345"
                                 << "Hello|,world| |123|45";
    QTest::newRow("deepseek-llm") << "deepseek-llm" << QString::fromUtf8("Hello 世界\n")
                                  << QString::fromUtf8("Hello| |世界|\n");
    QTest::newRow("deepseek-coder") << "deepseek-coder"
                                    << "x = 10;"
                                    << "x| = |1|0|;";
    QTest::newRow("falcon") << "falcon"
                            << "a+b=12345"
                            << "a|+|b|=|123|45";
    QTest::newRow("invalid-utf8") << "llama3"
                                  << QString::fromUtf8("a\xEF\xBF\xBD"
                                                       "b")
                                  << QString::fromUtf8("a|\xEF\xBF\xBD"
                                                       "b");
}

void TestTokenizer::pre_tokenizer_splits() {
    QFETCH(QString, pre);
    QFETCH(QString, text);
    QFETCH(QString, pieces);
    const auto p = PreTokenizer::for_name(pre.toStdString());
    QVERIFY(p.has_value());
    const std::u32string cps = text.toStdU32String();
    std::vector<CharRange> out, scratch;
    p->split(cps.data(), cps.size(), out, scratch);
    QStringList got;
    for (const CharRange& r : out) {
        got << QString::fromStdU32String(cps.substr(r.begin, r.end - r.begin));
    }
    QCOMPARE(got.join('|'), pieces);
}

// Every pre-tokenizer family against the Oniguruma regexes Hugging Face runs, on seeded random
// strings built to hit the regexes' edge cases (pre_tokenizer_oracle.py).
void TestTokenizer::pre_tokenizer_matches_reference_regexes() {
    if (test::oracle_python().isEmpty()) {
        QSKIP("no Python venv with tokenizers (run scripts/bootstrap or set CONCLAVE_VENV)");
    }
    const auto run = test::run_oracle(QStringLiteral(CONCLAVE_PRE_TOKENIZER_ORACLE), {});
    if (!run.ok && run.err.contains("missing Python package")) {
        QSKIP(run.err.constData());
    }
    QVERIFY2(run.ok, run.err.constData());
    const QJsonObject families = QJsonDocument::fromJson(run.out).object();
    QVERIFY(!families.isEmpty());
    int mismatches = 0;
    std::vector<CharRange> out, scratch;
    for (auto it = families.begin(); it != families.end(); ++it) {
        const auto p = PreTokenizer::for_name(it.key().toStdString());
        QVERIFY2(p.has_value(), qPrintable(it.key()));
        for (const QJsonValue row : it.value().toArray()) {
            const std::u32string cps = row[0].toString().toStdU32String();
            p->split(cps.data(), cps.size(), out, scratch);
            QStringList got;
            for (const CharRange& r : out) {
                got << QString::fromStdU32String(cps.substr(r.begin, r.end - r.begin));
            }
            QStringList want;
            for (const QJsonValue piece : row[1].toArray()) {
                want << piece.toString();
            }
            if (got != want && mismatches++ < 5) {
                qWarning().noquote()
                    << it.key() << row[0].toString() << "\n  got" << got << "\n  expected" << want;
            }
        }
    }
    QCOMPARE(mismatches, 0);
}

void TestTokenizer::unknown_pre_tokenizer_is_an_error() {
    auto t = Tokenizer::create(tiny_bpe_vocab("no-such-pre"));
    QVERIFY(!t);
    QCOMPARE(t.error().code, ErrorCode::unsupported);
    QVERIFY(t.error().message.find("no-such-pre") != std::string::npos);
}

void TestTokenizer::bpe_merges_by_rank() {
    const auto tok = make(tiny_bpe_vocab("gpt-2"));
    QVERIFY(tok);
    const Vocab& v = tok->vocab();
    QCOMPARE(tok->tokenize("abc abc", {false, false}), ids_of(v, {"abc", "\xC4\xA0", "abc"}));
    QCOMPARE(tok->tokenize("ab a", {false, false}), ids_of(v, {"ab", "\xC4\xA0"
                                                                     "a"}));
    QCOMPARE(tok->detokenize(tok->tokenize("abc abc")), std::string("abc abc"));
    // A 60-byte piece goes through the priority-queue path and must merge the same way.
    std::string long_word;
    std::vector<TokenId> expected;
    for (int i = 0; i < 20; ++i) {
        long_word += "abc";
        expected.push_back(v.find("abc").value());
    }
    QCOMPARE(tok->tokenize(long_word, {false, false}), expected);
}

void TestTokenizer::bpe_encodes_invalid_utf8_as_bytes() {
    const auto tok = make(tiny_bpe_vocab("llama3"));
    QVERIFY(tok);
    const std::string text = "a\xFF\xC3(\xE2\x82";
    const auto ids = tok->tokenize(text, {false, false});
    std::string bytes;
    for (const TokenId id : ids) {
        bytes += tok->token_to_piece(id);
    }
    QCOMPARE(bytes, text); // every byte survives as its byte token
}

void TestTokenizer::spm_scores_and_byte_fallback() {
    const auto tok = make(tiny_spm_vocab());
    QVERIFY(tok);
    const Vocab& v = tok->vocab();
    // "lo" (-1.5) outscores "ll" (-3), so "hell" and "hello" are never reached; the space
    // prefix is its own piece because "▁h" is not a token. BOS comes first.
    auto expected = ids_of(v, {"<s>", "\xE2\x96\x81", "he", "l", "lo"});
    QCOMPARE(tok->tokenize("hello", {true, false}), expected);
    // é has no piece: its two UTF-8 bytes fall back to byte tokens.
    const auto ids = tok->tokenize("\xC3\xA9", {false, false});
    QCOMPARE(ids, ids_of(v, {"\xE2\x96\x81", "<0xC3>", "<0xA9>"}));
    QCOMPARE(tok->detokenize(ids, {false, true}), std::string("\xC3\xA9"));
}

void TestTokenizer::wordpiece_words_and_unknowns() {
    Vocab v;
    v.model = VocabModel::wordpiece;
    for (const char* t : {"[PAD]", "[UNK]", "[CLS]", "[SEP]"}) {
        add_token(v, t, TokenType::control);
    }
    for (const char* t : {"\xE2\x96\x81hello", "\xE2\x96\x81play", "ing", "\xE2\x96\x81!",
                          "\xE2\x96\x81"
                          "cafe"}) {
        add_token(v, t);
    }
    v.unk = 1;
    v.bos = 2;
    v.eos = 3;
    v.add_bos = v.add_eos = true;
    v.index_tokens();
    const auto tok = make(std::move(v));
    QVERIFY(tok);
    // Lowercased, accents stripped, punctuation isolated, unknown words become [UNK].
    QCOMPARE(tok->tokenize("Hello, PLAYING! Café xyz"),
             (std::vector<TokenId>{2, 4, 1, 5, 6, 7, 8, 1, 3}));
    QCOMPARE(tok->detokenize(std::vector<TokenId>{4, 5, 6}, {false, true}),
             std::string("hello playing"));
}

void TestTokenizer::special_tokens_data() {
    QTest::addColumn<bool>("parse_special");
    QTest::addColumn<QString>("expected");
    QTest::newRow("as-text") << false << "a|<|||i|m|_|e|n|d|||>|<tool>";
    QTest::newRow("parsed") << true << "a|<|im_end|>|<tool>";
}

void TestTokenizer::special_tokens() {
    QFETCH(bool, parse_special);
    QFETCH(QString, expected);
    const auto tok = make(tiny_bpe_vocab("gpt-2"));
    QVERIFY(tok);
    // User-defined tokens are always split out; control tokens only when parsing specials.
    const auto ids = tok->tokenize("a<|im_end|><tool>", {false, parse_special});
    QStringList pieces;
    for (const TokenId id : ids) {
        pieces << QString::fromStdString(tok->token_to_piece(id, true));
    }
    QCOMPARE(pieces.join('|'), expected);
}

void TestTokenizer::end_of_generation_tokens() {
    const auto tok = make(tiny_bpe_vocab("gpt-2"));
    QVERIFY(tok);
    const Vocab& v = tok->vocab();
    QVERIFY(tok->is_eog(v.eos));
    QVERIFY(tok->is_eog(v.find("<|im_end|>").value()));
    QVERIFY(!tok->is_eog(v.find("<tool>").value())); // user-defined, not control
    QVERIFY(!tok->is_eog(v.find("a").value()));
    QVERIFY(tok->token_to_piece(v.find("<|im_end|>").value()).empty());
}

void TestTokenizer::detokenizer_releases_whole_characters() {
    const auto tok = make(tiny_spm_vocab());
    QVERIFY(tok);
    const Vocab& v = tok->vocab();
    Detokenizer stream(*tok);
    QCOMPARE(stream.push(v.find("<0xE2>").value()), std::string());
    QCOMPARE(stream.push(v.find("<0x82>").value()), std::string());
    QCOMPARE(stream.pending_bytes(), std::size_t(2));
    QCOMPARE(stream.push(v.find("<0xAC>").value()), std::string("€"));
    QCOMPARE(stream.push(v.find("\xE2\x96\x81hello").value()), std::string(" hello"));
    QCOMPARE(stream.push(v.find("<0xF0>").value()), std::string());
    QCOMPARE(stream.flush(), std::string("\xEF\xBF\xBD")); // the stream ended mid-character
}

void TestTokenizer::detokenizer_replaces_invalid_bytes() {
    const auto tok = make(tiny_spm_vocab());
    QVERIFY(tok);
    const Vocab& v = tok->vocab();
    Detokenizer stream(*tok);
    QCOMPARE(stream.push(v.find("<0xFF>").value()), std::string("\xEF\xBF\xBD"));
    QCOMPARE(stream.push(v.find("<0xE2>").value()), std::string());
    QCOMPARE(stream.push(v.find("h").value()), std::string("\xEF\xBF\xBD"
                                                           "h"));
}

void TestTokenizer::load_vocab_from_gguf() {
    QTemporaryDir dir;
    const std::string path = (dir.path() + "/vocab.gguf").toStdString();
    gguf::GgufWriter w;
    w.set("tokenizer.ggml.model", gguf::OwnedValue::string("gpt2"));
    w.set("tokenizer.ggml.pre", gguf::OwnedValue::string("qwen2"));
    w.set("tokenizer.ggml.tokens", gguf::OwnedValue::string_array({"a", "b", "ab", "<|im_end|>"}));
    const std::int32_t types[] = {1, 1, 1, 3};
    w.set("tokenizer.ggml.token_type", gguf::OwnedValue::i32_array(types));
    w.set("tokenizer.ggml.merges", gguf::OwnedValue::string_array({"a b"}));
    w.set("tokenizer.ggml.eos_token_id", gguf::OwnedValue::u32(3));
    w.set("tokenizer.ggml.bos_token_id", gguf::OwnedValue::u32(99)); // out of range: ignored
    w.set("tokenizer.ggml.add_bos_token", gguf::OwnedValue::boolean(true));
    QVERIFY(w.write(path));
    auto file = gguf::GgufFile::open(path);
    QVERIFY(file);
    auto v = load_vocab(**file);
    QVERIFY2(v, v ? "" : v.error().message.c_str());
    QCOMPARE(v->model, VocabModel::bpe);
    QCOMPARE(v->pre, std::string("qwen2"));
    QCOMPARE(v->size(), std::size_t(4));
    QCOMPARE(v->eos, 3);
    QCOMPARE(v->bos, no_token);
    QVERIFY(v->add_bos);
    QCOMPARE(v->type(3), TokenType::control);
    auto tok = Tokenizer::from_gguf(**file);
    QVERIFY(tok);
    QCOMPARE((*tok)->tokenize("ab", {true, false}), std::vector<TokenId>{2});
}

void TestTokenizer::load_vocab_rejects_bad_metadata_data() {
    QTest::addColumn<QString>("model");
    QTest::addColumn<bool>("with_tokens");
    QTest::addColumn<int>("n_types");
    QTest::addColumn<int>("code");
    QTest::newRow("unknown-model") << "rwkv" << true << 2 << int(ErrorCode::unsupported);
    QTest::newRow("no-model") << "" << true << 2 << int(ErrorCode::invalid_format);
    QTest::newRow("no-tokens") << "llama" << false << 0 << int(ErrorCode::invalid_format);
    QTest::newRow("types-size-mismatch") << "llama" << true << 1 << int(ErrorCode::invalid_format);
    QTest::newRow("bpe-without-merges") << "gpt2" << true << 2 << int(ErrorCode::invalid_format);
}

void TestTokenizer::load_vocab_rejects_bad_metadata() {
    QFETCH(QString, model);
    QFETCH(bool, with_tokens);
    QFETCH(int, n_types);
    QFETCH(int, code);
    QTemporaryDir dir;
    const std::string path = (dir.path() + "/bad.gguf").toStdString();
    gguf::GgufWriter w;
    if (!model.isEmpty()) {
        w.set("tokenizer.ggml.model", gguf::OwnedValue::string(model.toStdString()));
    }
    if (with_tokens) {
        w.set("tokenizer.ggml.tokens", gguf::OwnedValue::string_array({"a", "b"}));
    }
    const std::vector<std::int32_t> types(static_cast<std::size_t>(n_types), 1);
    w.set("tokenizer.ggml.token_type", gguf::OwnedValue::i32_array(types));
    QVERIFY(w.write(path));
    auto file = gguf::GgufFile::open(path);
    QVERIFY(file);
    auto v = load_vocab(**file);
    QVERIFY(!v);
    QCOMPARE(int(v.error().code), code);
}

QTEST_GUILESS_MAIN(TestTokenizer)
#include "test_tokenizer.moc"
