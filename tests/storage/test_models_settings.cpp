// ModelStore and SettingsStore: models remembered by path with the user's choices kept
// across refreshes, missing files marked rather than deleted, per-model settings that fall
// back field by field, and app settings as key/value text.

#include "conclave/storage/conversation_store.h"
#include "conclave/storage/database_error.h"
#include "conclave/storage/model_store.h"
#include "conclave/storage/settings_store.h"
#include "storage_test_support.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace conclave::storage;
using namespace conclave::storage::testing;

class TestModelsSettings : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_next = 0;
    std::unique_ptr<Database> m_db;
    ManualClock m_clock;

    static ModelRecord smol() {
        ModelRecord r;
        r.path = "/models/SmolLM2-135M-Instruct.Q4_1.gguf";
        r.file_size = 94'000'000;
        r.file_modified_at = 1'690'000'000'000;
        r.display_name = "SmolLM2 135M";
        r.architecture = "llama";
        r.parameter_count = 134'515'008;
        r.active_parameter_count = 134'515'008;
        r.quant_mix = "Q4_1 97%, F32 3%";
        r.context_length = 8192;
        return r;
    }

private slots:
    void init() {
        m_db = migrated_database(
            (m_dir.path() + QStringLiteral("/models%1.db").arg(m_next++)).toStdString());
    }

    void cleanup() { m_db.reset(); }

    void rememberKeepsUserChoicesAcrossRefresh() {
        ModelStore models(*m_db, m_clock.clock());
        const ModelRecord first = models.remember_model(smol());
        QVERIFY(first.id > 0);
        QCOMPARE(first.added_at, *m_clock.now);
        QVERIFY(!first.last_used_at);
        models.set_favourite(first.id, true);
        models.set_sha256(first.id, "ab12");
        m_clock.advance(5000);
        models.mark_used(first.id);
        models.set_missing(first.id, true);

        // The same file seen again, unchanged: same row, choices and hash kept, no longer missing.
        const ModelRecord again = models.remember_model(smol());
        QCOMPARE(again.id, first.id);
        QVERIFY(again.favourite);
        QVERIFY(!again.missing);
        QCOMPARE(again.last_used_at, std::optional<std::int64_t>(*m_clock.now));
        QCOMPARE(q(again.sha256.value_or("")), QStringLiteral("ab12"));
        // The file changed: the old hash no longer describes it.
        ModelRecord changed = smol();
        changed.file_size += 1;
        changed.display_name = "SmolLM2 (new)";
        const ModelRecord refreshed = models.remember_model(changed);
        QVERIFY(!refreshed.sha256);
        QCOMPARE(q(refreshed.display_name), QStringLiteral("SmolLM2 (new)"));
        QCOMPARE(models.list_models().size(), std::size_t{1});
    }

    void missingModelsStayAndHistoryKeepsTheirName() {
        ModelStore models(*m_db, m_clock.clock());
        ConversationStore conversations(*m_db, m_clock.clock());
        const Id model = models.remember_model(smol()).id;
        const Id c = conversations.create_conversation("uses smol", model).id;
        NewMessage answer;
        answer.conversation_id = c;
        answer.role = Role::assistant;
        answer.model_id = model;
        answer.model_name = "SmolLM2 135M";
        const Id message = conversations.append_message(answer).id;

        conversations.set_last_model(c, std::nullopt);
        QVERIFY(!conversations.conversation(c).last_model_id);
        conversations.set_last_model(c, model);
        models.rename(model, "Smol (renamed)");
        QCOMPARE(q(models.find_by_path(smol().path).value().display_name),
                 QStringLiteral("Smol (renamed)"));
        QVERIFY(!models.find_by_path("/nowhere.gguf"));

        models.set_missing(model, true);
        QVERIFY(models.model(model).missing);
        QCOMPARE(conversations.conversation(c).last_model_id, std::optional<Id>(model));

        models.forget_model(model);
        QVERIFY(models.list_models().empty());
        QVERIFY(!conversations.conversation(c).last_model_id);
        const Message kept = conversations.message(message);
        QVERIFY(!kept.model_id);
        QCOMPARE(q(kept.model_name), QStringLiteral("SmolLM2 135M"));
    }

    void listOrdersFavouritesThenRecentUse() {
        ModelStore models(*m_db, m_clock.clock());
        ModelRecord a = smol();
        a.path = "/m/a.gguf";
        a.display_name = "a";
        ModelRecord b = a;
        b.path = "/m/b.gguf";
        b.display_name = "b";
        ModelRecord c = a;
        c.path = "/m/c.gguf";
        c.display_name = "c";
        const Id ia = models.remember_model(a).id;
        const Id ib = models.remember_model(b).id;
        const Id ic = models.remember_model(c).id;
        models.mark_used(ia);
        m_clock.advance(10);
        models.mark_used(ib);
        models.set_favourite(ic, true);
        QList<Id> order;
        for (const ModelRecord& m : models.list_models()) order << m.id;
        QCOMPARE(order, (QList<Id>{ic, ib, ia}));
    }

    void settingsRoundTripAndFallBackFieldByField() {
        ModelStore models(*m_db, m_clock.clock());
        const Id model = models.remember_model(smol()).id;
        QVERIFY(models.settings(model) == ModelSettings{});
        ModelSettings mine;
        mine.system_prompt = "Tu es concis.";
        mine.sampling.temperature = 0.7;
        mine.sampling.min_p = 0.05;
        mine.threads = 6;
        mine.backend = "vulkan";
        mine.gpu_memory_budget = 6LL << 30;
        mine.placement_mode = "experts-on-cpu";
        mine.max_tokens = 2048;
        mine.thinking = false; // off is a choice, not "unset"
        mine.reasoning_effort = "high";
        models.save_settings(model, mine);
        QVERIFY(models.settings(model) == mine);

        ModelSettings from_metadata;
        from_metadata.sampling.temperature = 0.6;
        from_metadata.sampling.top_p = 0.95;
        from_metadata.context_length = 8192;
        const ModelSettings effective = merged(models.settings(model), from_metadata);
        QCOMPARE(effective.sampling.temperature, std::optional<double>(0.7));
        QCOMPARE(effective.sampling.top_p, std::optional<double>(0.95));
        QCOMPARE(effective.context_length, std::optional<std::int64_t>(8192));
        QCOMPARE(effective.threads, std::optional<std::int64_t>(6));

        models.save_settings(model, {});
        QVERIFY(models.settings(model) == ModelSettings{});
        QVERIFY_THROWS_EXCEPTION(DatabaseError, models.settings(model + 100));
    }

    // Taken out of the recent models: no last use, no star; the row, its settings and the
    // answers' link stay, and opening the file again brings them back.
    void removeFromRecentKeepsSettingsAndHistory() {
        ModelStore models(*m_db, m_clock.clock());
        ConversationStore conversations(*m_db, m_clock.clock());
        const Id model = models.remember_model(smol()).id;
        models.mark_used(model);
        models.set_favourite(model, true);
        ModelSettings mine;
        mine.max_tokens = 77;
        models.save_settings(model, mine);
        const Id c = conversations.create_conversation("history", model).id;

        models.remove_from_recent(model);
        const ModelRecord removed = models.model(model);
        QVERIFY(!removed.last_used_at);
        QVERIFY(!removed.favourite);
        QCOMPARE(models.settings(model).max_tokens, std::optional<std::int64_t>(77));
        QCOMPARE(conversations.conversation(c).last_model_id, std::optional<Id>(model));
        QCOMPARE(models.remember_model(smol()).id, model);
        QVERIFY_THROWS_EXCEPTION(DatabaseError, models.remove_from_recent(model + 100));
    }

    // A moved file: the row follows it with its settings, star, last use and answers.
    void relocateKeepsEverythingButThePath() {
        ModelStore models(*m_db, m_clock.clock());
        ConversationStore conversations(*m_db, m_clock.clock());
        const Id model = models.remember_model(smol()).id;
        models.mark_used(model);
        models.set_favourite(model, true);
        models.set_sha256(model, "ab12");
        models.set_missing(model, true);
        ModelSettings mine;
        mine.sampling.temperature = 0.2;
        mine.thinking = false;
        models.save_settings(model, mine);

        ModelRecord moved;
        moved.path = "/elsewhere/smol.gguf";
        moved.file_size = smol().file_size;
        moved.file_modified_at = smol().file_modified_at;
        const ModelRecord located = models.relocate(model, moved);
        QCOMPARE(located.id, model);
        QCOMPARE(q(located.path), QStringLiteral("/elsewhere/smol.gguf"));
        QVERIFY(!located.missing);
        QVERIFY(located.favourite);
        QVERIFY(located.last_used_at);
        QCOMPARE(q(located.display_name), QStringLiteral("SmolLM2 135M"));
        QCOMPARE(q(located.sha256.value_or("")), QStringLiteral("ab12")); // same size and time
        QVERIFY(models.settings(model) == mine);
        QVERIFY(!models.find_by_path(smol().path));

        // Another file (another size): the hash no longer describes it.
        moved.path = "/third/smol.gguf";
        moved.file_size += 1;
        QVERIFY(!models.relocate(model, moved).sha256);
        QVERIFY_THROWS_EXCEPTION(DatabaseError, models.relocate(model + 100, moved));
    }

    // Located onto a path that already has a row (opened there meanwhile, with default
    // settings and an answer): one row remains, the located one, with both histories.
    void relocateOntoAKnownPathMergesTheRows() {
        ModelStore models(*m_db, m_clock.clock());
        ConversationStore conversations(*m_db, m_clock.clock());
        const Id old_row = models.remember_model(smol()).id;
        models.mark_used(old_row);
        ModelSettings mine;
        mine.max_tokens = 300;
        models.save_settings(old_row, mine);
        ModelRecord there = smol();
        there.path = "/new/place.gguf";
        const Id new_row = models.remember_model(there).id;
        m_clock.advance(1000);
        models.mark_used(new_row);
        models.set_favourite(new_row, true);
        const Id c = conversations.create_conversation("opened at the new place", new_row).id;
        NewMessage answer;
        answer.conversation_id = c;
        answer.role = Role::assistant;
        answer.model_id = new_row;
        const Id message = conversations.append_message(answer).id;

        const ModelRecord located = models.relocate(old_row, there);
        QCOMPARE(located.id, old_row);
        QCOMPARE(models.list_models().size(), std::size_t{1});
        QVERIFY(located.favourite);
        QCOMPARE(located.last_used_at, std::optional<std::int64_t>(*m_clock.now));
        QCOMPARE(models.settings(old_row).max_tokens, std::optional<std::int64_t>(300));
        QCOMPARE(conversations.conversation(c).last_model_id, std::optional<Id>(old_row));
        QCOMPARE(conversations.message(message).model_id, std::optional<Id>(old_row));
        QCOMPARE(models.find_by_path("/new/place.gguf").value().id, old_row);
    }

    void appSettingsAreKeyValueText() {
        SettingsStore settings(*m_db);
        QVERIFY(!settings.get("theme"));
        QCOMPARE(q(settings.get_or("theme", "system")), QStringLiteral("system"));
        settings.set("theme", "dark");
        settings.set("window.geometry", "10,20,1280x800");
        settings.set("theme", "light");
        QCOMPARE(q(settings.get("theme").value_or("")), QStringLiteral("light"));
        QCOMPARE(settings.all().size(), std::size_t{2});
        settings.remove("theme");
        QVERIFY(!settings.get("theme"));
        settings.set("language", "日本語");
        QCOMPARE(q(settings.get("language").value_or("")), QStringLiteral("日本語"));
    }
};

QTEST_GUILESS_MAIN(TestModelsSettings)
#include "test_models_settings.moc"
