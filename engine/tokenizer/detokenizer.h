#pragma once
// Detokenizer: turns a stream of token ids into text as they are generated. Token pieces may
// end inside a UTF-8 character (byte tokens, byte-level BPE pieces), so push() releases only
// complete characters and holds back a trailing partial one until the next token completes
// it. Bytes that can never form a valid character come out as U+FFFD, so everything released
// is valid UTF-8. One object per stream; it refers to its Tokenizer, which must outlive it.
// Not thread-safe (use one per thread); never fails.

#include "tokenizer/tokenizer.h"

#include <string>

namespace conclave::tokenizer {

class Detokenizer {
public:
    explicit Detokenizer(const Tokenizer& tokenizer, const DetokenizeOptions& options = {});

    // Text completed by this token (possibly empty).
    std::string push(TokenId id);
    // Ends the stream: any held-back partial character comes out as U+FFFD.
    std::string flush();
    // Bytes held back waiting for the rest of a character.
    std::size_t pending_bytes() const { return m_pending.size(); }

private:
    std::string release(bool at_end);

    const Tokenizer* m_tokenizer;
    DetokenizeOptions m_options;
    std::string m_pending;
    bool m_started = false; // some text has been released (leading-space stripping is done)
};

} // namespace conclave::tokenizer
