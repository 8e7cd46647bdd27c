#!/usr/bin/python3
"""The PyTorch side of the hyp-vs-PyTorch hypergradient benchmark (bench/peer/run).

The problem of bench/peer/logreg_adam.hyp written out by hand: per-feature L2 logistic regression trained by
the seed's Adam (m0 = g0, v0 = g0*g0, no bias correction) for T steps from w = 0, rho = -3, in float64 on one
CPU thread. Two hypergradients of the validation loss with respect to rho:

  unrolled  autograd through the T steps (inner gradients taken with create_graph=True), one backward pass;
  implicit  T steps without a graph, then CG on Hessian-vector products (double backward through the
            training-loss gradient) for H x = grad_w L_val, and -d2L/drho dw . x, the same CG as hyp's
            (x0 = 0, stop at relative residual 1e-10, at most 1000 iterations).

--dtype float32 runs the same code in single precision (the precision PyTorch users usually train in) for its
time; its implicit CG then makes exactly as many iterations as the float64 run (--cg-iterations), since float32
cannot reach the float64 tolerance. --probe-blas prints which BLAS torch loaded (read from /proc/self/maps, and
OpenBLAS's own core name and build) and exits.

Timing copies hyp.bench.Timing: warm-up runs for at least --warmup-seconds (and at least two), then runs
until --measure-seconds have passed and --min-reps were made; each run is timed on the wall clock and in process
CPU time, and the medians are reported.
"""
import argparse
import ctypes
import json
import os
import sys
import time

import numpy as np
import torch
import torch.nn.functional as F

LR, B1, B2, EPS = 0.05, 0.9, 0.999, 1e-8
RHO0 = -3.0
CG_TOLERANCE, CG_MAX_ITERATIONS = 1e-10, 1000


def softplus(x):
    # log(1 + e^x); the default threshold (20) returns x above it, an error of e^-20 ~ 2e-9 relative.
    # Above 40 the correction is below double rounding, so this is exact to the last bit that matters.
    return F.softplus(x, beta=1, threshold=40)


class Problem:
    def __init__(self, X, y, Xv, yv, cg_iterations=None):
        self.X, self.y, self.Xv, self.yv = X, y, Xv, yv
        self.dtype = X.dtype
        self.cg_iterations = cg_iterations

    def train_loss(self, w, rho):
        return softplus(-self.y * (self.X @ w)).mean() + 0.5 * (torch.exp(rho) * w ** 2).sum()

    def valid_loss(self, w):
        return softplus(-self.yv * (self.Xv @ w)).mean()

    def grad_w(self, w, rho, create_graph):
        return torch.autograd.grad(self.train_loss(w, rho), w, create_graph=create_graph)[0]

    def unrolled(self, steps):
        d = self.X.shape[1]
        rho = torch.full((d,), RHO0, dtype=self.dtype, requires_grad=True)
        w = torch.zeros(d, dtype=self.dtype, requires_grad=True)
        g = self.grad_w(w, rho, True)
        m, v = g, g ** 2
        for _ in range(steps):
            w = w - LR * m / (torch.sqrt(v) + EPS)
            g = self.grad_w(w, rho, True)
            m = B1 * m + (1 - B1) * g
            v = B2 * v + (1 - B2) * g ** 2
        value = self.valid_loss(w)
        (hyper,) = torch.autograd.grad(value, rho)
        return value.item(), hyper, {}

    def implicit(self, steps):
        d = self.X.shape[1]
        rho = torch.full((d,), RHO0, dtype=self.dtype)
        w = torch.zeros(d, dtype=self.dtype, requires_grad=True)
        g = self.grad_w(w, rho, False)
        m, v = g, g ** 2
        for _ in range(steps):
            with torch.no_grad():
                w = (w - LR * m / (torch.sqrt(v) + EPS)).requires_grad_(True)
            g = self.grad_w(w, rho, False)
            m = B1 * m + (1 - B1) * g
            v = B2 * v + (1 - B2) * g ** 2
        w = w.detach().requires_grad_(True)
        rho.requires_grad_(True)
        gw = self.grad_w(w, rho, True)  # kept: every Hessian-vector product is a backward pass through it
        value = self.valid_loss(w)
        b = torch.autograd.grad(value, w)[0]
        hvp = lambda p: torch.autograd.grad(gw, w, p, retain_graph=True)[0]
        x, iterations, products = conjugate_gradient(hvp, b, self.cg_iterations)
        (mixed,) = torch.autograd.grad(gw, rho, -x)
        return value.item(), mixed, {"hvp": products, "cg_iterations": iterations}


def conjugate_gradient(apply, b, fixed_iterations=None):
    """hyp.runtime.hyper.ConjugateGradient from x0 = 0, step for step; with fixed_iterations, exactly that many
    iterations (the work of a float64 run, for timing float32, which cannot reach the float64 tolerance)."""
    b_norm = torch.linalg.norm(b).item()
    x = torch.zeros_like(b)
    r = b.clone()
    p = r.clone()
    rr = torch.dot(r, r).item()
    k = products = 0
    while True:
        relative = rr ** 0.5 / b_norm
        if fixed_iterations is not None:
            if k >= fixed_iterations:
                return x, k, products
        elif relative <= CG_TOLERANCE:
            return x, k, products
        if k >= CG_MAX_ITERATIONS:
            raise RuntimeError(f"CG: no convergence in {k} iterations, relative residual {relative}")
        ap = apply(p)
        products += 1
        curvature = torch.dot(p, ap).item()
        if fixed_iterations is not None and not curvature > 0:
            return x, k, products  # float32 reached its rounding floor before the float64 count
        if not curvature > 0:
            raise RuntimeError(f"CG: curvature {curvature} at iteration {k}")
        alpha = rr / curvature
        x += alpha * p
        r -= alpha * ap
        rr_next = torch.dot(r, r).item()
        p = r + (rr_next / rr) * p
        rr = rr_next
        k += 1


def measure(run, warmup_seconds, measure_seconds, min_reps):
    """Wall and process CPU seconds (all threads) of each measured run."""
    start, k = time.perf_counter(), 0
    while k < 2 or time.perf_counter() - start < warmup_seconds:
        run()
        k += 1
    wall, cpu = [], []
    while len(wall) < min_reps or sum(wall) < measure_seconds:
        c0, t0 = time.process_time(), time.perf_counter()
        run()
        t1, c1 = time.perf_counter(), time.process_time()
        wall.append(t1 - t0)
        cpu.append(c1 - c0)
    return wall, cpu


def loaded_blas():
    """The BLAS library torch is running on, read from this process's memory map (Debian's torch links the
    libblas.so.3 the system or LD_LIBRARY_PATH provides: the reference BLAS unless OpenBLAS or BLIS is installed),
    and for OpenBLAS the kernel it chose for this CPU (OPENBLAS_CORETYPE overrides that choice) and its build."""
    torch.ones(4, 4, dtype=torch.float64) @ torch.ones(4, dtype=torch.float64)  # make sure the BLAS is loaded
    with open("/proc/self/maps") as f:
        paths = sorted({line.split()[-1] for line in f if "blas" in line.lower() and "/" in line})
    info = {"paths": paths, "kind": "reference", "core": None, "config": None}
    openblas = [p for p in paths if "libopenblas" in p]
    if openblas:
        lib = ctypes.CDLL(openblas[0])
        lib.openblas_get_corename.restype = ctypes.c_char_p
        lib.openblas_get_config.restype = ctypes.c_char_p
        info.update(kind="OpenBLAS", core=lib.openblas_get_corename().decode(), config=lib.openblas_get_config().decode())
    elif any("blis" in p for p in paths) or any("mkl" in p for p in paths):
        info["kind"] = "optimised (" + ", ".join(paths) + ")"
    elif not paths:
        info["kind"] = "none found"
    info["env"] = {k: v for k, v in os.environ.items() if k.startswith("OPENBLAS_")}
    return info


def load(path, dtype):
    """A CSV file as a tensor; a .npy copy is written beside it the first time (the large problem's X has 10^7
    entries, which loadtxt reads slowly), holding exactly the parsed doubles."""
    cache = path[:-4] + ".npy"
    if os.path.exists(cache) and os.path.getmtime(cache) >= os.path.getmtime(path):
        a = np.load(cache)
    else:
        a = np.loadtxt(path, delimiter=",", dtype=np.float64, ndmin=2)
        np.save(cache, a)
    return torch.from_numpy(a.astype(dtype))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data_dir", nargs="?")
    ap.add_argument("--method", choices=["unrolled", "implicit"])
    ap.add_argument("--steps", type=int)
    ap.add_argument("--out")
    ap.add_argument("--dtype", choices=["float64", "float32"], default="float64")
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--cg-iterations", type=int, help="float32 implicit: exactly this many CG iterations")
    ap.add_argument("--probe-blas", action="store_true", help="print the BLAS torch loaded, as JSON, and exit")
    ap.add_argument("--warmup-seconds", type=float, default=3)
    ap.add_argument("--measure-seconds", type=float, default=3)
    ap.add_argument("--min-reps", type=int, default=5)
    a = ap.parse_args()
    if a.probe_blas:
        print(json.dumps(loaded_blas()))
        return
    if not (a.data_dir and a.method and a.steps and a.out):
        ap.error("data_dir, --method, --steps and --out are required")
    torch.set_num_threads(a.threads)
    torch.set_num_interop_threads(1)
    dtype = np.float64 if a.dtype == "float64" else np.float32
    X, Xv = load(f"{a.data_dir}/X.csv", dtype), load(f"{a.data_dir}/Xv.csv", dtype)
    y, yv = load(f"{a.data_dir}/y.csv", dtype).reshape(-1), load(f"{a.data_dir}/yv.csv", dtype).reshape(-1)
    problem = Problem(X, y, Xv, yv, a.cg_iterations)
    run = lambda: getattr(problem, a.method)(a.steps)
    first = run()
    times, cpu = measure(run, a.warmup_seconds, a.measure_seconds, a.min_reps)
    value, hyper, work = run()
    if not torch.equal(first[1], hyper):
        raise RuntimeError("repeated runs gave different hypergradients")
    result = {"side": "torch", "method": a.method, "n": X.shape[0], "d": X.shape[1], "steps": a.steps, "dtype": a.dtype,
              "torch": torch.__version__, "threads": torch.get_num_threads(),
              "blas": loaded_blas(),
              "median_seconds": float(np.median(times)), "median_cpu_seconds": float(np.median(cpu)),
              "seconds": times, "cpu_seconds": cpu, **work,
              "value": value, "hypergradient": hyper.tolist()}
    with open(a.out, "w") as f:
        json.dump(result, f)
        f.write("\n")
    print(f"torch {a.dtype} {a.method:8s} N={X.shape[0]} D={X.shape[1]} T={a.steps}: median "
          f"{1e3 * result['median_seconds']:.3f} ms wall, {1e3 * result['median_cpu_seconds']:.3f} ms CPU "
          f"over {len(times)} runs")


if __name__ == "__main__":
    main()
