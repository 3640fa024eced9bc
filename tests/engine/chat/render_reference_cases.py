#!/usr/bin/env python3
"""Renders every fixture chat template with every fixture conversation through the
reference (shared/tools/jinja_reference.py: Python Jinja2 configured as Hugging Face
transformers does) in one process, and prints the expected results as JSON for
test_chat_template. One process instead of ~800 keeps the test fast.

Usage: render_reference_cases.py SHARED_DIR
Output: [{"template", "conversation", "add_generation_prompt", "bos_token", "eos_token",
          "ok", "output" | "error"}, ...]
"""
import glob
import json
import os
import sys


def main():
    shared = sys.argv[1]
    sys.path.insert(0, os.path.join(shared, "tools"))
    import jinja_reference as ref  # noqa: E402  (the reference's own helpers)
    from jinja2.ext import loopcontrols
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    # The same environment jinja_reference.main() builds.
    env = ImmutableSandboxedEnvironment(trim_blocks=True, lstrip_blocks=True,
                                        extensions=[ref.GenerationTag, loopcontrols])
    env.filters["tojson"] = ref.tojson
    env.globals["raise_exception"] = ref.raise_exception
    env.globals["strftime_now"] = ref.strftime_now

    token_sets = [("<s>", "</s>"), ("<|begin_of_text|>", "<|eot_id|>")]
    templates = sorted(glob.glob(os.path.join(shared, "fixtures", "chat-templates", "*.jinja")))
    conversations = sorted(glob.glob(os.path.join(shared, "fixtures", "conversations", "*.json")))
    cases = []
    for template_path in templates:
        with open(template_path, encoding="utf-8") as f:
            source = f.read()
        try:
            template = env.from_string(source)
            parse_error = None
        except Exception as e:  # a template the reference cannot even parse
            template, parse_error = None, f"{type(e).__name__}: {e}"
        for conversation_path in conversations:
            for generation in (False, True):
                for bos, eos in token_sets:
                    # The second token set only for one conversation: it checks that
                    # the tokens flow through, not every template path again.
                    if eos != "</s>" and not conversation_path.endswith("single-user.json"):
                        continue
                    case = {"template": os.path.basename(template_path),
                            "conversation": os.path.basename(conversation_path),
                            "add_generation_prompt": generation,
                            "bos_token": bos, "eos_token": eos}
                    with open(conversation_path, encoding="utf-8") as f:
                        conv = json.load(f)
                    ctx = {"messages": conv["messages"], "add_generation_prompt": generation,
                           "bos_token": bos, "eos_token": eos}
                    if conv.get("tools") is not None:
                        ctx["tools"] = conv["tools"]
                    ctx.update(conv.get("vars", {}))
                    try:
                        if parse_error:
                            raise RuntimeError(parse_error)
                        case["output"] = template.render(**ctx)
                        case["ok"] = True
                    except Exception as e:
                        case["ok"] = False
                        case["error"] = f"{type(e).__name__}: {e}"
                    cases.append(case)
    json.dump(cases, sys.stdout, ensure_ascii=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
