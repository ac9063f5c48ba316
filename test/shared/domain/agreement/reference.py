# Independent reference for the agreement tests: reads generated passages (JSON on stdin), builds
# the units from them on its own, and computes the figures with scikit-learn (cohen_kappa_score) and
# NLTK (AnnotationTask: alpha, kappa, S). Prints JSON. Used by agreement-reference.test.ts.
import json
import math
import sys
import warnings

from nltk.metrics.agreement import AnnotationTask
from sklearn.metrics import cohen_kappa_score

warnings.simplefilter("ignore")


def nan_to_none(x):
    return None if x is None or (isinstance(x, float) and math.isnan(x)) else float(x)


def figures(a, b, with_alpha):
    n = len(a)
    out = {"units": n, "agreements": sum(1 for x, y in zip(a, b) if x == y)}
    out["percent"] = 100.0 * out["agreements"] / n if n else None
    # sklearn returns nan when chance agreement is 1 (one category only)
    out["sklearnKappa"] = nan_to_none(cohen_kappa_score(a, b)) if n else None
    labels = {("A", str(i), str(x)) for i, x in enumerate(a)} | {("B", str(i), str(y)) for i, y in enumerate(b)}
    task = AnnotationTask(data=sorted(labels))
    out["distinctLabels"] = len(task.K)
    if n and len(task.K) > 1:
        out["nltkKappa"] = float(task.kappa())
        out["nltkS"] = float(task.S())  # Brennan & Prediger with q = labels that occur
        if with_alpha:
            out["nltkAlpha"] = float(task.alpha())
    return out


def one(data):
    sources, concepts = data["sources"], data["concepts"]

    def counts(passages):
        c = {}
        for p in passages:
            if p["documentId"] in sources and p["conceptId"] in concepts:
                k = (p["documentId"], p["conceptId"])
                c[k] = c.get(k, 0) + 1
        return c

    ca, cb = counts(data["a"]), counts(data["b"])
    result = {"presence": {"perConcept": []}, "frequency": {"perConcept": []}}
    all_p = ([], [])
    all_f = ([], [])
    for c in concepts:
        fa = [ca.get((s, c), 0) for s in sources]
        fb = [cb.get((s, c), 0) for s in sources]
        pa = [1 if x else 0 for x in fa]
        pb = [1 if x else 0 for x in fb]
        result["presence"]["perConcept"].append(figures(pa, pb, True))
        result["frequency"]["perConcept"].append(figures(fa, fb, False))
        all_p[0].extend(pa)
        all_p[1].extend(pb)
        all_f[0].extend(fa)
        all_f[1].extend(fb)
    result["presence"]["overall"] = figures(*all_p, True)
    result["frequency"]["overall"] = figures(*all_f, False)

    # Passage level: the generator states which units it built; labels are compared as categories.
    units = data["expectedOverlapUnits"]
    la = [str(u["a"]) for u in units]
    lb = [str(u["b"]) for u in units]
    overall = figures(la, lb, False)
    q = len(concepts) + 1  # the chosen concepts and "nothing"
    po = overall["agreements"] / len(units) if units else None
    overall["bpQ"] = (po - 1 / q) / (1 - 1 / q) if units else None
    result["overlap"] = {"overall": overall}
    return result


json.dump([one(d) for d in json.load(sys.stdin)], sys.stdout)
