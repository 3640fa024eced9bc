// A separate process for the storage tests that need one. Plain C++, no Qt, so it can be
// killed at any instant or run as another user.
//
//   storage_test_child stream DB      streams answers forever, reporting each commit on stdout;
//                                     test_crash_safety kills it with SIGKILL at random moments
//   storage_test_child open DB        opens DB as the app does (as user nobody when run by
//                                     root, so folder permissions apply) and prints the outcome
//   storage_test_child unclean DB     opens DB, commits one message, prints "committed" and
//                                     ends without closing the database (as a crash would)
//   storage_test_child fill DB        streams under a small file-size limit (RLIMIT_FSIZE, a
//                                     real failing write), then lifts it and finishes
//
// Protocol lines (each written after the commit it reports, and flushed):
//   user <id> <content>     a user message is committed with exactly this content
//   begin <id>              a streamed answer exists (state streaming)
//   saved <id> <bytes>      its first <bytes> bytes are committed
//   done <id> <bytes>       it is complete with exactly <bytes> bytes

#include "conclave/storage/conversation_store.h"
#include "conclave/storage/database_error.h"
#include "conclave/storage/open_database.h"
#include "crash_text.h"

#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <sys/resource.h>
#include <thread>
#include <unistd.h>

using namespace conclave::storage;

namespace {

void report(const std::string& line) {
    std::fputs((line + "\n").c_str(), stdout);
    std::fflush(stdout);
}

int stream(const std::string& path) {
    OpenedDatabase opened = open_conclave_database(path);
    ConversationStore store(*opened.database);
    StreamingOptions options;
    options.flush_interval = std::chrono::milliseconds(3);
    for (int round = 0;; ++round) {
        const Id conversation =
            round % 4 == 0 || store.list_conversations({.limit = 1}).empty()
                ? store.create_conversation("crash round " + std::to_string(round)).id
                : store.list_conversations({.limit = 1})[0].id;
        NewMessage question;
        question.conversation_id = conversation;
        question.content =
            "question-" + std::to_string(getpid()) + "-" + std::to_string(round) + "-é";
        const Message asked = store.append_message(question);
        report("user " + std::to_string(asked.id) + " " + question.content);
        // Every third round also regenerates, so kills land while branching too.
        for (int answer = 0; answer < (round % 3 == 0 ? 2 : 1); ++answer) {
            NewMessage reply;
            reply.conversation_id = conversation;
            reply.parent_id = asked.id;
            reply.role = Role::assistant;
            StreamingMessageWriter writer = store.begin_streaming(reply, options);
            report("begin " + std::to_string(writer.message_id()));
            for (int token = 0; token < crash_text::answer_tokens; ++token) {
                writer.append(crash_text::token(token));
                if (!writer.has_unsaved_text())
                    report("saved " + std::to_string(writer.message_id()) + " " +
                           std::to_string(writer.content().size()));
                std::this_thread::sleep_for(std::chrono::microseconds(300));
            }
            writer.finish({5, 60, 1.0, 100.0, StopReason::token_limit});
            report("done " + std::to_string(writer.message_id()) + " " +
                   std::to_string(writer.content().size()));
        }
    }
}

int open_as_user(const std::string& path) {
    // Root ignores permissions; an ordinary user is what the check is about.
    if (geteuid() == 0 && (setgid(65534) != 0 || setuid(65534) != 0)) {
        report("setup cannot drop privileges");
        return 2;
    }
    try {
        OpenedDatabase opened = open_conclave_database(path);
        ConversationStore(*opened.database).create_conversation("written");
        report("ok");
    } catch (const DatabaseError& error) {
        report("error " + std::to_string(static_cast<int>(error.kind())) + " " + error.what());
    }
    return 0;
}

int exit_uncleanly(const std::string& path) {
    OpenedDatabase opened = open_conclave_database(path);
    ConversationStore store(*opened.database);
    NewMessage message;
    message.conversation_id = store.create_conversation("before the crash").id;
    message.content = "written just before the crash";
    store.append_message(message);
    report("committed");
    std::_Exit(0); // no destructor runs: the connection is never closed
}

int fill(const std::string& path) {
    OpenedDatabase opened = open_conclave_database(path);
    ConversationStore store(*opened.database);
    const Id conversation = store.create_conversation("fill").id;
    NewMessage reply;
    reply.conversation_id = conversation;
    reply.role = Role::assistant;
    StreamingOptions options;
    options.flush_interval = std::chrono::milliseconds(0);
    StreamingMessageWriter writer = store.begin_streaming(reply, options);
    // Writes past the limit fail with EFBIG instead of killing the process.
    std::signal(SIGXFSZ, SIG_IGN);
    rlimit limit{};
    getrlimit(RLIMIT_FSIZE, &limit);
    const rlim_t unlimited = limit.rlim_cur;
    limit.rlim_cur = 256 * 1024;
    setrlimit(RLIMIT_FSIZE, &limit);
    std::string expected;
    int failures = 0;
    for (int token = 0; token < 20000 && failures == 0; ++token) {
        const std::string piece = crash_text::token(token) + std::string(40, 'x');
        expected += piece;
        try {
            writer.append(piece);
        } catch (const DatabaseError& error) {
            ++failures;
            report("full " + std::to_string(static_cast<int>(error.kind())) + " " + error.what());
        }
    }
    if (failures == 0) report("never full");
    report(writer.content() == expected ? "memory intact" : "memory lost text");
    limit.rlim_cur = unlimited;
    setrlimit(RLIMIT_FSIZE, &limit);
    writer.finish({});
    report(store.message(writer.message_id()).content == expected ? "resumed complete"
                                                                  : "resumed incomplete");
    return 0;
}

} // namespace

int main(int argc, char** argv) {
    if (argc != 3) {
        std::fputs("usage: storage_test_child stream|open|fill|unclean DB\n", stderr);
        return 2;
    }
    const std::string mode = argv[1];
    try {
        if (mode == "stream") return stream(argv[2]);
        if (mode == "open") return open_as_user(argv[2]);
        if (mode == "fill") return fill(argv[2]);
        if (mode == "unclean") return exit_uncleanly(argv[2]);
    } catch (const std::exception& error) {
        report(std::string("exception ") + error.what());
        return 1;
    }
    return 2;
}
