#!/usr/bin/env python3
"""Conclave's Vulkan backend beside llama.cpp's Vulkan build, on the same GGUF files and GPU,
in the same run. For GPU machines; not run in CI (on lavapipe, Mesa's software driver, only
correctness is reported, by the tests).

  python bench/compare_vulkan.py --llama-bench ~/llama.cpp/build/bin/llama-bench \\
      [--cli build/release/bin/conclave-cli] [-p 512] [-n 128] [-r 3] MODEL.gguf [...]

Two placements per model:
  full      every weight on the GPU (llama.cpp: -ngl 99)
  experts   routed experts on the CPU, everything else on the GPU (llama.cpp: -ngl 99
            -ot exps=CPU; Conclave: a --gpu-budget that leaves out exactly the expert
            tensors, from `conclave-cli info --placement --json`). Dense models skip it.
Prints prompt and generation tokens/s (medians of r runs) and the ratios Conclave / llama.cpp.

llama.cpp's Vulkan build (the peer is never part of Conclave):
  git clone https://github.com/ggml-org/llama.cpp && cmake -S llama.cpp -B llama.cpp/build \\
      -DGGML_VULKAN=ON -DCMAKE_BUILD_TYPE=Release && cmake --build llama.cpp/build -j --target llama-bench
Without --llama-bench only Conclave's figures are printed.
"""
import argparse
import json
import os
import subprocess
import sys


def run_json(command):
    out = subprocess.run(command, check=True, capture_output=True, text=True)
    return json.loads(out.stdout), out.stderr


def expert_free_budget(cli, path):
    """The GPU budget that holds everything the placement would put on the GPU except the
    routed expert tensors; None for a model without experts."""
    plan, _ = run_json([cli, "info", path, "--placement", "--gpu-budget", "1TiB", "--ctx", "4096", "--json"])
    experts = sum(t["bytes"] for t in plan["tensors"] if "_exps" in t["name"])
    if experts == 0:
        return None
    return plan["gpu_total_bytes"] - experts


def conclave_bench(cli, path, n_prompt, n_gen, runs, budget):
    command = [cli, "bench", path, "-p", str(n_prompt), "-n", str(n_gen), "-r", str(runs), "--backend", "vulkan", "--json"]
    if budget is not None:
        command += ["--gpu-budget", str(budget)]
    result, notes = run_json(command)
    if result.get("backend") != "vulkan":
        sys.exit(f"conclave-cli did not run on Vulkan: {notes.strip()}")
    return result["prompt_tokens_per_s"], result["generation_tokens_per_s"]


def llamacpp_bench(llama_bench, path, n_prompt, n_gen, runs, experts_on_cpu):
    command = [llama_bench, "-m", path, "-ngl", "99", "-p", str(n_prompt), "-n", str(n_gen), "-r", str(runs), "-o", "json"]
    if experts_on_cpu:
        command += ["-ot", "exps=CPU"]
    results, _ = run_json(command)
    pp = next((r["avg_ts"] for r in results if r.get("n_prompt", 0) > 0 and r.get("n_gen", 0) == 0), 0.0)
    tg = next((r["avg_ts"] for r in results if r.get("n_gen", 0) > 0 and r.get("n_prompt", 0) == 0), 0.0)
    return pp, tg


def ratio(a, b):
    return f"{a / b:6.2f}" if b > 0 else f"{'-':>6}"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("models", nargs="+")
    parser.add_argument("-p", type=int, default=512)
    parser.add_argument("-n", type=int, default=128)
    parser.add_argument("-r", type=int, default=3)
    parser.add_argument("--cli", default=os.path.join(os.path.dirname(__file__), "..", "build", "release", "bin", "conclave-cli"))
    parser.add_argument("--llama-bench", help="llama.cpp's llama-bench built with -DGGML_VULKAN=ON")
    args = parser.parse_args()
    print(f"prompt {args.p}, generation {args.n}, median of {args.r} (llama.cpp: mean of {args.r})")
    print(f"{'model':34} {'placement':9} {'pp conclave':>12} {'pp llama.cpp':>12} {'ratio':>6} "
          f"{'tg conclave':>12} {'tg llama.cpp':>12} {'ratio':>6}")
    for path in args.models:
        placements = [("full", None)]
        budget = expert_free_budget(args.cli, path)
        if budget is not None:
            placements.append(("experts", budget))
        for name, gpu_budget in placements:
            c_pp, c_tg = conclave_bench(args.cli, path, args.p, args.n, args.r, gpu_budget)
            l_pp, l_tg = (llamacpp_bench(args.llama_bench, path, args.p, args.n, args.r, gpu_budget is not None)
                          if args.llama_bench else (0.0, 0.0))
            print(f"{os.path.basename(path)[:34]:34} {name:9} {c_pp:12.1f} {l_pp:12.1f} {ratio(c_pp, l_pp)} "
                  f"{c_tg:12.1f} {l_tg:12.1f} {ratio(c_tg, l_tg)}")
            sys.stdout.flush()


if __name__ == "__main__":
    main()
