"""Benchmarks run only through `make benchmark` (NORDPEER_BENCHMARKS=1): they measure, they do not gate."""

import os

if not os.environ.get("NORDPEER_BENCHMARKS"):
    collect_ignore_glob = ["test_*.py"]
