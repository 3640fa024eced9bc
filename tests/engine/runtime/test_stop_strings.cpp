// Stop strings end an answer wherever the tokens split them, and the user never sees any part
// of a stop string, nor loses text that only looked like the start of one.

#include "runtime/stop_strings.h"

#include <QtTest>

using conclave::runtime::StopStringFilter;

namespace {

struct Run {
    std::string shown;
    bool stopped = false;
    std::string matched;
};

// Feeds the pieces one by one, as tokens would arrive.
Run feed(std::vector<std::string> stops, const std::vector<std::string>& pieces) {
    StopStringFilter filter(std::move(stops));
    Run run;
    for (const std::string& piece : pieces) {
        StopStringFilter::Step step = filter.push(piece);
        run.shown += step.text;
        if (step.stopped) {
            run.stopped = true;
            run.matched = step.matched;
        }
    }
    run.shown += filter.finish();
    return run;
}

} // namespace

class TestStopStrings : public QObject {
    Q_OBJECT

private slots:
    void stopStringSplitAcrossPieces() {
        const Run run = feed({"<|im_end|>"}, {"Paris", " is", " the capital.", "<|im", "_", "end|>", "more"});
        QVERIFY(run.stopped);
        QCOMPARE(run.shown, std::string("Paris is the capital."));
        QCOMPARE(run.matched, std::string("<|im_end|>"));
    }

    void textBeforeTheStopInTheSamePieceIsShown() {
        const Run run = feed({"\n\nUser:"}, {"Done.\n\nUser: next"});
        QVERIFY(run.stopped);
        QCOMPARE(run.shown, std::string("Done."));
    }

    // Held-back text that turns out not to be a stop string comes out, in order.
    void falseStartIsReleased() {
        StopStringFilter filter({"</answer>"});
        QCOMPARE(filter.push("a </an").text, std::string("a "));
        QCOMPARE(filter.push("chor> b").text, std::string("</anchor> b"));
        QCOMPARE(filter.push("</").text, std::string());
        QCOMPARE(filter.finish(), std::string("</"));
    }

    // A stop string that starts inside the held-back tail of another candidate is found.
    void overlappingCandidates() {
        const Run run = feed({"abc"}, {"xa", "ab", "c", "tail"});
        QVERIFY(run.stopped);
        QCOMPARE(run.shown, std::string("xa"));
    }

    void earliestOfSeveralWins() {
        const Run run = feed({"END", "STOP"}, {"one STOP two END"});
        QCOMPARE(run.matched, std::string("STOP"));
        QCOMPARE(run.shown, std::string("one "));
    }

    void multibyteStopString() {
        const Run run = feed({"。\n"}, {"日本", "語", "。", "\n", "次"});
        QVERIFY(run.stopped);
        QCOMPARE(run.shown, std::string("日本語"));
    }

    void noStopStringsPassEverythingThrough() {
        const Run run = feed({}, {"a", "<|im_end|>", "b"});
        QVERIFY(!run.stopped);
        QCOMPARE(run.shown, std::string("a<|im_end|>b"));
        const Run empty_stop = feed({""}, {"a", "b"});
        QCOMPARE(empty_stop.shown, std::string("ab"));
    }

    void nothingAfterAStop() {
        StopStringFilter filter({"!"});
        QVERIFY(filter.push("hi!").stopped);
        QCOMPARE(filter.push("more").text, std::string());
        QCOMPARE(filter.finish(), std::string());
    }
};

QTEST_GUILESS_MAIN(TestStopStrings)
#include "test_stop_strings.moc"
