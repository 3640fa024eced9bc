// Writes tests/storage/fixtures/conclave-v1.db: a database at schema version 1 made by
// Conclave's own storage code (migrations up to 1, then the repositories, which only touch
// version-1 tables), holding what test_open_database checks after migrating it: branches,
// unicode, a model with settings, app settings and an answer cut off mid-stream.
//
//   make_storage_fixture OUT.db      (the file must not exist)
//
// Regenerate only if the fixture is lost: the point is a file from the past, kept as is.

#include "conclave/storage/conversation_store.h"
#include "conclave/storage/database.h"
#include "conclave/storage/model_store.h"
#include "conclave/storage/schema.h"
#include "conclave/storage/settings_store.h"

#include <cstdio>
#include <filesystem>

using namespace conclave::storage;

int main(int argc, char** argv) {
    if (argc != 2 || std::filesystem::exists(argv[1])) {
        std::fputs("usage: make_storage_fixture OUT.db (a new file)\n", stderr);
        return 2;
    }
    std::int64_t now = 1'650'000'000'000;
    const Clock clock = [&now] { return now += 1000; };
    {
        Database db(argv[1]);
        migrate(db, 1);
        ModelStore models(db, clock);
        ModelRecord model;
        model.path = "/home/user/models/Qwen3-30B-A3B-Q4_K_M.gguf";
        model.file_size = 18'556'686'208;
        model.display_name = "Qwen3 30B-A3B";
        model.architecture = "qwen3moe";
        model.parameter_count = 30'532'122'624;
        model.active_parameter_count = 3'340'000'000;
        model.quant_mix = "Q4_K 83%, Q6_K 14%, F32 3%";
        model.context_length = 40960;
        const Id model_id = models.remember_model(model).id;
        models.set_favourite(model_id, true);
        ModelSettings settings;
        settings.sampling.temperature = 0.6;
        settings.sampling.top_p = 0.95;
        settings.threads = 8;
        models.save_settings(model_id, settings);
        SettingsStore(db).set("theme", "dark");

        ConversationStore store(db, clock);
        const Id c = store.create_conversation("Färgerna på svenska 🇸🇪", model_id).id;
        NewMessage question;
        question.conversation_id = c;
        question.content = "Vad heter färgerna på svenska?";
        const Message q1 = store.append_message(question);
        NewMessage answer;
        answer.conversation_id = c;
        answer.role = Role::assistant;
        answer.model_id = model_id;
        answer.model_name = "Qwen3 30B-A3B";
        answer.content = "Röd, grön, blå och gul.";
        answer.reasoning = "The user asks in Swedish.";
        answer.stats = {24, 9, 310.0, 21.5, std::nullopt};
        store.append_message(answer);
        answer.parent_id = q1.id;
        answer.content = "Rött, grönt och blått.";
        store.append_message(answer); // a regenerated answer: the active branch

        const Id second = store.create_conversation("Streaming when the power went out").id;
        question.conversation_id = second;
        question.content = "Write a long poem";
        store.append_message(question);
        NewMessage cut;
        cut.conversation_id = second;
        cut.role = Role::assistant;
        cut.state = MessageState::streaming;
        cut.content = "Roses are red, violets";
        store.append_message(cut);
        db.exec("VACUUM");
    }
    std::printf("wrote %s at schema version 1\n", argv[1]);
    return 0;
}
