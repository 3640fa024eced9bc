#pragma once
// StopStringFilter: sits between the detokenizer and whoever shows the answer. Text that
// could be the start of a stop string is held back until the next pieces show whether it
// is one, so a stop string never reaches the user even when it arrives split across
// tokens ("<|im" + "_end|>"), and nothing after it does either. Not thread-safe.

#include <string>
#include <string_view>
#include <vector>

namespace conclave::runtime {

class StopStringFilter {
public:
    explicit StopStringFilter(std::vector<std::string> stop_strings);

    struct Step {
        std::string text;     // safe to show now
        bool stopped = false; // a stop string was completed; text ends where it began
        std::string matched;  // which one
    };
    // Adds the next piece of generated text. After a stop, further pushes return nothing.
    Step push(std::string_view piece);
    // The end of the answer without a stop: whatever was held back is shown after all.
    std::string finish();

private:
    std::vector<std::string> m_stops;
    std::string m_held;
    bool m_stopped = false;
};

} // namespace conclave::runtime
