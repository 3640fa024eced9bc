#!/usr/bin/env python3
"""Records golden figures from llama.cpp (PyPI llama-cpp-python) for Conclave's end-to-end
tests: for each prompt, llama.cpp's token ids for the prompt and its greedy continuation,
with the runner-up token and the top-1/top-2 logit margin at each step (a near tie is where
two correct implementations may legitimately part ways), every other token within NEAR_TIE of
the best at each step (a tie can involve three tokens), and llama.cpp's perplexity on a fixed
English text.
Only the figures are committed (golden/*.json); llama.cpp itself is never part of Conclave.

  python make_llamacpp_golden.py MODEL.gguf OUT.json N_PREDICT TEXT_FILE CTX

Perplexity is defined as Conclave's `conclave-cli perplexity` computes it: the text is
tokenized as the vocabulary asks (BOS when add_bos), cut into windows of CTX tokens, each
window evaluated from an empty cache, and every token but the window's first scored.
"""
import json
import math
import sys

import numpy as np

import llama_cpp

PROMPTS = [
    "The capital of France is",
    "def fibonacci(n):\n    ",
    "Once upon a time, in a small village by the sea,",
    "1, 2, 3, 4, 5,",
    "Water boils at a temperature of",
]

# Logit gap to llama.cpp's best under which a token counts as tied with it (the tests' near_tie).
NEAR_TIE = 0.3

# Chat prompts as the model's template renders them (special tokens spelled out).
CHAT_PROMPTS = {
    "SmolLM2-135M-Instruct.Q4_1.gguf": [
        "<|im_start|>system\nYou are a helpful AI assistant named SmolLM, trained by Hugging Face<|im_end|>\n"
        "<|im_start|>user\nWhat is the capital of France?<|im_end|>\n<|im_start|>assistant\n",
    ],
}


def main():
    model_path, out_path = sys.argv[1], sys.argv[2]
    n_predict = int(sys.argv[3])
    llm = llama_cpp.Llama(model_path=model_path, n_ctx=512, n_threads=2, n_batch=512, verbose=False, seed=0, logits_all=True)
    cases = []
    chat = CHAT_PROMPTS.get(model_path.split("/")[-1], [])
    for prompt in PROMPTS + chat:
        ids = llm.tokenize(prompt.encode("utf-8"), add_bos=prompt not in chat, special=prompt in chat)
        llm.reset()
        llm.eval(ids)
        out, second, margin, near = [], [], [], []
        for _ in range(n_predict):
            logits = llm.scores[llm.n_tokens - 1]
            order = logits.argsort()[::-1]
            token = int(order[0])
            if token == llm.token_eos():
                break
            out.append(token)
            second.append(int(order[1]))
            margin.append(round(float(logits[order[0]] - logits[order[1]]), 4))
            near.append([int(t) for t in order[1:8] if logits[order[0]] - logits[t] < NEAR_TIE])
            llm.eval([token])
        cases.append({"prompt": prompt, "prompt_ids": ids, "greedy_ids": out, "runner_up_ids": second,
                      "margins": margin, "near_ids": near})
    text = open(sys.argv[4], encoding="utf-8").read()
    ctx = int(sys.argv[5])
    tokens = llm.tokenize(text.encode("utf-8"), add_bos=True, special=False)
    nll, count = 0.0, 0
    for start in range(0, len(tokens), ctx):
        window = tokens[start:start + ctx]
        if len(window) < 2:
            break
        llm.reset()
        llm.eval(window)
        for i in range(1, len(window)):
            row = np.asarray(llm.scores[i - 1], dtype=np.float64)
            top = row.max()
            nll += math.log(np.exp(row - top).sum()) + top - row[window[i]]
            count += 1
    perplexity = {"text": sys.argv[4].split("/")[-1], "ctx": ctx, "n_tokens": len(tokens), "n_scored": count,
                  "perplexity": math.exp(nll / count)}
    meta = {"model": model_path.split("/")[-1], "llama_cpp_python": llama_cpp.__version__,
            "how": "llama_cpp.Llama(n_ctx=512, n_threads=2, logits_all=True); tokenize(add_bos=True); greedy argmax of scores"}
    with open(out_path, "w") as f:
        json.dump({"meta": meta, "cases": cases, "perplexity": perplexity}, f, indent=1, ensure_ascii=False)


if __name__ == "__main__":
    main()
