"""Helpers of bench/eval: accuracy targets and the RESULTS.md section."""
