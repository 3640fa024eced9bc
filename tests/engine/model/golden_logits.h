#pragma once
// The golden logits llama.cpp recorded for the tiny models (golden/*.json, written by the
// make_*_golden.py scripts beside this file) and the hand-over of the tiny files to those
// scripts. Compiled into each test that compares with llama.cpp (it needs the target's
// CONCLAVE_MODEL_GOLDEN_DIR and Qt); plain functions, errors as empty results or false.

#include <QString>
#include <string>
#include <vector>

namespace conclave::test {

// golden/<file_name>'s logits of `variant`, [position][n_vocab]; empty when the file or the
// variant is missing, a row has the wrong size or the recording was made for other tokens.
std::vector<std::vector<float>> read_golden_logits(const QString& file_name, const QString& variant,
                                                   const std::vector<int>& tokens);

// Copies the model at `path` to CONCLAVE_KEEP_TINY_MODELS/<file_name> when that variable is
// set, for the scripts to record from; false only when the copy failed.
bool keep_tiny_model(const std::string& path, const QString& file_name);

} // namespace conclave::test
