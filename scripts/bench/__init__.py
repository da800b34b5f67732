"""Helpers of scripts/benchmark.py: builds (ours, bare, profiled), the preview, synthetic data."""
