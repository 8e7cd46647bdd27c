"""LeNet forward + gradient at batch 128 in PyTorch, one thread, float32 and float64: the peer of hyp's
per-example LeNet (examples/lenet/none.hyp; bench LeNetBench / LeNetTimes). Same network (conv 5x5 -> 6, tanh,
2x2 average pool, conv 5x5 -> 16, tanh, pool, dense 120, 84, 10 with tanh, softmax cross-entropy averaged over the
batch), idiomatic PyTorch (nn.Sequential, F.cross_entropy, torch.autograd.grad). Prints, per call and per image,
the median wall and thread CPU time of forward, forward + gradient and the Hessian-vector product (double
backward), and the single-thread GFLOP/s of a 512^3 matrix product as the machine's measured peak in each dtype.
With --hyp-cmd COMMAND (a command printing lines "name wall_us cpu_us", hyp.bench.LeNetTimes) it also runs hyp,
alternating with PyTorch for --rounds rounds so that both sides see the same load, and prints hyp's figures
(medians over rounds) and the ratios taken within each round.
Usage: /usr/bin/python3 bench/peer/lenet_torch.py [--reps 30] [--rounds 3 --hyp-cmd "java ... LeNetTimes 30"]
"""
import argparse
import statistics
import subprocess
import time

import torch
import torch.nn.functional as F

BATCH = 128
FORWARD_FLOPS = 2.0 * (6 * 24 * 24 * 25 + 16 * 8 * 8 * 150 + 120 * 256 + 84 * 120 + 10 * 84)
GRADIENT_FLOPS = 3 * FORWARD_FLOPS - 2.0 * 6 * 24 * 24 * 25


def libraries():
    """The BLAS and oneDNN libraries this process has loaded (from /proc/self/maps)."""
    names = set()
    with open("/proc/self/maps") as maps:
        for line in maps:
            path = line.split()[-1]
            if any(k in path for k in ("blas", "mkl", "dnnl", "openblas", "lapack")):
                names.add(path)
    return sorted(names)


def network(dtype):
    torch.manual_seed(0)
    net = torch.nn.Sequential(
        torch.nn.Conv2d(1, 6, 5), torch.nn.Tanh(), torch.nn.AvgPool2d(2),
        torch.nn.Conv2d(6, 16, 5), torch.nn.Tanh(), torch.nn.AvgPool2d(2),
        torch.nn.Flatten(),
        torch.nn.Linear(256, 120), torch.nn.Tanh(),
        torch.nn.Linear(120, 84), torch.nn.Tanh(),
        torch.nn.Linear(84, 10))
    return net.to(dtype)


def timed(call, reps):
    for _ in range(max(3, reps // 3)):
        call()
    wall, cpu = [], []
    for _ in range(reps):
        c0, w0 = time.thread_time_ns(), time.perf_counter_ns()
        call()
        wall.append((time.perf_counter_ns() - w0) / 1e3)
        cpu.append((time.thread_time_ns() - c0) / 1e3)
    return statistics.median(wall), statistics.median(cpu)


def measure(dtype, reps):
    net = network(dtype)
    params = list(net.parameters())
    g = torch.Generator().manual_seed(1)
    x = torch.rand(BATCH, 1, 28, 28, generator=g, dtype=dtype)
    labels = torch.randint(0, 10, (BATCH,), generator=g)
    v = [torch.randn(p.shape, generator=g, dtype=dtype) for p in params]

    def forward():
        with torch.no_grad():
            return F.cross_entropy(net(x), labels)

    def gradient():
        loss = F.cross_entropy(net(x), labels)
        return torch.autograd.grad(loss, params)

    def hvp():
        loss = F.cross_entropy(net(x), labels)
        grads = torch.autograd.grad(loss, params, create_graph=True)
        dot = sum((gi * vi).sum() for gi, vi in zip(grads, v))
        return torch.autograd.grad(dot, params)

    return {"forward": timed(forward, reps), "gradient": timed(gradient, reps), "hvp": timed(hvp, reps)}


def peak(dtype):
    """GFLOP/s of one 512^3 matrix product on one thread (median of 10)."""
    a = torch.rand(512, 512, dtype=dtype)
    b = torch.rand(512, 512, dtype=dtype)
    wall, cpu = timed(lambda: torch.mm(a, b), 10)
    return 2 * 512 ** 3 / (cpu * 1e-6) / 1e9


def hyp_round(command):
    """One run of hyp.bench.LeNetTimes (its lines "name wall_us cpu_us") as rows of the table."""
    names = {"batched_forward": "forward", "batched_gradient": "gradient", "batched_hvp": "hvp",
             "looped_gradient": "gradient, per-image loop",
             "loop_batched_gradient": "gradient, loop batched"}
    out = subprocess.run(command, shell=True, executable="/bin/bash", check=True, stdout=subprocess.PIPE, text=True).stdout
    rows = {}
    for line in out.splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[0] in names:
            rows["hyp float64 " + names[parts[0]]] = (float(parts[1]), float(parts[2]))
    return rows


def ratios(rows):
    """The target ratios of one round, (wall, CPU) each."""
    out = {}
    hyp = rows.get("hyp float64 gradient")
    if not hyp:
        return out
    for peer in ("torch float32 gradient", "torch float64 gradient"):
        out["hyp forward + gradient / " + peer] = (hyp[0] / rows[peer][0], hyp[1] / rows[peer][1])
    batched_loop = rows.get("hyp float64 gradient, loop batched")
    if batched_loop:
        out["per-image loop form, batched / map form (hyp)"] = (batched_loop[0] / hyp[0], batched_loop[1] / hyp[1])
    loop = rows.get("hyp float64 gradient, per-image loop")
    if loop:
        out["per-image loop / batched (hyp)"] = (loop[0] / hyp[0], loop[1] / hyp[1])
    h = rows.get("hyp float64 hvp")
    if h:
        out["Hessian-vector / (forward + gradient) (hyp)"] = (h[0] / hyp[0], h[1] / hyp[1])
    for peer in ("float32", "float64"):
        t = rows["torch " + peer + " hvp"]
        g = rows["torch " + peer + " gradient"]
        out["Hessian-vector / (forward + gradient) (torch %s)" % peer] = (t[0] / g[0], t[1] / g[1])
    return out


def median_rows(rounds):
    keys = list(rounds[0])
    return {k: tuple(statistics.median(r[k][i] for r in rounds) for i in range(2)) for k in keys}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--reps", type=int, default=30)
    parser.add_argument("--rounds", type=int, default=1,
                        help="rounds of (hyp command, then PyTorch), so both sides share the machine's load")
    parser.add_argument("--hyp-cmd", help="shell command running hyp.bench.LeNetTimes once per round")
    args = parser.parse_args()
    torch.set_num_threads(1)
    print("torch", torch.__version__, "threads", torch.get_num_threads())
    print("loaded:", ", ".join(libraries()) or "(no BLAS library mapped)")
    for name, dtype in (("float32", torch.float32), ("float64", torch.float64)):
        print("measured peak, 512^3 matmul, one thread, %s: %.1f GFLOP/s (CPU time)" % (name, peak(dtype)))
    rounds, round_ratios = [], []
    for r in range(args.rounds):
        rows = hyp_round(args.hyp_cmd) if args.hyp_cmd else {}
        for name, dtype in (("float32", torch.float32), ("float64", torch.float64)):
            for what, (wall, cpu) in measure(dtype, args.reps).items():
                rows["torch " + name + " " + what] = (wall, cpu)
        rounds.append(rows)
        round_ratios.append(ratios(rows))
        print("round %d: hyp gradient CPU %.2f ms, torch float32 gradient CPU %.2f ms" % (
            r + 1, rows.get("hyp float64 gradient", (0, 0))[1] / 1e3, rows["torch float32 gradient"][1] / 1e3))
    rows = median_rows(rounds)
    flops = {"forward": FORWARD_FLOPS, "gradient": GRADIENT_FLOPS, "hvp": 2 * GRADIENT_FLOPS}
    print()
    print("LeNet, batch %d, one thread; median per call (median over %d rounds); per image = / %d; "
          "GFLOP/s from CPU time" % (BATCH, args.rounds, BATCH))
    print("%-40s %12s %12s %14s %9s" % ("", "wall ms", "CPU ms", "CPU us/image", "GFLOP/s"))
    for key, (wall, cpu) in rows.items():
        kind = key.split(" ", 2)[2].split(",")[0]
        print("%-40s %12.2f %12.2f %14.1f %9.2f" % (key, wall / 1e3, cpu / 1e3, cpu / BATCH,
                                                   flops[kind] * BATCH / (cpu * 1e-6) / 1e9))
    if round_ratios[0]:
        print()
        print("ratios within each round, then their median (and range over rounds)")
        for key in round_ratios[0]:
            walls = [r[key][0] for r in round_ratios]
            cpus = [r[key][1] for r in round_ratios]
            print("%-55s wall %.2fx (%.2f-%.2f)  CPU %.2fx (%.2f-%.2f)" % (
                key, statistics.median(walls), min(walls), max(walls),
                statistics.median(cpus), min(cpus), max(cpus)))


if __name__ == "__main__":
    main()
