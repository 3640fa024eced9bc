#!/usr/bin/env python3
"""Conclave beside llama.cpp on the same GGUF files, same thread count, in the same run.

  python bench/compare_llamacpp.py [-p 512] [-n 128] [-t 2] [-r 3] MODEL.gguf [MODEL.gguf ...]

Needs llama-cpp-python (pip install -r bench/requirements.txt into any venv) and a built
conclave-cli (build/release/bin by default, or --cli PATH). Prints a table of prompt and
generation tokens/s (medians of r runs; each run starts from an empty cache), the ratio
Conclave / llama.cpp, and the memory-bound ceiling for generation (this machine's read
bandwidth with the same threads / weight bytes read per token) with Conclave's share of it. Not a test: these machines are noisy, read the medians.
"""
import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import time


def llamacpp_bench(path, n_prompt, n_gen, threads, runs):
    import llama_cpp
    llm = llama_cpp.Llama(model_path=path, n_ctx=n_prompt + n_gen + 8, n_batch=512, n_threads=threads,
                          n_threads_batch=threads, verbose=False)
    rng = random.Random(42)
    prompt = [rng.randrange(llm.n_vocab()) for _ in range(n_prompt)]
    pp, tg = [], []
    for _ in range(runs):
        llm.reset()
        start = time.perf_counter()
        llm.eval(prompt)
        pp.append(n_prompt / (time.perf_counter() - start))
        llm.reset()
        llm.eval(prompt[:1])
        start = time.perf_counter()
        for _ in range(n_gen):
            llm.eval([prompt[0]])
        tg.append(n_gen / (time.perf_counter() - start))
    return statistics.median(pp), statistics.median(tg)


def conclave_bench(cli, path, n_prompt, n_gen, threads, runs):
    out = subprocess.run([cli, "bench", path, "-p", str(n_prompt), "-n", str(n_gen), "-t", str(threads),
                          "-r", str(runs), "--json"], check=True, capture_output=True, text=True)
    result = json.loads(out.stdout)
    return result["prompt_tokens_per_s"], result["generation_tokens_per_s"], result.get("bandwidth_ceiling_tokens_per_s", 0.0)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("models", nargs="+")
    parser.add_argument("-p", type=int, default=512)
    parser.add_argument("-n", type=int, default=128)
    parser.add_argument("-t", type=int, default=2)
    parser.add_argument("-r", type=int, default=3)
    parser.add_argument("--cli", default=os.path.join(os.path.dirname(__file__), "..", "build", "release", "bin", "conclave-cli"))
    args = parser.parse_args()
    print(f"threads {args.t}, prompt {args.p}, generation {args.n}, median of {args.r}")
    print(f"{'model':40} {'pp conclave':>12} {'pp llama.cpp':>12} {'ratio':>6} {'tg conclave':>12} {'tg llama.cpp':>12} {'ratio':>6} {'tg ceiling':>10} {'of ceil':>7}")
    for path in args.models:
        c_pp, c_tg, ceiling = conclave_bench(args.cli, path, args.p, args.n, args.t, args.r)
        l_pp, l_tg = llamacpp_bench(path, args.p, args.n, args.t, args.r)
        share = c_tg / ceiling if ceiling > 0 else 0.0
        print(f"{os.path.basename(path)[:40]:40} {c_pp:12.1f} {l_pp:12.1f} {c_pp / l_pp:6.2f} {c_tg:12.1f} {l_tg:12.1f} {c_tg / l_tg:6.2f} {ceiling:10.1f} {share:7.0%}")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
