#!/usr/bin/python3
"""Prints the hyp-vs-PyTorch table from the result files of bench/peer/run (standard library only).

Arguments: [--bandwidth FILE] [--allow-reference-blas] then triples HYP.json TORCH.json TORCH32.json (PyTorch in
float64 and in float32). For each triple: problem, method, the median wall times of hyp and PyTorch float64 and
their ratio hyp/torch, the median process-CPU times and their ratio (less sensitive to other load on the
machine), the target ratio, PyTorch float32's wall time and hyp's ratio to it, the bytes of data hyp reads per
second against the streaming bandwidth measured over an array of X's size (--bandwidth: Bandwidth's JSON lines),
how far the float64 hypergradients are apart and hyp's compile time.

Exit status 1 when a pair disagrees by more than 1e-6 (a wrong benchmark is worse than a slow one), 2 when torch
ran on the reference BLAS and --allow-reference-blas was not given.
"""
import json
import sys

# (N, D, T, method) -> the largest ratio hyp/torch float64 the project aims at
TARGETS = {(2000, 200, 200, "unrolled"): 0.5, (2000, 200, 200, "implicit"): 0.5,
           (200, 20, 1000, "unrolled"): 0.03, (200, 20, 1000, "implicit"): 0.05}
# share of the measured streaming bandwidth the large unrolled row aims at
BANDWIDTH_TARGETS = {(2000, 200, 200, "unrolled"): 0.7}
AGREEMENT = 1e-6


def main(args):
    bandwidth, allow_reference = {}, False
    while args and args[0].startswith("--"):
        if args[0] == "--bandwidth":
            with open(args[1]) as f:
                for line in f:
                    b = json.loads(line)
                    bandwidth[b["bytes"]] = b["gb_per_second"]
            args = args[2:]
        elif args[0] == "--allow-reference-blas":
            allow_reference, args = True, args[1:]
        else:
            sys.exit(f"unknown option {args[0]}")
    if len(args) % 3 or not args:
        sys.exit("usage: table.py [--bandwidth FILE] [--allow-reference-blas] HYP.json TORCH.json TORCH32.json ...")
    rows, bad, blas_lines, reference = [], False, set(), False
    for hyp_file, torch_file, torch32_file in zip(args[::3], args[1::3], args[2::3]):
        h, t, t32 = (load(p) for p in (hyp_file, torch_file, torch32_file))
        key = (h["n"], h["d"], h["steps"], h["method"])
        if key != (t["n"], t["d"], t["steps"], t["method"]) or key != (t32["n"], t32["d"], t32["steps"], t32["method"]):
            sys.exit(f"{hyp_file}, {torch_file} and {torch32_file} are not the same problem")
        scale = max(abs(v) for v in t["hypergradient"])
        diff = max(abs(a - b) for a, b in zip(h["hypergradient"], t["hypergradient"])) / scale
        bad |= diff > AGREEMENT or abs(h["value"] - t["value"]) > AGREEMENT * abs(t["value"])
        blas = t["blas"]
        reference |= blas["kind"] == "reference"
        core = f", kernel {blas['core']}" if blas.get("core") else ""
        env = ", ".join(f"{k}={v}" for k, v in sorted(blas.get("env", {}).items())) or "no OPENBLAS_* variables set"
        blas_lines.add(f"torch {t['torch']} on {t['threads']} thread(s), BLAS: {blas['kind']}{core} "
                       f"({', '.join(blas['paths']) or 'none'}; {env})")
        wall = h["median_seconds"] / t["median_seconds"]
        cpu = h["median_cpu_seconds"] / t["median_cpu_seconds"]
        target = TARGETS.get(key)
        verdict = "" if target is None else f"<= {target}: " + (
            "met" if max(wall, cpu) <= target else "MISSED" if min(wall, cpu) > target else "wall/CPU split")
        rate = h["data_bytes"] / h["median_seconds"] / 1e9
        limit = bandwidth.get(h["n"] * h["d"] * 8)
        share = "" if limit is None else f"{rate / limit:.0%} of {limit:.0f}"
        bw_target = BANDWIDTH_TARGETS.get(key)
        if bw_target is not None and limit is not None:
            share += f" (>= {bw_target:.0%}: {'met' if rate / limit >= bw_target else 'MISSED'})"
        rows.append([f"N={h['n']} D={h['d']} T={h['steps']}", h["method"],
                     ms(h["median_seconds"]), ms(t["median_seconds"]), f"{wall:.3f}",
                     ms(h["median_cpu_seconds"]), ms(t["median_cpu_seconds"]), f"{cpu:.3f}", verdict,
                     ms(t32["median_seconds"]), f"{h['median_seconds'] / t32['median_seconds']:.3f}",
                     str(h["data_passes"].get("X", "")), f"{rate:.1f}", share, f"{diff:.1e}", ms(h["compile_seconds"])])
    if reference and not allow_reference:
        print("torch ran on the reference BLAS, which no PyTorch user has: no ratios without --allow-reference-blas",
              file=sys.stderr)
        return 2
    head = ["problem", "method", "hyp wall", "torch f64 wall", "ratio", "hyp CPU", "torch f64 CPU", "ratio", "target",
            "torch f32 wall", "hyp/f32", "X passes", "hyp GB/s", "of bandwidth GB/s", "dL/drho rel diff", "hyp compile"]
    widths = [max(len(r[i]) for r in rows + [head]) for i in range(len(head))]
    if reference:
        print("REFERENCE BLAS (--allow-reference-blas): torch ran on the unoptimised reference BLAS, which no PyTorch"
              " user has; these ratios flatter hyp")
    for r in [head, ["-" * w for w in widths]] + rows:
        print("  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip())
    for line in sorted(blas_lines):
        print(line)
    print("X passes: reads of X in one hypergradient's steps, adjoint steps and Hessian-vector products (hyp's "
          "generated code); hyp GB/s: the bytes those passes read (and of y) over hyp's median wall time; bandwidth:"
          " a read-only stream over an array of X's size on as many threads")
    if bad:
        print(f"hyp and torch results disagree by more than {AGREEMENT} relative", file=sys.stderr)
        return 1
    return 0


def load(path):
    with open(path) as f:
        return json.load(f)


def ms(seconds):
    return f"{seconds * 1e3:.1f} ms"


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
