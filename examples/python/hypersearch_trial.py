"""HyperSearch's side of a command workload, for Python programs (standard library only).

The worker starts your program once per trial (appsettings.json ``HyperSearch:Workloads:Commands``) and
talks to it through a line protocol (docs/training.md, "Your own program"). This module speaks it::

    import hypersearch_trial

    trial = hypersearch_trial.start()      # reads the trial file; stdout becomes the protocol channel
    model, optimizer = build(trial.config, trial.params)
    first = 1
    if trial.resume and os.path.exists(path := os.path.join(trial.checkpoint_dir, "last.pt")):
        first = load(path) + 1             # the epochs your checkpoint holds, + 1
    trial.resumed(first - 1)               # tells the worker; trial.lr is now the LR of epoch `first`
    for epoch in range(first, trial.epochs + 1):
        set_lr(optimizer, trial.lr)
        train_loss, val_loss, val_accuracy = train_one_epoch(...)
        if not trial.report(epoch, train_loss, val_loss, val_accuracy):
            break                          # pruned (or diverged): exit 0 now
        save(path)                         # after report() returned: an epoch is never lost

``print`` still works: after ``start()`` anything written to stdout (by Python or a C library) goes to
stderr, whose last lines the worker shows when a trial fails; the protocol has the real stdout to itself.
"""

import json
import math
import os
import queue
import signal
import sys
import threading

__all__ = ["Trial", "start", "atomic_save"]


class Trial:
    """One trial, as the worker described it in the trial file (``HYPERSEARCH_TRIAL_FILE``)."""

    def __init__(self, document, channel, answers):
        self._document = document
        self._channel = channel
        self._answers = answers
        self._stopped = False
        #: The trial config: initialLr, decay, warmup, optimizer, batchSize, params, ... (camelCase JSON).
        self.config = document["config"]
        #: The space's free ``params`` (architecture knobs and the like); {} when the space has none.
        self.params = dict(self.config.get("params") or {})
        self.workload = document["workload"]
        self.epochs = int(document["epochs"])
        self.seed = int(document["seed"])
        self.threads = int(document["threads"])
        #: "epoch" or "batch": what one step of the LR schedule is. The worker follows per-epoch
        #: schedules for you (``lr``); a per-batch schedule is the program's own business.
        self.schedule_unit = document["scheduleUnit"]
        #: Evaluate the held-out test set after the last epoch and call ``report_test``.
        self.evaluate_test_set = bool(document["evaluateTestSet"])
        #: Your folder for checkpoints: it survives the trial's returns to the queue (worker lost, shutdown).
        self.checkpoint_dir = document["checkpointDir"]
        #: True when ``checkpoint_dir`` holds an earlier attempt of this very trial: load your checkpoint.
        self.resume = bool(document["resume"])
        #: The worker's device name ("cpu", "cuda:2"); CUDA_VISIBLE_DEVICES shows only that GPU.
        self.worker_device = document["device"]
        #: The device to use in this process: "cpu", or "cuda:0" (the one GPU visible).
        self.device = "cuda:0" if self.worker_device.startswith("cuda") else "cpu"
        #: The LR for the next epoch: PyTorch's scheduler's value, warmup included (see ``resumed``).
        self.lr = float(document["lr"])
        self._started = False

    def resumed(self, epochs_done):
        """Tells the worker how many epochs your checkpoint restored (0: none); call it once, before
        the first ``report``. Afterwards ``lr`` is the LR of epoch ``epochs_done + 1``."""
        self._send({"resumed": int(epochs_done)})
        self._started = True
        self._read_answer()

    def report(self, epoch, train_loss, val_loss, val_accuracy, lr=None, **extra):
        """Reports a finished epoch (1-based) and waits for the worker's answer. Returns True to go on
        (``lr`` then holds the next epoch's LR), False when the trial must stop now: pruned, or a loss
        was NaN/infinite (diverged). Extra keyword arguments are kept as named numeric metrics."""
        message = {"epoch": int(epoch), "trainLoss": _number(train_loss), "valLoss": _number(val_loss),
                   "valAccuracy": _number(val_accuracy)}
        if lr is not None:
            message["lr"] = _number(lr)
        for name, value in extra.items():
            message[name] = _number(value)
        self._send(message)
        self._started = True
        return self._read_answer()

    def report_test(self, test_loss, test_accuracy):
        """The held-out test set's loss and metric, once, after the last epoch (when ``evaluate_test_set``)."""
        self._send({"testLoss": _number(test_loss), "testAccuracy": _number(test_accuracy)})

    def _send(self, message):
        self._channel.write(json.dumps(message, allow_nan=False) + "\n")
        self._channel.flush()

    def _read_answer(self):
        answer = self._answers.get()
        if answer is None:
            _worker_gone()
        words = answer.split()
        if not words or words[0] not in ("continue", "prune"):
            raise RuntimeError(f"unexpected answer from the worker: {answer!r}")
        if words[0] == "prune":
            self._stopped = True
            return False
        if len(words) > 1:
            self.lr = float(words[1])
        return True


def start(trial_file=None):
    """Reads the trial file (default: ``HYPERSEARCH_TRIAL_FILE``), makes the real stdout the protocol
    channel (everything else printed goes to stderr), and watches stdin: when the worker is gone (it
    closed stdin: killed, or its machine lost) the program and its process group end at once, so no
    orphan keeps training next to the trial's next attempt."""
    path = trial_file or os.environ.get("HYPERSEARCH_TRIAL_FILE")
    if not path:
        raise SystemExit("hypersearch_trial: HYPERSEARCH_TRIAL_FILE is not set; run this program through a "
                         "HyperSearch worker (or `hypersearch trial run --workload <name>`)")
    with open(path, encoding="utf-8") as f:
        document = json.load(f)
    sys.stdout.flush()
    channel = os.fdopen(os.dup(1), "w", encoding="utf-8", buffering=1)
    os.dup2(2, 1)
    answers = queue.Queue()
    threading.Thread(target=_watch_stdin, args=(answers,), name="hypersearch-stdin", daemon=True).start()
    return Trial(document, channel, answers)


def atomic_save(write, path):
    """Calls ``write(temporary_path)`` (e.g. ``lambda p: torch.save(state, p)``), then renames the file
    over ``path``: a program killed mid-write leaves the previous checkpoint intact."""
    temporary = f"{path}.{os.getpid()}.tmp"
    write(temporary)
    os.replace(temporary, path)


def _watch_stdin(answers):
    while line := sys.stdin.readline():
        answers.put(line.strip())
    answers.put(None)
    _worker_gone()


def _worker_gone():
    # Only the process group's leader (a worker starts the program through setsid) takes its group down;
    # run by hand from a shell, the program must not kill the shell's group.
    try:
        if os.getpgid(0) == os.getpid():
            os.killpg(0, signal.SIGKILL)
    finally:
        os._exit(70)


def _number(value):
    value = float(value)
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "Infinity" if value > 0 else "-Infinity"
    return value
