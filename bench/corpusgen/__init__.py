"""Synthetic corpus generators for phimask's benchmarks (see gen_corpus.py)."""
