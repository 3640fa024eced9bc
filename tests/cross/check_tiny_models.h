#pragma once
// Tiny random-weight decoders (tests/engine/model/tiny_models) run through the engine on this
// processor's kernels and through the independent scalar reference decoder; logits must agree
// at every position. Writes its GGUF files to a fresh temporary folder and removes it.

#include "check_report.h"

namespace conclave::test {

void check_tiny_models(CheckReport& report);

} // namespace conclave::test
