#!/usr/bin/python3
"""Prints the hyp-vs-PyTorch table from the result files of bench/peer/run (standard library only).

Arguments: pairs HYP.json TORCH.json. For each pair: problem, method, the median wall times of both and their
ratio hyp/torch, the median process-CPU times and their ratio (less sensitive to other load on the machine), the
target ratio, how far the two hypergradients are apart (largest difference over the largest torch entry) and
hyp's compile time. Exit status 1 when a pair disagrees by more than 1e-6: a wrong benchmark is worse than a slow one.
"""
import json
import sys

TARGETS = {(2000, 200, 200): 0.5, (200, 20, 1000): 0.05}
AGREEMENT = 1e-6


def main(files):
    if len(files) % 2:
        sys.exit("usage: table.py HYP.json TORCH.json [HYP.json TORCH.json ...]")
    rows, bad, torches = [], False, set()
    for hyp_file, torch_file in zip(files[::2], files[1::2]):
        with open(hyp_file) as f:
            h = json.load(f)
        with open(torch_file) as f:
            t = json.load(f)
        if (h["n"], h["d"], h["steps"], h["method"]) != (t["n"], t["d"], t["steps"], t["method"]):
            sys.exit(f"{hyp_file} and {torch_file} are not the same problem")
        scale = max(abs(v) for v in t["hypergradient"])
        diff = max(abs(a - b) for a, b in zip(h["hypergradient"], t["hypergradient"])) / scale
        bad |= diff > AGREEMENT or abs(h["value"] - t["value"]) > AGREEMENT * abs(t["value"])
        torches.add(f"torch {t['torch']} on {t['threads']} thread(s), BLAS: {t['blas']}")
        wall = h["median_seconds"] / t["median_seconds"]
        cpu = h["median_cpu_seconds"] / t["median_cpu_seconds"]
        target = TARGETS.get((h["n"], h["d"], h["steps"]))
        verdict = "" if target is None else f"<= {target}: " + (
            "met" if max(wall, cpu) <= target else "MISSED" if min(wall, cpu) > target else "wall/CPU split")
        rows.append([f"N={h['n']} D={h['d']} T={h['steps']}", h["method"],
                     ms(h["median_seconds"]), ms(t["median_seconds"]), f"{wall:.3f}",
                     ms(h["median_cpu_seconds"]), ms(t["median_cpu_seconds"]), f"{cpu:.3f}",
                     verdict, f"{diff:.1e}", ms(h["compile_seconds"])])
    head = ["problem", "method", "hyp wall", "torch wall", "ratio", "hyp CPU", "torch CPU", "ratio", "target",
            "dL/drho rel diff", "hyp compile"]
    widths = [max(len(r[i]) for r in rows + [head]) for i in range(len(head))]
    for r in [head, ["-" * w for w in widths]] + rows:
        print("  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip())
    for line in sorted(torches):
        print(line)
    if bad:
        print(f"hyp and torch results disagree by more than {AGREEMENT} relative", file=sys.stderr)
        return 1
    return 0


def ms(seconds):
    return f"{seconds * 1e3:.1f} ms"


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
