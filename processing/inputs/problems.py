"""Problems found while reading a layer, grouped by message so each is reported once with its features."""

from collections import OrderedDict

from ...i18n import tr

_CONTEXT = "EvaluationInputs"  # one translation context for every reader (the strings were translated under it)
MAX_LISTED_FEATURES = 10


class InputProblems:
    """Problems found while reading, grouped by message so each is reported once with its features."""

    def __init__(self):
        self._groups = OrderedDict()

    def add(self, message, feature_id):
        self._groups.setdefault(message, []).append(feature_id)

    def report(self, feedback):
        for message, feature_ids in self._groups.items():
            listed = ", ".join(str(fid) for fid in feature_ids[:MAX_LISTED_FEATURES])
            more = "…" if len(feature_ids) > MAX_LISTED_FEATURES else ""
            feedback.pushWarning(tr("{} — {} feature(s): {}{}", _CONTEXT).format(
                message, len(feature_ids), listed, more))

    def __len__(self):
        return sum(len(ids) for ids in self._groups.values())
