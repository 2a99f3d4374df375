#!/usr/bin/python3
"""Ingest JSONL corpora into one geokg store, extracting on a Dask cluster.

    dask_ingest.py CORPUS... --db DB [--scheduler ADDRESS | --local-workers N] [--geokg PATH]

Each corpus (a .jsonl file, or a directory of them, read in name order) is cut into partitions
of whole lines. Workers run `geokg extract` on each partition as a streaming filter (the
partition on its standard input, self-describing JSON Lines out: docs/FORMATS.md); the client
gathers the outputs and streams them, in corpus order, into one `geokg load` writing DB. The
store therefore equals `geokg ingest` of the same files in the same order.

A partition whose extraction fails (a crash, a killed worker) is retried --retries times; one
that still fails is reported with its file and lines and the run exits 1, after loading every
other partition (a later run loads only what is missing: load skips unchanged documents).
Malformed corpus lines are reported as `file:line:` and skipped, as by ingest (exit 1).

Runs with Debian's python3-dask and python3-distributed (tools/setup.sh installs them).
"""

import argparse
import json
import logging
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time

WORKER_LINE = re.compile(r"^geokg: <stdin>:(\d+): ", re.M)


def high_water_kb(pid):
    """Peak resident memory of process `pid` so far, in KB (0 when it has ended)."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def extract_partition(geokg, extract_args, data):
    """Runs on a worker: `geokg extract` over one partition.

    Returns (exit code, output, messages, words of article text, peak KB of this geokg extract
    (sampled every 0.2 s; 0 when it ran shorter), peak KB of the worker process). Raises when
    extract failed, rather than only reported bad lines (exit 1), so that the client retries.
    """
    # The input from a file, so that communicate() can be retried after each timeout (with
    # input on a pipe it would stop feeding it).
    with tempfile.TemporaryFile() as source:
        source.write(data)
        source.seek(0)
        proc = subprocess.Popen([geokg, "extract", "--threads", "1", *extract_args, "-"], stdin=source,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        # The child's own high-water mark, sampled until it ends: getrusage's figure for
        # children would include this worker's memory, which the child shares until its exec.
        peak_kb = 0
        while True:
            try:
                output, errors = proc.communicate(timeout=0.2)
                break
            except subprocess.TimeoutExpired:
                peak_kb = max(peak_kb, high_water_kb(proc.pid))
    messages = errors.decode("utf-8", "replace")
    if proc.returncode not in (0, 1):
        last = messages.strip().splitlines()[-1:] or ["no message"]
        raise RuntimeError(f"geokg extract exited with {proc.returncode}: {last[0]}")
    words = 0
    for line in data.splitlines():
        try:
            words += len(json.loads(line).get("text", "").split())
        except (ValueError, AttributeError):
            pass  # extract has reported the line
    return proc.returncode, output, messages, words, peak_kb, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


class Partition:
    def __init__(self, index, path, first_line, data):
        self.index = index
        self.path = path
        self.first_line = first_line  # 1-based line of the file where the partition starts
        self.data = data
        self.attempts = 1
        self.scattered = None  # the data, once on the cluster
        self.lines = data.count(b"\n") + (0 if data.endswith(b"\n") else 1)

    def where(self):
        return f"{self.path}:{self.first_line}-{self.first_line + self.lines - 1}"

    def file_messages(self, messages):
        """Worker messages about standard input, renamed to the corpus file and line."""
        return WORKER_LINE.sub(lambda m: f"geokg: {self.path}:{self.first_line + int(m.group(1)) - 1}: ", messages)


def corpus_files(corpora):
    files = []
    for corpus in corpora:
        if os.path.isdir(corpus):
            found = sorted(os.path.join(root, name) for root, _, names in os.walk(corpus)
                           for name in names if name.endswith(".jsonl"))
            if not found:
                sys.exit(f"dask_ingest: {corpus}: no .jsonl file in it")
            files += found
        elif os.path.isfile(corpus):
            files.append(corpus)
        else:
            sys.exit(f"dask_ingest: {corpus}: no such file or directory")
    return files


def partitions(files, partition_bytes):
    """Whole lines of each file, about partition_bytes at a time, in corpus order."""
    index = 0
    for path in files:
        with open(path, "rb") as f:
            line_number = 1
            while True:
                data = f.read(partition_bytes)
                if not data:
                    break
                if not data.endswith(b"\n"):
                    data += f.readline()
                part = Partition(index, path, line_number, data)
                line_number += part.lines
                index += 1
                yield part


def count_partitions(files, partition_bytes):
    return sum(1 for _ in partitions(files, partition_bytes))


class Status:
    """The progress line on stderr, and messages printed above it."""

    def __init__(self, total):
        self.total = total
        self.start = time.monotonic()
        self.lock = threading.Lock()
        self.width = 0
        self.done = self.words = self.failed = self.retried = 0
        self.tty = sys.stderr.isatty()

    def message(self, text):
        with self.lock:
            if self.width:
                sys.stderr.write("\r" + " " * self.width + "\r")
            sys.stderr.write(text if text.endswith("\n") else text + "\n")
            self._line()

    def update(self, words):
        with self.lock:
            self.done += 1
            self.words += words
            self._line()

    def _line(self):
        elapsed = time.monotonic() - self.start
        line = (f"dask_ingest: {self.done}/{self.total} partitions, {self.words} words, "
                f"{self.words / elapsed if elapsed else 0:.0f} words/s")
        if self.failed:
            line += f", {self.failed} failed"
        if self.tty:
            self.width = max(self.width, len(line))
            sys.stderr.write("\r" + line.ljust(self.width))
        sys.stderr.flush()

    def clear(self):
        with self.lock:
            if self.width:
                sys.stderr.write("\r" + " " * self.width + "\r")
                self.width = 0


def forward(stream, status):
    for line in stream:
        status.message(line.decode("utf-8", "replace"))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpora", nargs="+", metavar="CORPUS", help=".jsonl file or directory of them")
    parser.add_argument("--db", required=True, help="the store to write (created when missing)")
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--scheduler", metavar="ADDRESS", help="a running Dask scheduler, e.g. tcp://host:8786")
    where.add_argument("--local-workers", type=int, metavar="N",
                       help="start a LocalCluster of N single-threaded worker processes (default: the core count)")
    parser.add_argument("--geokg", default="geokg",
                        help="geokg binary, found on each worker's PATH unless a path (default: geokg)")
    parser.add_argument("--partition-bytes", type=int, default=1 << 20, help="partition size (default: 1 MiB)")
    parser.add_argument("--retries", type=int, default=2, help="retries of a failed partition (default: 2)")
    parser.add_argument("--extract-arg", action="append", default=[], metavar="ARG",
                        help="passed to geokg extract (e.g. --extract-arg=--date=2024-01-01); may repeat")
    args = parser.parse_args()
    if args.partition_bytes < 1:
        parser.error("--partition-bytes must be positive")

    # The client's own binary loads; a relative path names the same file on a shared disk.
    local_geokg = shutil.which(args.geokg)
    if local_geokg is None:
        sys.exit(f"dask_ingest: {args.geokg}: not found (give the binary with --geokg)")
    worker_geokg = os.path.abspath(args.geokg) if os.sep in args.geokg else args.geokg
    files = corpus_files(args.corpora)

    from dask.distributed import Client, LocalCluster, as_completed  # slow to import: after the checks

    started = time.monotonic()
    if args.scheduler:
        client = Client(args.scheduler)
        cluster = None
    else:
        workers = args.local_workers or os.cpu_count() or 1
        if workers < 1:
            parser.error("--local-workers must be positive")
        # Its workers' own warnings (a failed task, with its whole input) would drown ours.
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None,
                               silence_logs=logging.ERROR)
        client = Client(cluster)
    slots = max(1, sum(client.nthreads().values()))
    status = Status(count_partitions(files, args.partition_bytes))

    load = subprocess.Popen([local_geokg, "load", "--db", args.db, "-"], stdin=subprocess.PIPE, stderr=subprocess.PIPE)
    forwarder = threading.Thread(target=forward, args=(load.stderr, status), daemon=True)
    forwarder.start()

    # At most 2 partitions per worker slot in flight, and finished ones held only until those
    # before them are loaded: memory stays bounded on any corpus.
    source = partitions(files, args.partition_bytes)
    running = as_completed()
    by_future = {}
    finished = {}  # index -> result, or None for a partition that failed for good
    next_to_load = 0
    failures = []
    bad_lines = False
    load_closed = False
    peak_kb = worker_kb = 0
    # Retried here rather than by Dask's `retries`, so that each failure is reported.
    def submit(part):
        if part.scattered is None:  # sent once, beside the task graph rather than inside it
            part.scattered = client.scatter(part.data, hash=False)
        future = client.submit(extract_partition, worker_geokg, args.extract_arg, part.scattered, pure=False)
        by_future[future] = part
        running.add(future)

    for part in source:
        submit(part)
        if len(by_future) >= 2 * slots:
            break

    while by_future:
        future = next(running)
        part = by_future.pop(future)
        if future.status != "finished":
            problem = f"partition {part.where()}: {future.exception() or future.status}"
            if part.attempts <= args.retries:
                part.attempts += 1
                part.scattered = None  # it may have died with the worker that held it
                status.message(f"dask_ingest: {problem}; retrying ({part.attempts - 1} of {args.retries})")
                submit(part)
                continue
            failures.append(f"{problem} (after {part.attempts} attempts)")
            status.failed += 1
            status.message(f"dask_ingest: {failures[-1]}")
            finished[part.index] = None
            status.update(0)
        else:
            code, output, messages, words, kb, own_kb = future.result()
            bad_lines |= code != 0
            peak_kb = max(peak_kb, kb)
            worker_kb = max(worker_kb, own_kb)
            if messages:
                status.message(part.file_messages(messages))
            finished[part.index] = output
            status.update(words)
        part.data = part.scattered = None
        while next_to_load in finished:
            output = finished.pop(next_to_load)
            next_to_load += 1
            try:
                if output and not load_closed:
                    load.stdin.write(output)
            except BrokenPipeError:
                load_closed = True  # load failed: its message follows; stop extracting
        if load_closed:
            for left in by_future:
                left.cancel()
            break
        for part in source:
            submit(part)
            break

    try:
        load.stdin.close()
    except BrokenPipeError:
        pass
    load_code = load.wait()
    forwarder.join()
    status.clear()
    elapsed = time.monotonic() - status.start
    client.close()
    if cluster is not None:
        cluster.close()
    print(f"dask_ingest: {status.total} partitions on {slots} worker slots in {elapsed:.1f} s "
          f"(after {status.start - started:.1f} s connecting to the cluster), "
          f"{status.words} words ({status.words / elapsed:.0f} words/s); "
          f"peak memory on a worker: geokg extract {peak_kb / 1024:.0f} MB, worker process {worker_kb / 1024:.0f} MB",
          file=sys.stderr)
    for failure in failures:
        print(f"dask_ingest: not loaded: {failure}", file=sys.stderr)
    if load_closed:
        print("dask_ingest: geokg load stopped; the store holds the documents loaded before", file=sys.stderr)
    if failures or load_code != 0 or bad_lines or load_closed:
        sys.exit(1)


if __name__ == "__main__":
    main()
