"""mockmic benchmarks (`make bench`): run as `python -m benchmarks` from the repo root."""
