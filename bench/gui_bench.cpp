// gui_bench: the chat window's own speed figures (issue 6), measured in one process with the
// real app object graph (Composition: engine thread, SQLite store, controller, window):
//
//   window visible   ms from the process's start (kernel's record) to the first frame drawn
//   first token      ms from the engine emitting an answer's first text to the first frame
//                    drawn after it reached the message list (median over the answers)
//   GUI stall        longest gap of a 1 ms GUI-thread timer while answers stream (the longest
//                    time the GUI thread could not react), with the CPU time the GUI thread
//                    itself used inside that gap (a gap with little CPU was the scheduler's, on
//                    a busy machine), the longest stretch of the GUI thread's own CPU between
//                    two ticks (how long it was really blocked by work), and the frame-interval
//                    median/max
//   send             the longest ChatController::sendMessage call (stores the question and
//                    starts the answer; a user action, before streaming)
//   tokens/s         the engine's generation speed during those answers (the update rate
//                    the GUI had to follow)
//   app memory       resident memory after the window shows (before any model), and after the
//                    answers minus the model file's resident pages and the engine session's
//                    KV cache and scratch (the engine's own estimate for the context used)
//
// Usage: gui_bench MODEL.gguf [--answers N] [--tokens N] [--threads N]
// Runs on a temporary data folder. Under `QT_QPA_PLATFORM=offscreen` the frames are drawn by
// the software path; on a desktop session they are real frames. Prints one table and a JSON
// line. Never asserts a speed: this is a benchmark, not a test.

#include "composition.h"
#include "conclave/model.h"
#include "conclave/session.h"
#include "engine_worker.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QGuiApplication>
#include <QQuickWindow>
#include <QTemporaryDir>
#include <QTimer>
#include <QUrl>
#include <algorithm>
#include <atomic>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <functional>
#include <mutex>
#include <unistd.h>
#include <vector>

using conclave::app::Composition;
using conclave::ui::ChatController;
using Clock = std::chrono::steady_clock;

namespace {

// Milliseconds since the kernel started this process (10 ms resolution on Linux).
double msSinceProcessStart() {
    QFile stat(QStringLiteral("/proc/self/stat"));
    QFile uptime(QStringLiteral("/proc/uptime"));
    if (!stat.open(QIODevice::ReadOnly) || !uptime.open(QIODevice::ReadOnly)) return -1;
    const QByteArray statLine = stat.readAll();
    // Fields after the command name (which may hold spaces) start after the last ')'.
    const QList<QByteArray> fields = statLine.mid(statLine.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 20) return -1;
    const double startTicks = fields.at(19).toDouble(); // field 22 of the whole line
    const double upSeconds = uptime.readAll().split(' ').value(0).toDouble();
    return (upSeconds - startTicks / static_cast<double>(sysconf(_SC_CLK_TCK))) * 1000.0;
}

// Resident kB of the whole process and of mappings of `file`.
std::pair<double, double> residentKb(const QString& file) {
    QFile smaps(QStringLiteral("/proc/self/smaps"));
    if (!smaps.open(QIODevice::ReadOnly)) return {-1, -1};
    double total = 0;
    double model = 0;
    bool inModel = false;
    const QByteArray path = file.toUtf8();
    for (const QByteArray& line : smaps.readAll().split('\n')) {
        if (line.isEmpty()) continue;
        const bool header = line.contains('-') && !line.endsWith("kB") && std::isxdigit(line.at(0));
        if (header) {
            inModel = line.endsWith(path);
        } else if (line.startsWith("Rss:")) {
            const double kb = line.mid(4).trimmed().split(' ').value(0).toDouble();
            total += kb;
            if (inModel) model += kb;
        }
    }
    return {total, model};
}

double threadCpuMs() {
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return static_cast<double>(now.tv_sec) * 1000.0 + static_cast<double>(now.tv_nsec) / 1e6;
}

double median(std::vector<double> values) {
    if (values.empty()) return -1;
    std::sort(values.begin(), values.end());
    const size_t mid = values.size() / 2;
    return values.size() % 2 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
}

bool waitFor(const std::function<bool()>& done, int timeoutMs) {
    QTimer wake; // a periodic wake-up so `done` is checked even when nothing else happens
    wake.start(10);
    QElapsedTimer clock;
    clock.start();
    while (!done()) {
        if (clock.elapsed() > timeoutMs) return false;
        // Sleeps until something happens (a spinning loop would compete with the engine).
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents);
    }
    return true;
}

} // namespace

int main(int argc, char** argv) {
    QTemporaryDir data;
    qputenv("XDG_DATA_HOME", data.path().toUtf8());
    QGuiApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("model"),
                                 QStringLiteral("GGUF model to chat with"));
    parser.addOption({QStringLiteral("answers"), QStringLiteral("answers to stream"),
                      QStringLiteral("N"), QStringLiteral("5")});
    parser.addOption({QStringLiteral("tokens"), QStringLiteral("tokens per answer"),
                      QStringLiteral("N"), QStringLiteral("200")});
    parser.addOption({QStringLiteral("threads"), QStringLiteral("engine threads"),
                      QStringLiteral("N"), QStringLiteral("2")});
    parser.process(app);
    if (parser.positionalArguments().size() != 1) parser.showHelp(2);
    const QString modelPath = parser.positionalArguments().first();
    const int answers = parser.value(QStringLiteral("answers")).toInt();

    Composition composition;
    ChatController& chat = composition.chat();
    if (!composition.window().show()) return 1;
    QQuickWindow* window = composition.window().window();

    // Every frame the window draws. frameSwapped comes from the render thread when Qt renders
    // on one, so the list is guarded.
    std::mutex framesMutex;
    std::vector<Clock::time_point> frameTimes;
    QObject::connect(
        window, &QQuickWindow::frameSwapped, window,
        [&] {
            const std::lock_guard lock(framesMutex);
            frameTimes.push_back(Clock::now());
        },
        Qt::DirectConnection);
    auto frameCount = [&] {
        const std::lock_guard lock(framesMutex);
        return frameTimes.size();
    };
    if (!waitFor([&] { return frameCount() > 0; }, 10000)) {
        std::fprintf(stderr, "gui_bench: the window drew no frame in 10 s\n");
        return 1;
    }
    const double windowVisibleMs = msSinceProcessStart();
    waitFor([] { return false; }, 300); // let the first frames settle before measuring memory
    const double appBeforeModelMb = residentKb(modelPath).first / 1024.0;

    chat.settings()->setThreads(parser.value(QStringLiteral("threads")).toInt());
    chat.settings()->setTemperature(0.8);
    chat.settings()->setMaxTokens(parser.value(QStringLiteral("tokens")).toInt());
    chat.openModel(QUrl::fromLocalFile(modelPath));
    if (!waitFor([&] { return chat.modelStatus() == ChatController::ModelStatus::Ready; },
                 120000)) {
        std::fprintf(stderr, "gui_bench: the model did not load: %s\n",
                     qPrintable(chat.errorMessage()));
        return 1;
    }

    // The engine's first text of each answer, stamped on the worker thread as it is emitted.
    std::atomic<bool> firstSeen{false};
    Clock::time_point firstEmitted;
    QObject::connect(
        composition.worker(), &conclave::app::EngineWorker::generationProgress,
        composition.worker(),
        [&](quint64, const conclave::app::GenerationUpdate&) {
            if (!firstSeen.exchange(true)) firstEmitted = Clock::now();
        },
        Qt::DirectConnection);

    // A 1 ms timer on the GUI thread: its longest gap is the longest the GUI was busy.
    Clock::time_point lastTick = Clock::now();
    double lastCpuMs = threadCpuMs();
    double longestGapMs = 0;
    double longestGapCpuMs = 0;
    double longestBusyMs = 0; // the most CPU the GUI thread used between two ticks: its own block
    Clock::time_point busyAt; // when it ended, to tell streaming from the answer's end
    double busyFromEndMs = 0; // that moment relative to the end of its answer (negative: before)
    bool measuring = false;
    double longestSendMs = 0; // the send call itself: stores the question, starts the answer
    QTimer ticker;
    ticker.setTimerType(Qt::PreciseTimer);
    ticker.setInterval(1);
    QObject::connect(&ticker, &QTimer::timeout, [&] {
        const auto now = Clock::now();
        const double cpu = threadCpuMs();
        const double gap = std::chrono::duration<double, std::milli>(now - lastTick).count();
        if (measuring && gap > longestGapMs) {
            longestGapMs = gap;
            longestGapCpuMs = cpu - lastCpuMs;
        }
        if (measuring && cpu - lastCpuMs > longestBusyMs) {
            longestBusyMs = cpu - lastCpuMs;
            busyAt = now;
        }
        lastTick = now;
        lastCpuMs = cpu;
    });
    ticker.start();

    std::vector<double> firstTokenMs;
    std::vector<double> frameIntervalsMs;
    std::vector<double> tokensPerSecond;
    const QStringList prompts = {QStringLiteral("Tell me a long story about a lighthouse keeper."),
                                 QStringLiteral("Explain how a compiler works, step by step."),
                                 QStringLiteral("Write a long poem about the sea."),
                                 QStringLiteral("Describe the history of the bicycle in detail."),
                                 QStringLiteral("List fifty animals with one fact each.")};
    for (int i = 0; i < answers; ++i) {
        chat.newConversation();
        firstSeen = false;
        const size_t framesBefore = frameCount();
        bool finished = false;
        int finishedRow = -1;
        const auto connection =
            QObject::connect(&chat, &ChatController::answerFinished, [&](int row) {
                finished = true;
                finishedRow = row;
            });
        const auto sendStart = Clock::now();
        if (!chat.sendMessage(prompts.at(i % prompts.size()))) return 1;
        longestSendMs =
            std::max(longestSendMs,
                     std::chrono::duration<double, std::milli>(Clock::now() - sendStart).count());
        // The first frame after the answer's row first holds text.
        waitFor(
            [&] {
                return chat.messages()->rowCount() == 2 && !chat.messages()->at(1).text.isEmpty();
            },
            60000);
        lastTick = Clock::now();
        lastCpuMs = threadCpuMs();
        measuring = true; // streaming from here to the end of the answer
        const size_t framesAtText = frameCount();
        waitFor([&] { return frameCount() > framesAtText; }, 1000);
        if (firstSeen && frameCount() > framesAtText) {
            const std::lock_guard lock(framesMutex);
            firstTokenMs.push_back(
                std::chrono::duration<double, std::milli>(frameTimes[framesAtText] - firstEmitted)
                    .count());
        }
        const double busyBefore = longestBusyMs;
        waitFor([&] { return finished; }, 300000);
        const auto answerEnd = Clock::now();
        waitFor([] { return false; }, 200); // what finishing an answer costs counts too
        measuring = false;
        if (longestBusyMs > busyBefore)
            busyFromEndMs = std::chrono::duration<double, std::milli>(busyAt - answerEnd).count();
        QObject::disconnect(connection);
        const std::lock_guard lock(framesMutex);
        for (size_t f = framesBefore + 1; f < frameTimes.size(); ++f)
            frameIntervalsMs.push_back(
                std::chrono::duration<double, std::milli>(frameTimes[f] - frameTimes[f - 1])
                    .count());
        if (finishedRow >= 0)
            tokensPerSecond.push_back(chat.messages()->at(finishedRow).tokensPerSecond);
    }

    const auto [rssKb, modelKb] = residentKb(modelPath);
    double sessionMb = 0;
    if (auto info = conclave::Model::inspect(modelPath.toStdString())) {
        conclave::SessionOptions options;
        options.n_ctx = chat.contextSize();
        const conclave::MemoryEstimate estimate = conclave::estimate_memory(*info, options);
        sessionMb = static_cast<double>(estimate.kv_cache + estimate.scratch) / (1024.0 * 1024.0);
    }
    const double appMb = (rssKb - modelKb) / 1024.0 - sessionMb;
    const double frameMedian = median(frameIntervalsMs);
    const double frameMax = frameIntervalsMs.empty() ? -1
                                                     : *std::max_element(frameIntervalsMs.begin(),
                                                                         frameIntervalsMs.end());
    std::printf("platform            %s\n", qPrintable(QGuiApplication::platformName()));
    std::printf("window visible      %8.0f ms after process start\n", windowVisibleMs);
    std::printf("first token drawn   %8.1f ms after the engine emitted it (median of %zu)\n",
                median(firstTokenMs), firstTokenMs.size());
    std::printf("GUI thread          %8.1f ms longest stall while streaming (%.1f ms of it on the "
                "GUI thread's CPU)\n",
                longestGapMs, longestGapCpuMs);
    std::printf(
        "                    %8.1f ms longest busy stretch (GUI-thread CPU between two ticks), "
        "%+.0f ms from the end of its answer\n",
        longestBusyMs, busyFromEndMs);
    std::printf(
        "                    %8.1f ms longest send (store the question, start the answer)\n",
        longestSendMs);
    std::printf("frame interval      %8.1f ms median, %.1f ms max (%zu frames)\n", frameMedian,
                frameMax, frameIntervalsMs.size());
    std::printf("generation          %8.1f tokens/s median\n", median(tokensPerSecond));
    std::printf("app memory          %8.1f MB resident before any model\n", appBeforeModelMb);
    std::printf(
        "                    %8.1f MB resident after the answers, excluding the model file's %.1f "
        "MB\n"
        "                             and the session's KV cache + scratch (%.1f MB, %d tokens)\n",
        appMb, modelKb / 1024.0, sessionMb, chat.contextSize());
    std::printf(
        "{\"window_visible_ms\": %.0f, \"first_token_drawn_ms\": %.1f, "
        "\"gui_longest_stall_ms\": %.1f, "
        "\"gui_longest_stall_cpu_ms\": %.1f, \"gui_longest_busy_ms\": %.1f, \"send_ms\": %.1f, "
        "\"frame_interval_median_ms\": %.1f, \"frame_interval_max_ms\": %.1f, "
        "\"tokens_per_second\": %.1f, \"app_memory_before_model_mb\": %.1f, "
        "\"app_memory_mb\": %.1f}\n",
        windowVisibleMs, median(firstTokenMs), longestGapMs, longestGapCpuMs, longestBusyMs,
        longestSendMs, frameMedian, frameMax, median(tokensPerSecond), appBeforeModelMb, appMb);
    composition.chat().prepareToQuit();
    return 0;
}
