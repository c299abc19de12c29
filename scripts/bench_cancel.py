#!/usr/bin/env python3
"""Cancel latency and progress gaps of complete_community:assess on the bench city (scripts/bench.py's city).

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/bench_cancel.py                 # full city, default moments
    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/bench_cancel.py --city small --at 2 8 20

Each moment runs in a process of its own: assess starts on the city (GeoPackage, report, map and workbook), and
another thread calls feedback.cancel() after AT seconds, as the dialog's Cancel button does. Measured: the latency
from the cancel to processing.run ending, the step it was in, and the outcome — the run must end as cancelled,
leave the earlier results in the folder byte for byte (a small earlier report and GeoPackage stand for them) and
leave nothing new (no file under a final name, no partial folder). A last run without cancel measures the longest
gap between two progress reports (and the step), which bounds how late a cancel can be noticed between checks:
the three longest gaps and every gap over a second are listed.
"""

import argparse
import hashlib
import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import bench  # scripts/bench.py: the city, QGIS start, the assess parameters

DEFAULT_MOMENTS = (1, 3, 6, 10, 15, 20, 25, 30, 40, 50)


def _digests(folder):
    return {path.name: hashlib.sha256(path.read_bytes()).hexdigest() for path in sorted(folder.iterdir())
            if path.is_file()}


def one_run(at, folder):
    """The child's side: one assess run cancelled after `at` seconds (None: never) → a dict."""
    from qgis.core import QgsProcessingException, QgsProcessingFeedback

    application, provider = bench.start_qgis()  # noqa: F841 (kept alive until the end)
    import processing

    folder.mkdir(parents=True, exist_ok=True)
    for stale in folder.iterdir():
        if stale.is_file():
            stale.unlink()
    # Earlier results the cancelled run must leave as they are.
    (folder / "report.html").write_text("<p>an earlier report</p>", encoding="utf-8")
    before = _digests(folder)

    class Recorder(QgsProcessingFeedback):
        def __init__(self):
            super().__init__()
            self.began = time.perf_counter()
            self.marks = [(0.0, "start")]  # (seconds, step text) of every progress report or step
            self.step = "start"
            self.progressChanged.connect(lambda _value: self.marks.append((self.elapsed(), self.step)))

        def elapsed(self):
            return time.perf_counter() - self.began

        def setProgressText(self, text):  # noqa: N802
            self.step = text
            self.marks.append((self.elapsed(), text))

        def pushInfo(self, info):  # noqa: N802
            pass

        def pushWarning(self, warning):  # noqa: N802
            pass

    feedback = Recorder()
    context = bench.make_context(feedback)
    parameters = bench.assess_parameters(folder)
    parameters["OUTPUT_XLSX"] = str(folder / "assessment.xlsx")
    cancelled = {}

    def cancel():
        cancelled["at"] = feedback.elapsed()
        cancelled["step"] = feedback.step
        feedback.cancel()

    timer = threading.Timer(at, cancel) if at is not None else None
    if timer:
        timer.start()
    outcome = "completed"
    try:
        processing.run("complete_community:assess", parameters, context=context, feedback=feedback)
    except QgsProcessingException as error:
        outcome = "cancelled" if "Cancelled" in str(error) else "error: " + str(error)[:200]
    ended = feedback.elapsed()
    if timer:
        timer.cancel()
    del context
    after = _digests(folder)
    partial = [path.name for path in folder.iterdir() if path.name.startswith(".cc-partial-")]
    marks = [seconds for seconds, _text in feedback.marks] + [ended]
    # The three longest gaps, and every other one over a second (the step they were in).
    gaps = [gap for rank, gap in enumerate(sorted(((later - earlier, feedback.marks[number][1]) for number, (
        earlier, later) in enumerate(zip(marks, marks[1:]))), reverse=True)) if rank < 3 or gap[0] > 1.0]
    result = {"at": at, "seconds": ended, "outcome": outcome, "gaps": gaps,
              "earlier_intact": all(after.get(name) == digest for name, digest in before.items()),
              "new_files": sorted(set(after) - set(before)), "partial_folders": partial}
    if "at" in cancelled:
        result.update(cancelled_at=cancelled["at"], step=cancelled["step"], latency=ended - cancelled["at"])
    bench.stop_qgis(application, 0)
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--city", choices=sorted(bench.CITIES), default="full")
    parser.add_argument("--at", type=float, nargs="*", default=DEFAULT_MOMENTS,
                        help="seconds after the start at which to cancel (one run each)")
    parser.add_argument("--no-full-run", action="store_true", help="skip the run without cancel (progress gaps)")
    parser.add_argument("--one", type=float, help=argparse.SUPPRESS)
    parser.add_argument("--never", action="store_true", help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    bench.select_city(arguments.city)
    folder = bench.BENCH_DIRECTORY / "cancel{}".format("" if arguments.city == "full" else "_" + arguments.city)
    if arguments.one is not None or arguments.never:
        print(json.dumps(one_run(None if arguments.never else arguments.one, folder)), flush=True)
        return 0
    bench.ensure_city()
    with open("/proc/loadavg", encoding="ascii") as stream:
        print("load average before: " + stream.read().strip(), flush=True)
    runs = [["--one", str(at)] for at in arguments.at] + ([] if arguments.no_full_run else [["--never"]])
    results = []
    for extra in runs:
        process = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--city", arguments.city] + extra,
                                 stdout=subprocess.PIPE, text=True, check=False, env=dict(os.environ))
        lines = process.stdout.strip().splitlines()
        if process.returncode != 0 or not lines:
            print("run {} ended with exit status {}".format(extra, process.returncode), flush=True)
            results.append({"at": extra, "outcome": "crashed ({})".format(process.returncode)})
            continue
        result = json.loads(lines[-1])
        results.append(result)
        if "latency" in result:
            print("cancel at {:5.1f} s in '{}': {} after {:.2f} s; earlier results intact: {}; new files: {}; "
                  "partial folders: {}".format(result["cancelled_at"], result["step"], result["outcome"],
                                               result["latency"], result["earlier_intact"], result["new_files"],
                                               result["partial_folders"]), flush=True)
        else:
            print("no cancel: {} in {:.1f} s; longest gaps between progress reports: {}".format(
                result["outcome"], result["seconds"], ", ".join(
                    "{:.2f} s ('{}')".format(seconds, step) for seconds, step in result["gaps"])), flush=True)
    latencies = [result["latency"] for result in results if "latency" in result]
    bad = [result for result in results if "latency" in result and (
        result["outcome"] != "cancelled" or not result["earlier_intact"] or result["new_files"]
        or result["partial_folders"])]
    if latencies:
        print("worst cancel latency: {:.2f} s over {} cancels; median {:.2f} s".format(
            max(latencies), len(latencies), sorted(latencies)[len(latencies) // 2]))
    with open("/proc/loadavg", encoding="ascii") as stream:
        print("load average after: " + stream.read().strip(), flush=True)
    (folder.parent / "cancel{}.json".format("" if arguments.city == "full" else "_" + arguments.city)).write_text(
        json.dumps(results, indent=1), encoding="utf-8")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
