#!/usr/bin/env python3
"""Records llama.cpp's logits (PyPI llama-cpp-python) for the tiny F32 gpt-oss model that
test_decoder_models writes with Conclave's own GGUF writer, at every position of the test
prompt. Only the figures are committed (golden/gpt_oss_tiny_llamacpp.json); llama.cpp itself
is never part of Conclave.

  CONCLAVE_KEEP_TINY_MODELS=/tmp/tiny ./build/tests/test_decoder_models gptOssMatchesLlamaCpp
  python make_gpt_oss_golden.py /tmp/tiny/gpt-oss-llamacpp.gguf golden/gpt_oss_tiny_llamacpp.json
"""
import json
import sys

import numpy as np

import llama_cpp

# The prompt of test_decoder_models.cpp.
PROMPT = [1, 5, 9, 42, 17, 3, 88, 60, 7, 7, 23, 51, 2, 96, 0, 33, 71]


def main():
    model_path, out_path = sys.argv[1], sys.argv[2]
    llm = llama_cpp.Llama(model_path=model_path, n_ctx=64, n_batch=64, n_ubatch=64, n_threads=2,
                          logits_all=True, verbose=False)
    llm.eval(PROMPT)
    logits = np.array(llm.scores[: len(PROMPT)], dtype=np.float64)
    golden = {
        "source": "llama-cpp-python " + llama_cpp.__version__,
        "model": "tiny gpt-oss (test::tiny_gpt_oss() in tests/engine/model/tiny_models.cpp, F32, with_vocab)",
        "tokens": PROMPT,
        "n_vocab": int(logits.shape[1]),
        "logits": [[float("%.7g" % v) for v in row] for row in logits],
    }
    with open(out_path, "w") as f:
        json.dump(golden, f, indent=None)
        f.write("\n")


if __name__ == "__main__":
    main()
