// storage_bench: how fast storage answers at the size of a heavy user's history.
//
//   storage_bench [DB] [--conversations N] [--messages M]
//
// Builds (or reuses, when DB already holds them) N conversations with M messages in all
// (defaults 10,000 and 1,000,000; one conversation has 500 messages, the rest share the
// remainder), written through ConversationExchange::import_json in batches. Then it times,
// as the app would call them: start-up (after a clean close, and after an unclean exit when
// quick_check runs), listing conversations a page at a time (and all at once), opening the
// 500-message conversation, searching (rare word, common word, two words, a two-letter
// prefix), and streaming: appending a token batch (memory) and the save that falls due once
// a second (StreamingMessageWriter::flush, one commit with its fsync).
// Prints the median and 95th percentile of repeated runs. Not a test: nothing is asserted.

#include "conclave/storage/conversation_store.h"
#include "conclave/storage/database.h"
#include "conclave/storage/exchange.h"
#include "conclave/storage/open_database.h"
#include "conclave/storage/search.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <random>
#include <string>
#include <time.h>
#include <utility>
#include <vector>

using namespace conclave::storage;
using Steady = std::chrono::steady_clock;

namespace {

struct Options {
    std::string path = "/tmp/conclave-storage-bench.db";
    int conversations = 10000;
    long messages = 1000000;
};

// A vocabulary of made-up words drawn with a Zipf-like skew, so a few words are very
// common (like "the") and most are rare, as in real chat text.
class Words {
public:
    explicit Words(std::mt19937& random) : m_random(random) {
        const char* syllables[] = {"ka",  "lo",  "mi",  "ne",  "ru",  "sa",  "ti",
                                   "vo",  "ze",  "pa",  "qui", "dor", "len", "mar",
                                   "sho", "tek", "vin", "gra", "plu", "xe"};
        for (int i = 0; m_words.size() < 8000; ++i) {
            std::string w;
            for (int s = i; s > 0 || w.empty(); s /= 20) w += syllables[s % 20];
            m_words.push_back(w);
        }
    }
    const std::string& next() {
        const double u = std::uniform_real_distribution<double>(0, 1)(m_random);
        return m_words[static_cast<std::size_t>(std::pow(static_cast<double>(m_words.size()), u)) -
                       1];
    }
    std::string sentence(int n) {
        std::string out;
        for (int i = 0; i < n; ++i) out += (i ? " " : "") + next();
        return out;
    }

private:
    std::mt19937& m_random;
    std::vector<std::string> m_words;
};

std::string conversation_json(long id, int n_messages, Words& words, std::mt19937& random) {
    std::string out = "{\"uid\":\"bench-c" + std::to_string(id) + "\",\"title\":\"" +
                      words.sentence(4) +
                      "\",\"created_at\":" + std::to_string(1'600'000'000'000 + id * 1000) +
                      ",\"updated_at\":" + std::to_string(1'600'000'000'000 + id * 1000 + 999) +
                      ",\"messages\":[";
    std::uniform_int_distribution<int> length(8, 90);
    for (int m = 0; m < n_messages; ++m) {
        const std::string uid = "bench-c" + std::to_string(id) + "-m" + std::to_string(m);
        const std::string parent =
            m == 0 ? "null"
                   : "\"bench-c" + std::to_string(id) + "-m" + std::to_string(m - 1) + "\"";
        std::string text = words.sentence(length(random));
        if (random() % 5000 == 0) text += " zyxwvuflux"; // the rare word
        out += std::string(m ? "," : "") + "{\"uid\":\"" + uid + "\",\"parent\":" + parent +
               ",\"role\":\"" + (m % 2 ? "assistant" : "user") + "\",\"content\":\"" + text +
               "\",\"created_at\":" + std::to_string(1'600'000'000'000 + id * 1000 + m) +
               ",\"updated_at\":0}";
    }
    return out + "]}";
}

void populate(Database& db, const Options& options) {
    std::mt19937 random(42);
    Words words(random);
    ConversationExchange exchange(db);
    const long rest = options.messages - 500;
    const int others = options.conversations - 1;
    const auto start = Steady::now();
    std::string batch;
    for (int c = 0; c < options.conversations; ++c) {
        const int n =
            c == 0 ? 500 : static_cast<int>(rest / others + (c - 1 < rest % others ? 1 : 0));
        batch += (batch.empty() ? "" : ",") + conversation_json(c, n, words, random);
        if ((c + 1) % 100 == 0 || c + 1 == options.conversations) {
            exchange.import_json(
                "{\"format\":\"conclave-conversations\",\"version\":1,\"conversations\":[" + batch +
                "]}");
            batch.clear();
            std::fprintf(stderr, "\rpopulating: %d / %d conversations", c + 1,
                         options.conversations);
        }
    }
    std::fprintf(stderr, "\rpopulated in %.0f s%30s\n",
                 std::chrono::duration<double>(Steady::now() - start).count(), "");
}

struct Timing {
    double median_ms;
    double p95_ms;
    double cpu_median_ms; // this thread's CPU time: what the figure is on an idle machine
};

double thread_cpu_ms() {
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}

Timing measure(int runs, const std::function<void()>& body) {
    std::vector<double> ms;
    std::vector<double> cpu;
    body(); // warm the page cache and statement paths once
    for (int i = 0; i < runs; ++i) {
        const auto t0 = Steady::now();
        const double c0 = thread_cpu_ms();
        body();
        cpu.push_back(thread_cpu_ms() - c0);
        ms.push_back(std::chrono::duration<double, std::milli>(Steady::now() - t0).count());
    }
    std::sort(ms.begin(), ms.end());
    std::sort(cpu.begin(), cpu.end());
    return {ms[ms.size() / 2], ms[std::min(ms.size() - 1, ms.size() * 95 / 100)],
            cpu[cpu.size() / 2]};
}

void print(const char* what, Timing t, const std::string& note = {}) {
    std::printf("%-54s median %8.3f ms  p95 %8.3f ms  cpu %7.3f ms  %s\n", what, t.median_ms,
                t.p95_ms, t.cpu_median_ms, note.c_str());
}

} // namespace

int main(int argc, char** argv) {
    Options options;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--conversations" && i + 1 < argc)
            options.conversations = std::stoi(argv[++i]);
        else if (arg == "--messages" && i + 1 < argc)
            options.messages = std::stol(argv[++i]);
        else
            options.path = arg;
    }
    {
        OpenedDatabase opened = open_conclave_database(options.path);
        Statement count = opened.database->prepare("SELECT count(*) FROM messages");
        count.step();
        if (count.int64(0) != options.messages) {
            if (count.int64(0) != 0) {
                std::fprintf(stderr, "%s holds other data; give a new path\n",
                             options.path.c_str());
                return 1;
            }
            opened.database->exec("PRAGMA synchronous = OFF"); // bulk set-up only
            populate(*opened.database, options);
        }
    }

    const auto time_open = [&](const OpenOptions& open_options) {
        const auto t0 = Steady::now();
        OpenedDatabase opened = open_conclave_database(options.path, open_options);
        return std::pair{std::chrono::duration<double, std::milli>(Steady::now() - t0).count(),
                         std::move(opened)};
    };
    // The set-up above closed the database cleanly: this start skips the integrity check.
    auto [clean_ms, clean] = time_open({});
    const bool clean_checked = clean.report.integrity_checked;
    clean.database.reset();
    // What a start after a crash does (or a weekly one): the same with quick_check.
    auto [unclean_ms, opened] = time_open({.always_check = true});
    Database& db = *opened.database;
    ConversationStore store(db);
    ConversationSearch search(db);
    std::printf("database: %s, %.0f MiB, %d conversations, %ld messages\n", options.path.c_str(),
                static_cast<double>(std::filesystem::file_size(options.path)) / (1 << 20),
                options.conversations, options.messages);
    std::printf("%-54s %8.1f ms%s\n", "start-up after a clean close", clean_ms,
                clean_checked ? "  (checked: no clean-close marker yet)" : "  (no quick_check)");
    std::printf("%-54s %8.1f ms  (includes quick_check)\n",
                "start-up after an unclean exit, or weekly", unclean_ms);

    print("list_conversations, first page of 50",
          measure(200, [&] { store.list_conversations({.limit = 50}); }));
    std::size_t rows = 0;
    const std::vector<Conversation> everything = store.list_conversations();
    const ListCursor deep = ListCursor::after(everything.at(everything.size() / 2 - 1));
    print(
        "list_conversations, a page of 50 from the middle",
        measure(200, [&] { rows = store.list_conversations({.limit = 50, .after = deep}).size(); }),
        "keyset, after row " + std::to_string(everything.size() / 2));
    const Timing list_all = measure(30, [&] { rows = store.list_conversations().size(); });
    print("list_conversations, all (informational)", list_all, std::to_string(rows) + " rows");
    Id big = 0;
    for (const Conversation& c : everything)
        if (c.uid == "bench-c0") big = c.id;
    std::size_t branch = 0;
    const Timing open = measure(100, [&] { branch = store.open_conversation(big).branch.size(); });
    print("open_conversation with 500 messages", open, std::to_string(branch) + " messages");
    std::size_t hits = 0;
    const Timing rare = measure(50, [&] { hits = search.search("zyxwvuflux").size(); });
    print("search rare word (\"zyxwvuflux\")", rare, std::to_string(hits) + " hits");
    const Timing common = measure(20, [&] { hits = search.search("ka").size(); });
    print("search common word (\"ka\")", common, std::to_string(hits) + " hits (limit 50)");
    const Timing two = measure(20, [&] { hits = search.search("lomi sa").size(); });
    print("search two words (\"lomi sa\")", two, std::to_string(hits) + " hits");
    const Timing prefix = measure(20, [&] { hits = search.search("pl").size(); });
    print("search while typing (\"pl\", a prefix)", prefix, std::to_string(hits) + " hits");

    // A streamed answer: token batches of 20 tokens saved into a message that grows.
    NewMessage reply;
    reply.conversation_id = big;
    reply.role = Role::assistant;
    StreamingOptions stream_options;
    stream_options.flush_interval = std::chrono::hours(1); // flushes only when asked, below
    // The appends below grow one answer far past a real one; the saves are timed on a fresh
    // answer, as each save writes the whole text so far.
    StreamingMessageWriter grown = store.begin_streaming(reply, stream_options);
    std::mt19937 random(7);
    Words words(random);
    print("append one token (in memory, no write due)",
          measure(2000, [&] { grown.append(words.next() + " "); }));
    const std::string batch = words.sentence(20) + " ";
    const Timing append_batch = measure(2000, [&] { grown.append(batch); });
    print("append a 20-token batch (caller; no save due)", append_batch);
    grown.stop({});
    store.delete_subtree(grown.message_id());
    StreamingMessageWriter writer = store.begin_streaming(reply, stream_options);
    const Timing flush_full = measure(200, [&] {
        writer.append(words.sentence(20) + " ");
        writer.flush();
    });
    print("the save due once a second: one commit, synchronous=FULL", flush_full,
          std::to_string(writer.content().size()) + " bytes by the end");
    // At 20 batches a second (about 400 tokens/s), one batch in 20 carries the save.
    std::printf("%-54s median %8.3f ms  (wall; cpu %.3f ms)\n",
                "  per batch over a second of streaming (20 batches)",
                (19 * append_batch.median_ms + flush_full.median_ms) / 20,
                (19 * append_batch.cpu_median_ms + flush_full.cpu_median_ms) / 20);
    db.exec("PRAGMA synchronous = NORMAL");
    print("same, synchronous=NORMAL (no fsync; for comparison)", measure(200, [&] {
              writer.append(words.sentence(20) + " ");
              writer.flush();
          }));
    db.exec("PRAGMA synchronous = FULL");
    writer.stop({});
    store.delete_subtree(writer.message_id());
    return 0;
}
