#!/usr/bin/env python3
"""Classify ThreadSanitizer reports (scripts/sanitize.sh tsan, issue 9).

Usage: tsan_known.py [--expect NAME ...] LOG [LOG ...]

Each LOG is a file TSan wrote with log_path=<dir>/tsan and log_exe_name=1
(<dir>/tsan.<executable>.<pid>, one per process, spawned processes too); a
directory stands for every tsan.* file in it. Every report is either one of
the two kinds documented in docs/RELIABILITY.md ("TSan: how reports are
classified"), both entirely inside gRPC, or UNKNOWN. A report is known only
when BOTH its stacks (the current access and the previous one) match the
kind's frames in order, from the racing access down to the first gRPC
library frame, and the frames below that are the kind's allowed callers.
Anything else — another race, a race whose previous stack TSan could not
restore, a lock-order inversion, a use after free, a thread leak, any other
ThreadSanitizer message — is UNKNOWN.

Prints a table (per process: reports, A, B, unknown), the full text of every
unknown report and exits 1 if there is one (2 on bad usage / unreadable logs),
0 otherwise. --expect adds a row with zeros for an executable that wrote no
log (TSan creates the file only when it reports something).
"""

import argparse
import os
import re
import sys
from dataclasses import dataclass, field

# ---------------------------------------------------------------------------
# Parsing

SEPARATOR = "=================="
FRAME_RE = re.compile(r"^\s+#(\d+) (.*) \(([^()]*)\)$")
ACCESS_RE = re.compile(
    r"^  (Previous )?(atomic )?(read|write|Read|Write|Atomic read|Atomic write)"
    r" of size (\d+) at (0x[0-9a-f]+) by (main thread|thread T\d+)"
)
THREAD_RE = re.compile(r"^  Thread (T\d+) \(tid=\d+, \w+\) created by ")
REPORTED_RE = re.compile(r"^ThreadSanitizer: reported (\d+) warnings?$")


@dataclass
class Frame:
    func: str
    location: str
    module: str  # "libtsan.so.2", "tst_bridgeclient", "<unknown module>"

    def __str__(self):
        return f"{self.func} {self.location} ({self.module})"


@dataclass
class Access:
    kind: str  # "read" / "write" / "atomic read" / "atomic write"
    size: int
    address: str
    thread: str  # "main thread" / "thread T16"
    frames: list = field(default_factory=list)
    restored: bool = True


@dataclass
class Report:
    title: str  # "data race", "lock-order-inversion (potential deadlock)", ...
    text: str
    current: Access = None
    previous: Access = None
    location: str = ""
    threads: dict = field(default_factory=dict)  # "thread T16" → its creation stack


def parse_frame(line):
    m = FRAME_RE.match(line)
    if not m:
        return None
    rest, module = m.group(2), m.group(3)
    module = module.rsplit("+0x", 1)[0]
    func, _, location = rest.rpartition(" ")
    if not func:  # "#3 <null> (lib+0x..)" never seen, but be safe
        func, location = rest, "<null>"
    return Frame(func, location, module)


def parse_report(lines):
    title = lines[0].split("ThreadSanitizer: ", 1)[1]
    title = re.sub(r" \(pid=\d+\)$", "", title)
    report = Report(title, "\n".join(lines))
    section = None
    for line in lines[1:]:
        m = ACCESS_RE.match(line)
        if m:
            kind = (m.group(2) or "") + m.group(3).lower()
            access = Access(kind.strip(), int(m.group(4)), m.group(5), m.group(6))
            if m.group(1):
                report.previous = access
            else:
                report.current = access
            section = access
            continue
        if line.startswith("  ") and not line.startswith("    "):
            section = None  # "Location is ...", "Thread T2 ... created by", "Mutex ..."
            if line.startswith("  Location is "):
                report.location = line.strip()
            t = THREAD_RE.match(line)
            if t:
                section = report.threads.setdefault("thread " + t.group(1), Access("create", 0, "", ""))
            continue
        if section is None:
            continue
        if "[failed to restore the stack]" in line:
            section.restored = False
            continue
        frame = parse_frame(line)
        if frame:
            section.frames.append(frame)
    return report


def parse_log(path):
    """Returns (reports, problems): problems are TSan lines outside reports."""
    with open(path, encoding="utf-8", errors="replace") as f:
        lines = f.read().splitlines()
    reports, problems, announced = [], [], 0
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.startswith("WARNING: ThreadSanitizer: "):
            j = i + 1
            while j < len(lines) and not lines[j].startswith(SEPARATOR):
                j += 1
            reports.append(parse_report(lines[i:j]))
            i = j + 1
            continue
        m = REPORTED_RE.match(line)
        if m:
            announced += int(m.group(1))
        elif line.strip() and not line.startswith(SEPARATOR):
            problems.append(line)
        i += 1
    if announced and announced != len(reports):
        problems.append(f"TSan announced {announced} warnings, the checker parsed {len(reports)}")
    return reports, problems


# ---------------------------------------------------------------------------
# The known kinds. A step is (function regex, module regex or None, optional).
# Function regexes must match the whole demangled name.

STRING = r"std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char> >"
GRPC_MODULE = r"lib(grpc\+\+|grpc|gpr)\.so\.[0-9.]+"
# Below gRPC's frames a thread of gRPC's own starts: libc / TSan's trampoline.
THREAD_START_MODULE = r"(" + GRPC_MODULE + r"|libc\.so\.6|libtsan\.so\.\d+)"


@dataclass
class StackRule:
    access: str  # required access kind
    steps: list  # (func regex, module regex or None, optional)
    grpc_module: str  # the first frame after the steps must be in this library
    tail: str  # "grpc-only": every further frame in gRPC/libc; "callers": any
    tail_requires: str = None  # "callers": one further frame must match this
    # The stack may end right after the steps when the last one ran in this
    # uninstrumented library: then no instrumented function (none of ours) is
    # active on that thread — TSan's stack below an interceptor is its shadow
    # stack of instrumented calls, plus the interceptor's caller.
    may_end_in: str = None
    grpc_thread: bool = False  # the accessing thread was started by gRPC


@dataclass
class Kind:
    name: str
    summary: str
    current: StackRule
    previous: StackRule
    location: str = None  # regex the "Location is" line must match, if any


KINDS = [
    Kind(
        "A",
        "gRPC frees a finished server call's request (CallOnDone → call_requester) while another "
        "gRPC thread is still reading the std::function of that request's completion tag",
        current=StackRule(
            "write",
            [
                (r"operator delete\(void\*(, unsigned long)?\)", r"libtsan\.so\.\d+", False),
                (r"std::function<void \(\)>::operator\(\)\(\) const", None, True),
                (
                    r"grpc::internal::Callback(Unary|ServerStreaming|ClientStreaming|Bidi)Handler<.+>"
                    r"::ServerCallback(Unary|Writer|Reader|ReaderWriter)Impl::CallOnDone\(\)",
                    None,
                    False,
                ),
            ],
            r"libgrpc\+\+\.so\.[0-9.]+",
            "grpc-only",
            grpc_thread=True,
        ),
        previous=StackRule(
            "read",
            [
                (r"std::_Function_base::_M_empty\(\) const", None, True),
                (r"std::function<void \(bool\)>::operator\(\)\(bool\) const", None, False),
                (
                    r"void grpc::internal::CatchingCallback<std::function<void \(bool\)>&, bool&>"
                    r"\(std::function<void \(bool\)>&, bool&\)",
                    None,
                    False,
                ),
                (r"grpc::internal::CallbackWithSuccessTag::Run\(bool\)", None, False),
                (
                    r"grpc::internal::CallbackWithSuccessTag::StaticRun"
                    r"\(grpc_completion_queue_functor\*, int\)",
                    None,
                    False,
                ),
            ],
            r"libgrpc\+\+\.so\.[0-9.]+",
            "grpc-only",
            grpc_thread=True,
        ),
    ),
    Kind(
        "B",
        "a gRPC thread copies a string that libgrpc allocated on the thread where "
        "BackendConnection asked the channel to connect",
        current=StackRule(
            "read",
            [
                (r"memcpy", r"libtsan\.so\.\d+", False),
                (r"memcpy", r"libtsan\.so\.\d+", True),
                (r"std::char_traits<char>::copy\(char\*, char const\*, unsigned long\)", None, True),
                (re.escape(STRING) + r"::_S_copy\(char\*, char const\*, unsigned long\)", None, True),
                (re.escape(STRING) + r"::_M_assign\(" + re.escape(STRING) + r" const&\)", None, False),
            ],
            r"libgrpc\.so\.[0-9.]+",
            "grpc-only",
            may_end_in=r"libstdc\+\+\.so\.6",
            grpc_thread=True,
        ),
        previous=StackRule(
            "write",
            [
                (r"operator new\(unsigned long\)", r"libtsan\.so\.\d+", False),
                (r"std::__new_allocator<char>::allocate\(unsigned long, void const\*\)", None, False),
                (r"std::allocator<char>::allocate\(unsigned long\)", None, False),
                (
                    r"std::allocator_traits<std::allocator<char> >::allocate"
                    r"\(std::allocator<char>&, unsigned long\)",
                    None,
                    False,
                ),
                (re.escape(STRING) + r"::_M_create\(unsigned long&, unsigned long\)", None, False),
            ],
            r"libgrpc\.so\.[0-9.]+",
            "callers",
            tail_requires=r".*(opsdeck::clients::BackendConnection::|clients/backendconnection\.cpp).*",
        ),
        location=r"Location is heap block of size \d+ at 0x[0-9a-f]+ allocated by (main thread|thread T\d+):",
    ),
]


def started_by_grpc(report, thread):
    """The thread was created by grpc_core::Thread (libgpr), not by our code."""
    created = report.threads.get(thread)
    if created is None or len(created.frames) < 2:
        return False
    first, second = created.frames[0], created.frames[1]
    return first.func == "pthread_create" and re.fullmatch(
        r"grpc_core::Thread::Thread\(.*\)", second.func
    ) and re.fullmatch(r"libgpr\.so\.[0-9.]+", second.module)


def match_stack(rule, access, report):
    """None if the stack matches the rule, else why not (for --explain)."""
    if access is None:
        return "no such access"
    if rule.grpc_thread and not started_by_grpc(report, access.thread):
        return f"{access.thread} was not started by grpc_core::Thread"
    if not access.restored:
        return "stack not restored"
    if access.kind != rule.access:
        return f"access is a {access.kind}, the kind needs a {rule.access}"
    frames = access.frames
    pos = 0
    for func_re, module_re, optional in rule.steps:
        frame = frames[pos] if pos < len(frames) else None
        ok = (
            frame is not None
            and re.fullmatch(func_re, frame.func)
            and (module_re is None or re.fullmatch(module_re, frame.module))
        )
        if ok:
            pos += 1
        elif not optional:
            return f"frame #{pos} {frame} is not /{func_re}/"
    if (
        pos == len(frames)
        and rule.may_end_in
        and pos > 0
        and re.fullmatch(rule.may_end_in, frames[pos - 1].module)
    ):
        return None
    if pos >= len(frames) or not re.fullmatch(rule.grpc_module, frames[pos].module):
        got = frames[pos] if pos < len(frames) else "the end of the stack"
        return f"frame #{pos} {got} is not in {rule.grpc_module}"
    rest = frames[pos + 1 :]
    if rule.tail == "grpc-only":
        for k, frame in enumerate(rest, pos + 1):
            if not re.fullmatch(THREAD_START_MODULE, frame.module):
                return f"frame #{k} {frame} is outside gRPC"
    elif rule.tail_requires and not any(
        re.fullmatch(rule.tail_requires, f"{f.func} {f.location}") for f in rest
    ):
        return f"no caller matches /{rule.tail_requires}/"
    return None


def classify(report):
    """Returns (kind name or "unknown", reasons)."""
    reasons = []
    if report.title != "data race":
        return "unknown", [f"not a data race: {report.title}"]
    for kind in KINDS:
        why = match_stack(kind.current, report.current, report)
        if why is None:
            why = match_stack(kind.previous, report.previous, report)
            if why is not None:
                why = "previous access: " + why
        else:
            why = "current access: " + why
        if why is None and report.current.address != report.previous.address:
            why = "the two accesses are at different addresses"
        if why is None and kind.location and not re.fullmatch(kind.location, report.location):
            why = f"location '{report.location}' is not /{kind.location}/"
        if why is None:
            return kind.name, []
        reasons.append(f"not {kind.name}: {why}")
    return "unknown", reasons


# ---------------------------------------------------------------------------


def log_files(paths):
    files = []
    for p in paths:
        if os.path.isdir(p):
            files += sorted(
                os.path.join(p, n) for n in os.listdir(p) if n.startswith("tsan.")
            )
        else:
            files.append(p)
    return files


def process_name(path):
    """tsan.<exe>.<pid> → (exe, pid); anything else → (basename, "")."""
    base = os.path.basename(path)
    m = re.fullmatch(r"tsan\.(.+)\.(\d+)", base)
    return (m.group(1), m.group(2)) if m else (base, "")


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--expect", nargs="*", default=[], help="executables to list even without a log")
    parser.add_argument("--explain", action="store_true", help="say why each unknown report matched no kind")
    parser.add_argument("logs", nargs="+")
    args = parser.parse_args(argv)

    rows, unknown_texts = [], []
    seen = set()
    for path in log_files(args.logs):
        exe, pid = process_name(path)
        seen.add(exe)
        try:
            reports, problems = parse_log(path)
        except OSError as e:
            print(f"tsan_known: {path}: {e}", file=sys.stderr)
            return 2
        counts = {"A": 0, "B": 0, "unknown": 0}
        for report in reports:
            kind, reasons = classify(report)
            counts[kind] += 1
            if kind == "unknown":
                unknown_texts.append((f"{exe} (pid {pid})", report.text, reasons))
        for line in problems:
            counts["unknown"] += 1
            unknown_texts.append((f"{exe} (pid {pid})", line, ["a ThreadSanitizer message outside any report"]))
        rows.append((exe, pid, len(reports), counts))
    for exe in args.expect:
        if exe not in seen:
            rows.append((exe, "", 0, {"A": 0, "B": 0, "unknown": 0}))

    rows.sort(key=lambda r: (r[0], r[1]))
    width = max([len("process")] + [len(r[0]) + len(r[1]) + 3 for r in rows])
    print(f"{'process':<{width}} {'reports':>7} {'A':>4} {'B':>4} {'unknown':>7}")
    total = {"n": 0, "A": 0, "B": 0, "unknown": 0}
    for exe, pid, n, c in rows:
        name = f"{exe} ({pid})" if pid else exe
        print(f"{name:<{width}} {n:>7} {c['A']:>4} {c['B']:>4} {c['unknown']:>7}")
        total["n"] += n
        for k in ("A", "B", "unknown"):
            total[k] += c[k]
    print(f"{'total':<{width}} {total['n']:>7} {total['A']:>4} {total['B']:>4} {total['unknown']:>7}")

    for where, text, reasons in unknown_texts:
        print(f"\n=== UNKNOWN report in {where}")
        if args.explain:
            for r in reasons:
                print(f"    ({r})")
        print(text)
    if unknown_texts:
        print(f"\ntsan_known: {len(unknown_texts)} unknown report(s): FAIL")
        return 1
    print("tsan_known: every report is of a documented kind (A, B): OK")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
