#!/usr/bin/python3
"""Prints the hyp-vs-PyTorch table from the result files of bench/peer/run (standard library only).

Arguments: pairs HYP.json TORCH.json. For each pair: problem, method, both median times, the ratio hyp/torch,
the target ratio, the ratio of the fastest runs (less sensitive to other load on the machine), and the largest difference of the hypergradients relative to the largest torch entry.
Exit status 1 when a pair disagrees by more than 1e-6 (a wrong benchmark is worse than a slow one).
"""
import json
import sys

TARGETS = {(2000, 200, 200): 0.5, (200, 20, 1000): 0.05}
AGREEMENT = 1e-6


def main(files):
    if len(files) % 2:
        sys.exit("usage: table.py HYP.json TORCH.json [HYP.json TORCH.json ...]")
    rows, bad, blas = [], False, set()
    for hyp_file, torch_file in zip(files[::2], files[1::2]):
        h, t = (json.load(open(f)) for f in (hyp_file, torch_file))
        if (h["n"], h["d"], h["steps"], h["method"]) != (t["n"], t["d"], t["steps"], t["method"]):
            sys.exit(f"{hyp_file} and {torch_file} are not the same problem")
        scale = max(abs(v) for v in t["hypergradient"])
        diff = max(abs(a - b) for a, b in zip(h["hypergradient"], t["hypergradient"])) / scale
        value_diff = abs(h["value"] - t["value"]) / abs(t["value"])
        bad |= diff > AGREEMENT
        blas.add(f"torch {t['torch']} on {t['threads']} thread(s), BLAS: {t['blas']}")
        ratio = h["median_seconds"] / t["median_seconds"]
        ratio_min = min(h["seconds"]) / min(t["seconds"])
        target = TARGETS.get((h["n"], h["d"], h["steps"]))
        met = "" if target is None else (f"<= {target}: " + ("met" if ratio <= target else "MISSED"))
        rows.append([f"N={h['n']} D={h['d']} T={h['steps']}", h["method"], ms(h["median_seconds"]),
                     ms(t["median_seconds"]), f"{ratio:.3f}", met, f"{ratio_min:.3f}", f"{diff:.1e}", f"{value_diff:.1e}",
                     ms(h["compile_seconds"])])
    head = ["problem", "method", "hyp", "torch", "hyp/torch", "target", "ratio of minima", "max rel diff dL/drho", "rel diff L_val",
            "hyp compile"]
    widths = [max(len(r[i]) for r in rows + [head]) for i in range(len(head))]
    for r in [head, ["-" * w for w in widths]] + rows:
        print("  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip())
    for b in sorted(blas):
        print(b)
    if bad:
        print(f"hyp and torch hypergradients disagree by more than {AGREEMENT}", file=sys.stderr)
        return 1
    return 0


def ms(seconds):
    return f"{seconds * 1e3:.2f} ms" if seconds < 10 else f"{seconds:.1f} s"


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
