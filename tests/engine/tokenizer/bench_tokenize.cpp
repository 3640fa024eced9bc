// bench_tokenize: tokenizer throughput. Tokenizes ~1 MB of mixed text (English prose, code,
// German, Russian, Chinese, Japanese, Arabic, emoji, numbers, whitespace runs) with each
// vocabulary given on the command line and prints the median MB/s of several runs.
//
//   bench_tokenize [--runs N] MODEL_OR_VOCAB.gguf...
//
// Not a test: run it by hand to compare changes. Plain C++ (no Qt) on purpose.

#include "gguf/gguf_file.h"
#include "tokenizer/tokenizer.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

using namespace conclave;

namespace {

std::string mixed_text(std::size_t target_bytes) {
    const char* parts[] = {
        "The quick brown fox jumps over the lazy dog. It's a truth universally acknowledged that "
        "a single man in possession of a good fortune must be in want of a wife.\n",
        "for (std::size_t i = 0; i < n; ++i) {\n    total += values[i] * 0.5f; // accumulate\n}\n",
        "def main(argv):\n\tif len(argv) > 2:\n\t\treturn {'key': [1, 2, 3], \"other\": None}\n\n",
        "Größenänderung der Straße über Äpfel und Öl. Zwölf Boxkämpfer jagen Viktor quer über den "
        "Sylter Deich.\n",
        "Съешь же ещё этих мягких французских булок, да выпей чаю. Широкая электрификация южных "
        "губерний.\n",
        "我们今天去公园散步吧。天气很好，阳光明媚，适合户外活动。\n",
        "日本語のテキストとカタカナ、ひらがな。東京タワーは高いです。\n",
        "مرحبا بالعالم، كيف حالك اليوم؟ هذا نص تجريبي.\n",
        "🚀 emoji 😶‍🌫️ test 👍🏽 family 👨‍👩‍👧‍👦 🎉🎉🎉\n",
        "3.14159 123456789 1,000,000 2024-01-15 0x1F 42 7\n",
        "spaces    and\t\ttabs\n\n\nnewlines      end   \n",
    };
    std::string text;
    std::size_t i = 0;
    while (text.size() < target_bytes) {
        text += parts[(i * 7 + i / 11) % std::size(parts)]; // vary the order a little
        ++i;
    }
    return text;
}

int bench(const std::string& path, const std::string& text, int runs) {
    auto file = gguf::GgufFile::open(path, {true});
    if (!file) {
        std::fprintf(stderr, "%s: %s\n", path.c_str(), file.error().message.c_str());
        return 1;
    }
    auto tok = tokenizer::Tokenizer::from_gguf(**file);
    if (!tok) {
        std::fprintf(stderr, "%s: %s\n", path.c_str(), tok.error().message.c_str());
        return 1;
    }
    std::vector<double> seconds;
    std::vector<tokenizer::TokenId> ids;
    for (int r = 0; r < runs; ++r) {
        const auto t0 = std::chrono::steady_clock::now();
        (*tok)->tokenize(text, {false, false}, ids);
        seconds.push_back(
            std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
    }
    std::sort(seconds.begin(), seconds.end());
    const double median = seconds[seconds.size() / 2];
    const double mb = static_cast<double>(text.size()) / 1e6;
    // The best run is shown too: on a busy machine it is the steadier figure.
    std::printf("%-36s median %7.2f MB/s  best %7.2f MB/s  %7zu tokens  (%.2f MB, %d runs)\n",
                path.substr(path.find_last_of('/') + 1).c_str(), mb / median, mb / seconds.front(),
                ids.size(), mb, runs);
    return 0;
}

} // namespace

int main(int argc, char** argv) {
    int runs = 7;
    std::vector<std::string> paths;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--runs" && i + 1 < argc) {
            runs = std::max(1, std::atoi(argv[++i]));
        } else {
            paths.push_back(arg);
        }
    }
    if (paths.empty()) {
        std::fprintf(stderr, "usage: bench_tokenize [--runs N] MODEL_OR_VOCAB.gguf...\n");
        return 2;
    }
    const std::string text = mixed_text(1 << 20);
    int status = 0;
    for (const std::string& p : paths) {
        status |= bench(p, text, runs);
    }
    return status;
}
