#!/usr/bin/env python3
"""An independent implementation of METHODS.md, used to check gapscore.

It shares no code with gapscore: CSV parsing is Python's csv module, sums
are exact rationals (fractions.Fraction), t and F quantiles come from scipy.
`compute_report` returns the report in FORMATS.md's JSON shape (without the
"tool" block); `tidy_rows` turns it into FORMATS.md's tidy CSV rows.
"""
import csv
import gzip
import io
import json
import math
import re
from fractions import Fraction

from scipy import stats as scipy_stats

MEASURES = ["expectation", "perception", "gap", "msa", "mss"]
COLUMN_OF = {"expectation": "expectation", "perception": "perception", "adequate": "adequate", "desired": "desired"}
DIFFERENCES = {"gap": "expectation", "msa": "adequate", "mss": "desired"}
NUMBER = re.compile(r"^[+-]?(\d+\.?\d*|\.\d+)$")
REJECT_ORDER = ["nul_byte", "field_count", "bad_weight", "duplicate_id"]
WEIGHT = re.compile(r"^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$")
REASON_ORDER = ["out_of_range", "not_integer", "unrecognized"]
Z = 1.96


# ---------------------------------------------------------------- coding

class Column:
    def __init__(self, name, scale, reverse, missing):
        self.name, self.scale, self.reverse = name, scale, reverse
        self.missing = [m.strip(" \t").lower() for m in missing]
        self.labels = {k.strip(" \t").lower(): v for k, v in scale.get("labels", {}).items()}

    def code(self, cell):
        """(value, reason): value None when missing or invalid."""
        text = cell.strip(" \t")
        if text == "" or text.lower() in self.missing:
            return None, None
        if text.lower() in self.labels:
            value = self.labels[text.lower()]
        elif NUMBER.match(text):
            number = Fraction(text)
            if number.denominator != 1:
                return None, "not_integer"
            value = int(number)
        else:
            return None, "unrecognized"
        lo, hi = self.scale["min"], self.scale["max"]
        if value < lo or value > hi:
            return None, "out_of_range"
        return (lo + hi - value if self.reverse else value), None


KANO_LABELS = {"like": 1, "I like it": 1, "I like it that way": 1, "must-be": 2, "must be": 2,
               "It must be that way": 2, "I expect it": 2, "I expect it that way": 2, "neutral": 3, "I am neutral": 3,
               "I don't care": 3, "live-with": 4, "live with": 4, "I can live with it": 4, "I can tolerate it": 4,
               "dislike": 5, "I dislike it": 5, "I dislike it that way": 5}
# Berger et al. (1993), rows functional, columns dysfunctional: like, must-be, neutral, live-with, dislike.
KANO_TABLE = ["QAAAO", "RIIIM", "RIIIM", "RIIIM", "RRRRQ"]
KANO_NAMES = {"A": "attractive", "O": "one_dimensional", "M": "must_be", "I": "indifferent", "R": "reverse",
              "Q": "questionable"}

DEFAULT_SCALES = {"nps": {"min": 0, "max": 10}, "csat": {"min": 1, "max": 5}, "ces": {"min": 1, "max": 7}}


def compile_questionnaire(q):
    scales = q.get("scales", {})
    missing = q.get("missing", ["", "NA", "N/A"])
    sq = q.get("servqual")
    items, dims = [], []
    if sq:
        default_min = sq.get("min_items")
        for dim in sq["dimensions"]:
            ids = []
            for it in dim["items"]:
                scale = scales[it.get("scale", sq.get("scale"))]
                cols = {}
                for key in ("expectation", "perception", "adequate", "desired"):
                    if key in it:
                        cols[key] = Column(it[key], scale, it.get("reverse", False), missing)
                items.append({"id": it["id"], "dimension": dim["id"], "scale": scale, "cols": cols})
                ids.append(it["id"])
            k = len(ids)
            min_items = dim.get("min_items", default_min if default_min else (k + 1) // 2)
            dims.append({"id": dim["id"], "items": ids, "min_items": min(min_items, k), "weight": dim.get("weight"),
                         "importance": sq.get("importance", {}).get(dim["id"])})
    weights = None
    if dims and all(d["weight"] is not None for d in dims):
        total = sum(Fraction(d["weight"]) for d in dims)
        weights = [Fraction(d["weight"]) / total for d in dims]
    importance = dims and all(d["importance"] for d in dims)
    metrics = []
    for m in q.get("metrics", []):
        scale = scales[m["scale"]] if "scale" in m else DEFAULT_SCALES[m["type"]]
        lo, hi = scale["min"], scale["max"]
        metrics.append({"id": m.get("id", m["type"]), "type": m["type"], "col": Column(m["column"], scale, False, missing),
                        "promoter_min": m.get("promoter_min", min(9, hi)),
                        "detractor_max": m.get("detractor_max", min(6, hi - 1)),
                        "satisfied_min": m.get("satisfied_min", hi - 1),
                        "agree_min": m.get("agree_min", (lo + hi) // 2 + 1)})
    kano = []
    if "kano" in q:
        scale = scales[q["kano"]["scale"]] if "scale" in q["kano"] else {"min": 1, "max": 5, "labels": KANO_LABELS}
        for feature in q["kano"]["features"]:
            kano.append({"id": feature["id"], "f": Column(feature["functional"], scale, False, missing),
                         "d": Column(feature["dysfunctional"], scale, False, missing)})
    return {"q": q, "items": items, "dims": dims, "weights": weights, "importance": importance, "metrics": metrics,
            "missing": missing, "kano": kano}


# ------------------------------------------------------------ statistics

def polished_quantile(distribution, probability):
    """scipy 1.10's ppf is good to about 1e-10; its cdf to about 1e-15, so
    a few Newton steps on the cdf give the quantile to full precision."""
    x = distribution.ppf(probability)
    for _ in range(3):
        density = distribution.pdf(x)
        if density <= 0:
            break
        x -= (distribution.cdf(x) - probability) / density
    return float(x)


def t_quantile(probability, df):
    return polished_quantile(scipy_stats.t(df), probability)


def f_quantile(probability, df1, df2):
    return polished_quantile(scipy_stats.f(df1, df2), probability)


def weighted_mean_block(values, weights, paired):
    """The part both weighted forms share: the empty block, or the block
    with n_eff and the mean, W and the exact mean."""
    n = len(values)
    out = {"n": n, "n_eff": 0, "mean": None, "sd": None, "se": None, "ci95": None}
    if paired:
        out.update({"t": None, "p": None, "d": None})
    total = sum(weights, Fraction(0))
    if n == 0 or total == 0:
        return out, None, None
    n_eff = total * total / sum(w * w for w in weights)
    mean = sum(w * v for v, w in zip(values, weights)) / total
    out.update({"n_eff": float(n_eff), "mean": float(mean)})
    return out, total, mean


def kish_stats_block(values, weights, paired):
    """Survey-weighted, Kish's form (the importance-weighted overall score):
    n_eff = W^2 / sum w^2 takes n's place."""
    out, total, mean = weighted_mean_block(values, weights, paired)
    if total is None:
        return out
    n_eff = total * total / sum(w * w for w in weights)
    if len(values) == 1 or n_eff <= 1:
        return out
    var = sum(w * (v - mean) ** 2 for v, w in zip(values, weights)) / total * n_eff / (n_eff - 1)
    sd = math.sqrt(var)
    se = sd / math.sqrt(n_eff)
    half = t_quantile(0.975, float(n_eff - 1)) * se
    out.update({"sd": sd, "se": se, "ci95": [float(mean) - half, float(mean) + half]})
    if paired and se > 0:
        t = float(mean) / se
        out.update({"t": t, "p": float(2 * scipy_stats.t.sf(abs(t), float(n_eff - 1))), "d": float(mean) / sd})
    return out


def weighted_stats_block(values, weights, paired, units):
    """Survey-weighted, as survey::svymean with ids = ~1: the linearised
    variance over the respondents of the whole design (a segment is a
    domain), t on its degrees of freedom, sd as svyvar, deff as svymean's
    deff = "replace", and Kish's n_eff. units: (respondents, respondents of
    nonzero weight) of the whole design; svyvar's n and degf leave weight-0
    respondents out."""
    units, weighted_units = units
    n = len(values)
    out, total, mean = weighted_mean_block(values, weights, paired)
    if total is None:
        return out
    count = sum(1 for w in weights if w != 0)
    if n == 1 or count < 2:
        return out
    var = sum(w * (v - mean) ** 2 for v, w in zip(values, weights)) / total * Fraction(count, count - 1)
    sd = math.sqrt(var)
    out["sd"] = sd
    if units < 2 or weighted_units < 2:
        return out
    linearised = Fraction(units, units - 1) * sum((w * (v - mean)) ** 2 for v, w in zip(values, weights)) / total ** 2
    se = math.sqrt(linearised)
    df = weighted_units - 1
    half = t_quantile(0.975, df) * se
    ordered = {key: out[key] for key in ("n", "n_eff", "mean", "sd")}
    ordered.update({"se": se, "deff": float(linearised / (var / count)) if var > 0 else None, "df": df,
                    "ci95": [float(mean) - half, float(mean) + half]})
    if paired:
        ordered.update({"t": None, "p": None, "d": None})
        if se > 0:
            t = float(mean) / se
            ordered.update({"t": t, "p": float(2 * scipy_stats.t.sf(abs(t), df)), "d": float(mean) / sd if sd > 0 else None})
    return ordered


def stats_block(values, paired=False, weights=None, units=None, kish=False):
    if weights is not None:
        return kish_stats_block(values, weights, paired) if kish else weighted_stats_block(values, weights, paired, units)
    n = len(values)
    out = {"n": n, "mean": None, "sd": None, "se": None, "ci95": None}
    if paired:
        out.update({"t": None, "p": None, "d": None})
    if n == 0:
        return out
    mean = sum(values, Fraction(0)) / n
    out["mean"] = float(mean)
    if n == 1:
        return out
    var = sum(((v - mean) ** 2 for v in values), Fraction(0)) / (n - 1)
    sd = math.sqrt(var)
    se = sd / math.sqrt(n)
    half = t_quantile(0.975, n - 1) * se
    out.update({"sd": sd, "se": se, "ci95": [float(mean) - half, float(mean) + half]})
    if paired and se > 0:
        t = float(mean) / se
        out.update({"t": t, "p": float(2 * scipy_stats.t.sf(abs(t), n - 1)), "d": float(mean) / sd})
    return out


def distribution(values, missing, invalid, lo, hi, weights=None):
    freq = {str(v): sum(1 for x in values if x == v) for v in range(lo, hi + 1)}
    mass = [(x, 1) for x in values] if weights is None else list(zip(values, weights))
    total = sum((w for _, w in mass), Fraction(0))

    def quantile(p):
        if total == 0:
            return None
        for v in range(lo, hi + 1):
            if sum(w for x, w in mass if x <= v) >= p * total:
                return float(v)
        return None

    out = {"median": quantile(Fraction(1, 2)), "q1": quantile(Fraction(1, 4)), "q3": quantile(Fraction(3, 4)),
           "freq": freq, "missing": missing, "invalid": invalid}
    if weights is not None:
        out["freq_weighted"] = {str(v): float(sum((w for x, w in mass if x == v), Fraction(0)))
                                for v in range(lo, hi + 1)}
    return out


def column_block(coded, weights=None):
    """Valid values, their row weights (None without survey weights), and
    the counts of missing and invalid cells."""
    values = [v for v, r in coded if v is not None]
    valid_weights = None if weights is None else [w for (v, r), w in zip(coded, weights) if v is not None]
    missing = sum(1 for v, r in coded if v is None and r is None)
    invalid = sum(1 for v, r in coded if r is not None)
    return values, valid_weights, missing, invalid


def valid_pairs(values, weights):
    """The values that are not None, and their weights (None stays None)."""
    kept = [i for i, v in enumerate(values) if v is not None]
    return [values[i] for i in kept], None if weights is None else [weights[i] for i in kept]


def alpha_block(matrix, ids, weights=None):
    """matrix: list of complete rows (lists of k values); weights: theirs."""
    k, n = len(ids), len(matrix)
    out = {"value": None, "n": n, "ci95": None, "standardized": None,
           "items": [{"id": i, "alpha_if_deleted": None, "item_rest_r": None} for i in ids]}
    weights = [1] * n if weights is None else weights
    total_weight = sum(weights, Fraction(0))
    size = total_weight * total_weight / sum(w * w for w in weights) if total_weight else 0
    if k < 2 or n < 2 or size <= 1:
        return out

    # W^2 times the weighted covariance, W sum(w x y) - sum(w x) sum(w y):
    # with unit weights n (n - 1) cov; the common factor cancels in every
    # ratio below.
    cols = [[r[i] for r in matrix] for i in range(k)]
    sums = [sum(w * x for w, x in zip(weights, c)) for c in cols]
    q = [[total_weight * sum(w * x * y for w, x, y in zip(weights, cols[i], cols[j])) - sums[i] * sums[j]
          for j in range(k)] for i in range(k)]

    def alpha(indices):
        kk = len(indices)
        total = sum(q[i][j] for i in indices for j in indices)
        if kk < 2 or total <= 0:
            return None
        return float(Fraction(kk, kk - 1) * (1 - Fraction(sum(q[i][i] for i in indices), total)))

    a = alpha(list(range(k)))
    out["value"] = a
    if a is not None:
        df1 = float(size - 1)
        df2 = df1 * (k - 1)
        out["ci95"] = [1 - (1 - a) * f_quantile(0.975, df1, df2), 1 - (1 - a) * f_quantile(0.025, df1, df2)]
    variances = [q[i][i] for i in range(k)]
    if all(v > 0 for v in variances):
        rs = [q[i][j] / math.sqrt(variances[i] * variances[j]) for i in range(k) for j in range(i + 1, k)]
        r = sum(rs) / len(rs)
        if 1 + (k - 1) * r != 0:
            out["standardized"] = k * r / (1 + (k - 1) * r)
    if k >= 3:
        for i in range(k):
            rest_idx = [j for j in range(k) if j != i]
            out["items"][i]["alpha_if_deleted"] = alpha(rest_idx)
            with_rest = sum(q[i][j] for j in rest_idx)
            rest = sum(q[j][l] for j in rest_idx for l in rest_idx)
            if variances[i] > 0 and rest > 0:
                out["items"][i]["item_rest_r"] = with_rest / math.sqrt(variances[i] * rest)
    return out


def wilson(count, n):
    p = count / n
    denom = 1 + Z * Z / n
    centre = (p + Z * Z / (2 * n)) / denom
    half = Z * math.sqrt(p * (1 - p) / n + Z * Z / (4 * n * n)) / denom
    return [100 * max(0.0, centre - half), 100 * min(1.0, centre + half)]


def linearised(values, weights, units):
    """(se, deff, df) of the weighted mean of `values` as weighted_stats_block
    gives them, or None where it gives no se."""
    block = weighted_stats_block(values, weights, False, units)
    if block["se"] is None:
        return None
    return block["se"], block["deff"], block["df"]


def proportion(values, threshold, weights=None, units=None):
    n = len(values)
    count = sum(1 for v in values if v >= threshold)
    if weights is None:
        return {"n": n, "count": count, "score": 100 * count / n if n else None,
                "ci95": wilson(count, n) if n else None}
    total = sum(weights, Fraction(0))
    out = {"n": n, "n_eff": 0, "count": count, "score": None, "ci95": None}
    if total:
        share = sum((w for v, w in zip(values, weights) if v >= threshold), Fraction(0)) / total
        n_eff = total * total / sum(w * w for w in weights)
        out.update({"n_eff": float(n_eff), "score": float(100 * share), "ci95": wilson(float(share * n_eff), float(n_eff))})
        design = linearised([1 if v >= threshold else 0 for v in values], weights, units)
        if not design:
            out["ci95"] = None
        else:
            se, deff, df = design
            share = float(share)
            size = share * (1 - share) / se ** 2 if se > 0 else float(n_eff)
            out.update({"se": 100 * se, "deff": deff, "df": df})
            if size > 0:
                out["ci95"] = wilson(share * size, size)
    return out


def nps_block(values, missing, invalid, metric, lo, hi, weights=None, units=None):
    n = len(values)
    pro = sum(1 for v in values if v >= metric["promoter_min"])
    det = sum(1 for v in values if v <= metric["detractor_max"])
    pas = n - pro - det
    out = {"id": metric["id"], "type": "nps", "n": n, "promoters": pro, "passives": pas, "detractors": det,
           "promoters_pct": None, "passives_pct": None, "detractors_pct": None, "score": None, "se": None,
           "ci95": None}
    # Group sizes out of `size`: counts out of n, or with survey weights the
    # weighted shares times Kish's n_eff out of n_eff.
    size, sizes = n, (pro, pas, det)
    if weights is not None:
        total = sum(weights, Fraction(0))
        out["n_eff"] = 0
        size = 0
        if total:
            size = total * total / sum(w * w for w in weights)
            out["n_eff"] = float(size)
            group = [v >= metric["promoter_min"] for v in values], [v <= metric["detractor_max"] for v in values]
            weighted_pro = sum((w for w, is_pro in zip(weights, group[0]) if is_pro), Fraction(0))
            weighted_det = sum((w for w, is_det in zip(weights, group[1]) if is_det), Fraction(0))
            sizes = tuple(float(part / total * size) for part in (weighted_pro, total - weighted_pro - weighted_det,
                                                                  weighted_det))
            size = float(size)
    if size:
        (pro_size, pas_size, det_size) = sizes
        pp, pd = pro_size / size, det_size / size
        out.update({"promoters_pct": 100 * pp, "passives_pct": 100 * pas_size / size, "detractors_pct": 100 * pd,
                    "score": 100 * (pp - pd), "se": 100 * math.sqrt((pp + pd - (pp - pd) ** 2) / size)})
        design = None if weights is None else linearised(
            [1 if v >= metric["promoter_min"] else -1 if v <= metric["detractor_max"] else 0 for v in values],
            weights, units)
        if weights is not None and not design:
            out.update({"se": None, "ci95": None})
            out["distribution"] = distribution(values, missing, invalid, lo, hi, weights)
            return out
        if design:
            # The linearised se of p - d; the interval at the design-effective n.
            se, deff, df = design
            out.update({"se": 100 * se, "deff": deff, "df": df})
            # Each group's share as the mean of its indicator.
            for key, inside in (("promoters_se", lambda v: v >= metric["promoter_min"]),
                                ("passives_se", lambda v: metric["detractor_max"] < v < metric["promoter_min"]),
                                ("detractors_se", lambda v: v <= metric["detractor_max"])):
                group = linearised([1 if inside(v) else 0 for v in values], weights, units)
                out[key] = 100 * group[0] if group else None
            if se > 0:
                size = (pp + pd - (pp - pd) ** 2) / se ** 2
                pro_size, det_size = pp * size, pd * size
        n2 = size + 3
        ap, ad = (pro_size + 0.75) / n2, (det_size + 0.75) / n2
        s = ap - ad
        se2 = math.sqrt((ap + ad - s * s) / n2)
        out["ci95"] = [max(-100.0, 100 * (s - Z * se2)), min(100.0, 100 * (s + Z * se2))]
    out["distribution"] = distribution(values, missing, invalid, lo, hi, weights)
    return out


# ------------------------------------------------------------- the data

def read_text(path):
    """The file's text: gzip inflated, UTF-16 by its BOM, else UTF-8 (BOM
    dropped); bytes that are not UTF-8 survive as surrogate escapes."""
    with open(path, "rb") as handle:
        raw = handle.read()
    if raw[:2] == b"\x1f\x8b":
        raw = gzip.decompress(raw)
    if raw[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return raw.decode("utf-16")
    if raw[:3] == b"\xef\xbb\xbf":
        raw = raw[3:]
    return raw.decode("utf-8", "surrogateescape")


def detect_delimiter(text):
    first = text.split("\n", 1)[0]
    counts = {d: 0 for d in ",;\t|"}
    quoted = False
    for c in first:
        if c == '"':
            quoted = not quoted
        elif not quoted and c in counts:
            counts[c] += 1
    best = max(counts.values())
    return "," if best == 0 else next(d for d in ",;\t|" if counts[d] == best)


def column_names(header_rows, naming):
    width = len(header_rows[0])
    rows = [[c.strip(" \t") for c in row] + [""] * (width - len(row)) for row in header_rows]
    if naming not in ("joined",):
        index = {"first": 0, "last": len(rows) - 1}.get(naming, naming - 1 if isinstance(naming, int) else 0)
        return rows[index][:width]
    names = [[] for _ in range(width)]
    for r, row in enumerate(rows):
        carried = ""
        for i in range(width):
            part = row[i]
            if not part and r + 1 < len(rows):
                part = carried
            if part:
                carried = part
                names[i].append(part)
    return [" / ".join(parts) for parts in names]


def resolve(names, reference):
    exact = [i for i, n in enumerate(names) if n == reference]
    if len(exact) == 1:
        return exact[0]
    if "*" in reference:
        pattern = re.compile(".*".join(re.escape(p) for p in reference.split("*")), re.IGNORECASE | re.ASCII)
        matches = [i for i, n in enumerate(names) if pattern.fullmatch(n)]
        assert len(matches) == 1, (reference, matches)
        return matches[0]
    if reference.startswith("#") and reference[1:].isdigit():
        return int(reference[1:]) - 1
    raise KeyError(reference)


def read_rows(compiled, paths, by):
    """Row accounting and the used rows, each as a dict reference -> cell."""
    q = compiled["q"]
    header_rows = q.get("header_rows", 1)
    naming = q.get("header_names", "first")
    id_col = q.get("respondent_id")
    references = set(c.name for item in compiled["items"] for c in item["cols"].values())
    references |= set(m["col"].name for m in compiled["metrics"])
    references |= set(d["importance"] for d in compiled["dims"] if d["importance"])
    references |= set(c.name for k in compiled["kano"] for c in (k["f"], k["d"]))
    references |= set(c.strip() for spec in by for c in spec.split(","))
    if id_col:
        references.add(id_col)
    weight_col = q.get("weight_column")
    if weight_col:
        references.add(weight_col)
    seen = set()
    acc = {"files": [], "rows_read": 0, "rows_used": 0, "rejected": {}, "used": [],
           "weights": [] if weight_col else None}
    for path in paths:
        acc["files"].append(path)
        text = read_text(path)
        records = [r for r in csv.reader(io.StringIO(text, newline=""), delimiter=detect_delimiter(text)) if r != []]
        names = column_names(records[:header_rows], naming)
        where = {ref: resolve(names, ref) for ref in references}
        for row in records[header_rows:]:
            acc["rows_read"] += 1
            if any("\0" in cell for cell in row):
                acc["rejected"]["nul_byte"] = acc["rejected"].get("nul_byte", 0) + 1
                continue
            if len(row) != len(records[0]):
                acc["rejected"]["field_count"] = acc["rejected"].get("field_count", 0) + 1
                continue
            cells = {ref: row[i] for ref, i in where.items()}
            if weight_col:
                weight = survey_weight(cells[weight_col], compiled["missing"])
                if weight is None:
                    acc["rejected"]["bad_weight"] = acc["rejected"].get("bad_weight", 0) + 1
                    continue
            if id_col:
                rid = cells[id_col].strip(" \t")
                if rid and rid in seen:
                    acc["rejected"]["duplicate_id"] = acc["rejected"].get("duplicate_id", 0) + 1
                    continue
                seen.add(rid)
            acc["rows_used"] += 1
            acc["used"].append(cells)
            if weight_col:
                acc["weights"].append(weight)
    return acc


def survey_weight(cell, missing):
    """The weight as an exact rational, or None when the row must be rejected."""
    text = cell.strip(" \t")
    if text == "" or text.lower() in [m.strip(" \t").lower() for m in missing] or not WEIGHT.match(text):
        return None
    weight = Fraction(text)
    return weight if 0 <= weight <= 10 ** 12 else None


def code_rows(compiled, rows):
    """Per row: {(item_index, key): (value, reason)} and metric codes."""
    coded = []
    for cells in rows:
        entry = {"items": [], "metrics": [], "importance": {}}
        for item in compiled["items"]:
            entry["items"].append({k: c.code(cells[c.name]) for k, c in item["cols"].items()})
        for metric in compiled["metrics"]:
            entry["metrics"].append(metric["col"].code(cells[metric["col"].name]))
        entry["kano"] = [(k["f"].code(cells[k["f"].name]), k["d"].code(cells[k["d"].name])) for k in compiled["kano"]]
        for dim in compiled["dims"]:
            if dim["importance"]:
                entry["importance"][dim["id"]] = Column(dim["importance"], {"min": 0, "max": 100}, False,
                                                        compiled["missing"]).code(cells[dim["importance"]])
        coded.append(entry)
    return coded


def item_measure_value(codes, measure):
    if measure in ("expectation", "perception"):
        return codes.get(measure, (None, None))[0] if measure in codes else None
    other = DIFFERENCES[measure]
    if other not in codes:
        return None
    p, o = codes["perception"][0], codes[other][0]
    return None if p is None or o is None else p - o


def has_measure(item, measure):
    if measure in ("expectation", "perception"):
        return measure in item["cols"]
    return DIFFERENCES[measure] in item["cols"]


def segment_result(compiled, coded, rows_count, weights=None, units=None):
    """weights: each row's survey weight, or None without them; units: the
    respondents of the whole data set, of which these rows are a domain."""
    items, dims = compiled["items"], compiled["dims"]
    index = {it["id"]: i for i, it in enumerate(items)}
    result = {"rows": rows_count, "suppressed": False}
    if weights is not None:
        total = sum(weights, Fraction(0))
        result["weight"] = {"sum": float(total),
                            "n_eff": float(total * total / sum(w * w for w in weights)) if total else 0}
    if compiled["q"].get("servqual"):
        item_out = []
        for i, item in enumerate(items):
            out = {"id": item["id"], "dimension": item["dimension"]}
            lo, hi = item["scale"]["min"], item["scale"]["max"]
            for key in ("expectation", "perception", "adequate", "desired"):
                if key in item["cols"]:
                    values, valid_weights, missing, invalid = column_block([row["items"][i][key] for row in coded],
                                                                           weights)
                    block = stats_block(values, weights=valid_weights, units=units)
                    block["distribution"] = distribution(values, missing, invalid, lo, hi, valid_weights)
                    out[key] = block
            for measure in ("gap", "msa", "mss"):
                if has_measure(item, measure):
                    diffs, diff_weights = valid_pairs([item_measure_value(row["items"][i], measure) for row in coded],
                                                      weights)
                    out[measure] = stats_block(diffs, paired=True, weights=diff_weights, units=units)
            if "adequate" in item["cols"] and "desired" in item["cols"]:
                zone = {"below": 0, "within": 0, "above": 0, "inconsistent": 0}
                zone_weight = {"below": Fraction(0), "within": Fraction(0), "above": Fraction(0), "inconsistent": 0}
                for r, row in enumerate(coded):
                    p, a, d = (row["items"][i][k][0] for k in ("perception", "adequate", "desired"))
                    if p is None or a is None or d is None:
                        continue
                    where = "inconsistent" if a > d else "below" if p < a else "above" if p > d else "within"
                    zone[where] += 1
                    zone_weight[where] += 1 if weights is None else weights[r]
                n = zone["below"] + zone["within"] + zone["above"]
                total = zone_weight["below"] + zone_weight["within"] + zone_weight["above"]
                out["zone"] = {"n": n, **zone}
                for key in ("below", "within", "above"):
                    out["zone"][key + "_pct"] = float(100 * zone_weight[key] / total) if n and total else None
            item_out.append(out)
        dim_out = []
        scores = {}  # (dim, measure) -> per-row score or None
        for dim in dims:
            out = {"id": dim["id"]}
            alpha = {}
            for measure in MEASURES:
                ids = [i for i in dim["items"] if has_measure(items[index[i]], measure)]
                if not ids:
                    continue
                need = min(dim["min_items"], len(ids))
                row_scores, complete, complete_weights = [], [], []
                for r, row in enumerate(coded):
                    vals = [item_measure_value(row["items"][index[i]], measure) for i in ids]
                    valid = [v for v in vals if v is not None]
                    score = Fraction(sum(valid), len(valid)) if len(valid) >= need and valid else None
                    row_scores.append(score)
                    if len(valid) == len(ids):
                        complete.append(vals)
                        complete_weights.append(1 if weights is None else weights[r])
                scores[(dim["id"], measure)] = row_scores
                scored, score_weights = valid_pairs(row_scores, weights)
                out[measure] = stats_block(scored, paired=measure in DIFFERENCES, weights=score_weights, units=units)
                alpha[measure] = alpha_block(complete, ids, None if weights is None else complete_weights)
            out["alpha"] = alpha
            if dim["importance"]:
                values, valid_weights, missing, invalid = column_block(
                    [row["importance"][dim["id"]] for row in coded], weights)
                block = stats_block(values, weights=valid_weights, units=units)
                block["distribution"] = distribution(values, missing, invalid, 0, 100, valid_weights)
                out["importance"] = block
            dim_out.append(out)
        overall = {}
        for measure in ["gap", "expectation", "perception", "msa", "mss"]:
            if not all((d["id"], measure) in scores for d in dims):
                continue
            unweighted, weighted, unweighted_rows, weighted_rows = [], [], [], []
            for r, row in enumerate(coded):
                parts = [scores[(d["id"], measure)][r] for d in dims]
                if any(p is None for p in parts):
                    continue
                unweighted.append(sum(parts) / len(parts))
                unweighted_rows.append(r)
                if compiled["weights"]:
                    weighted.append(sum(w * p for w, p in zip(compiled["weights"], parts)))
                    weighted_rows.append(r)
                elif compiled["importance"]:
                    points = [row["importance"][d["id"]][0] for d in dims]
                    if all(p is not None for p in points) and sum(points) > 0:
                        weighted.append(sum(Fraction(p) * s for p, s in zip(points, parts)) / sum(points))
                        weighted_rows.append(r)

            def weights_of(rows):
                return None if weights is None else [weights[r] for r in rows]

            paired = measure in DIFFERENCES
            overall[measure] = stats_block(unweighted, paired, weights_of(unweighted_rows), units)
            if compiled["weights"] or compiled["importance"]:
                overall[measure + "_weighted"] = stats_block(weighted, paired, weights_of(weighted_rows), units,
                                                             kish=bool(compiled["importance"]))
        result["servqual"] = {"items": item_out, "dimensions": dim_out, "overall": overall}
    metrics = []
    for m, metric in enumerate(compiled["metrics"]):
        values, vw, missing, invalid = column_block([row["metrics"][m] for row in coded], weights)
        lo, hi = metric["col"].scale["min"], metric["col"].scale["max"]
        if metric["type"] == "nps":
            metrics.append(nps_block(values, missing, invalid, metric, lo, hi, vw, units))
        elif metric["type"] == "csat":
            prop = proportion(values, metric["satisfied_min"], vw, units)
            rating = stats_block(values, weights=vw, units=units)
            rating["distribution"] = distribution(values, missing, invalid, lo, hi, vw)
            entry = {"id": metric["id"], "type": "csat", "n": prop["n"], "satisfied": prop["count"],
                     "score": prop["score"], "ci95": prop["ci95"], "rating": rating}
            if vw is not None:
                entry["n_eff"] = prop["n_eff"]
                for key in ("se", "deff", "df"):
                    if key in prop:
                        entry[key] = prop[key]
            metrics.append(entry)
        else:
            block = stats_block(values, weights=vw, units=units)
            block["distribution"] = distribution(values, missing, invalid, lo, hi, vw)
            metrics.append({"id": metric["id"], "type": "ces", "stats": block,
                            "agree": proportion(values, metric["agree_min"], vw, units)})
    result["metrics"] = metrics
    outcome = compiled["q"].get("drivers", {}).get("outcome")
    if outcome:
        m = next(i for i, metric in enumerate(compiled["metrics"]) if metric["id"] == outcome)
        result["drivers"] = drivers_block(outcome, [d["id"] for d in dims], scores,
                                          [row["metrics"][m][0] for row in coded], result["servqual"]["dimensions"],
                                          weights)
    if compiled["kano"]:
        result["kano"] = [kano_block(k["id"], [row["kano"][f] for row in coded], weights, units)
                          for f, k in enumerate(compiled["kano"])]
    return result


def drivers_block(outcome, ids, scores, outcomes, dimension_results, weights=None):
    """Pearson r of each dimension's perception score with the outcome, and
    standardized regression weights, over rows with all of them (weighted
    covariances with survey weights)."""
    import numpy
    kept = [r for r, o in enumerate(outcomes)
            if o is not None and all(scores[(d, "perception")][r] is not None for d in ids)]
    rows = [[scores[(d, "perception")][r] for d in ids] + [Fraction(outcomes[r])] for r in kept]
    row_weights = [1 if weights is None else weights[r] for r in kept]
    n = len(rows)
    out = {"outcome": outcome, "n": n, "r2": None, "dimensions": []}
    performance = [dim["perception"]["mean"] for dim in dimension_results]
    r = None
    if n >= 3:
        v = len(ids) + 1
        cols = [[row[i] for row in rows] for i in range(v)]
        total = sum(row_weights, Fraction(0))
        means = [sum(w * x for w, x in zip(row_weights, c)) / total for c in cols] if total else [0] * v
        cov = [[sum(w * (a - means[i]) * (b - means[j]) for w, a, b in zip(row_weights, cols[i], cols[j]))
                for j in range(v)] for i in range(v)]
        if all(cov[i][i] > 0 for i in range(v)):
            r = [[float(cov[i][j]) / math.sqrt(cov[i][i] * cov[j][j]) for j in range(v)] for i in range(v)]
    betas = [None] * len(ids)
    if r:
        d = len(ids)
        beta = numpy.linalg.solve(numpy.array([row[:d] for row in r[:d]]), numpy.array([r[i][d] for i in range(d)]))
        betas = [float(b) for b in beta]
        out["r2"] = float(sum(b * r[i][d] for i, b in enumerate(betas)))
    rs = [r[i][len(ids)] if r else None for i in range(len(ids))]
    for i, dim in enumerate(ids):
        out["dimensions"].append({"id": dim, "r": rs[i], "beta": betas[i], "performance": performance[i],
                                  "quadrant": None})
    if r and all(p is not None for p in performance):
        mean_r = sum(rs) / len(rs)
        mean_p = sum(performance) / len(performance)
        for entry in out["dimensions"]:
            important, performing = entry["r"] >= mean_r, entry["performance"] >= mean_p
            entry["quadrant"] = (("keep_up_the_good_work" if performing else "concentrate_here") if important
                                 else ("possible_overkill" if performing else "low_priority"))
    return out


def kano_block(feature, answers, weights=None, units=None):
    """With survey weights, category sizes are weighted shares times Kish's
    n_eff, out of n_eff, and each category's share has its linearised se."""
    weighted = weights is not None
    weights = [1] * len(answers) if weights is None else weights
    classified = [(KANO_TABLE[f[0] - 1][d[0] - 1], w) for (f, d), w in zip(answers, weights)
                  if f[0] is not None and d[0] is not None]
    n = len(classified)
    counts = {letter: sum(1 for c, _ in classified if c == letter) for letter in "AOMIRQ"}
    total = sum((w for _, w in classified), Fraction(0))
    size = total * total / sum(w * w for _, w in classified) if total else 0
    sizes = {letter: float(sum((w for c, w in classified if c == letter), Fraction(0)) / total * size) if total
             else 0 for letter in "AOMIRQ"}
    size = float(size)
    out = {"id": feature, "n": n,
           "categories": {KANO_NAMES[c]: {"count": counts[c], "pct": 100 * sizes[c] / size if size else None}
                          for c in "AOMIRQ"},
           "dominant": None, "fong": {"difference": None, "critical": None, "significant": None},
           "better": None, "worse": None}
    if n and size:
        ranked = sorted("MOAIRQ", key=lambda c: -sizes[c])  # stable: ties keep M, O, A, I, R, Q
        a, b = sizes[ranked[0]], sizes[ranked[1]]
        critical = 1.65 * math.sqrt((a + b) * (2 * size - a - b) / (2 * size))
        out["dominant"] = KANO_NAMES[ranked[0]]
        out["fong"] = {"difference": a - b, "critical": critical, "significant": (a - b) >= critical}
        base = sizes["A"] + sizes["O"] + sizes["M"] + sizes["I"]
        if base:
            out["better"] = (sizes["A"] + sizes["O"]) / base
            out["worse"] = -(sizes["O"] + sizes["M"]) / base
    if weighted:
        for c in "AOMIRQ":
            design = linearised([1 if category == c else 0 for category, _ in classified],
                                [w for _, w in classified], units) if classified else None
            out["categories"][KANO_NAMES[c]]["se"] = 100 * design[0] if design else None
    return out


def label(value):
    """A segment value as reports show it: bytes that are not UTF-8 repaired."""
    return value.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def baseline_difference(now, now_se, then, then_se):
    out = {"test": "z", "difference": None, "z": None, "p": None, "flag": None}
    if now is None or then is None:
        return out
    out["difference"] = now - then
    if now_se is None or then_se is None:
        return out
    se = math.sqrt(now_se ** 2 + then_se ** 2)
    out["se"] = se
    if se > 0:
        out["z"] = out["difference"] / se
        out["p"] = normal_p(out["z"])
        if out["p"] < 0.05:
            out["flag"] = "up" if out["difference"] > 0 else "down"
    return out


def binomial_se(score, block):
    """Of a percentage: a weighted share's linearised se where the block has
    one, else binomial over n or with survey weights Kish's n_eff."""
    if "se" in block:
        return block["se"]
    n = block.get("n_eff", block["n"])
    if score is None or not n:
        return None
    return 100 * math.sqrt(score / 100 * (1 - score / 100) / n)


def compare_with_baseline(report, baseline):
    def label(segment):
        return ";".join(f"{k}={v}" for k, v in segment.items())

    def by_id(entries):
        return {e["id"]: e for e in entries}

    def stats(block, old):
        if old is not None:
            block["vs_baseline"] = baseline_difference(block["mean"], block["se"], old.get("mean"), old.get("se"))

    previous = {label(r["segment"]): r for r in baseline["results"] if not r.get("suppressed")}
    for result in report["results"]:
        old = previous.get(label(result["segment"]))
        if result.get("suppressed") or old is None:
            continue
        sq, osq = result.get("servqual"), old.get("servqual")
        if sq and osq:
            items = by_id(osq["items"])
            for item in sq["items"]:
                for measure in ("expectation", "perception", "adequate", "desired", "gap", "msa", "mss"):
                    if measure in item and item["id"] in items:
                        stats(item[measure], items[item["id"]].get(measure))
            dims = by_id(osq["dimensions"])
            for dim in sq["dimensions"]:
                for measure in MEASURES + ["importance"]:
                    if measure in dim and dim["id"] in dims:
                        stats(dim[measure], dims[dim["id"]].get(measure))
            for measure, block in sq["overall"].items():
                stats(block, osq["overall"].get(measure))
        metrics = by_id(old["metrics"])
        for metric in result["metrics"]:
            was = metrics.get(metric["id"])
            if was is None:
                continue
            if metric["type"] == "nps":
                metric["vs_baseline"] = baseline_difference(metric["score"], metric["se"], was["score"], was["se"])
            elif metric["type"] == "csat":
                metric["vs_baseline"] = baseline_difference(metric["score"], binomial_se(metric["score"], metric),
                                                            was["score"], binomial_se(was["score"], was))
                stats(metric["rating"], was["rating"])
            else:
                stats(metric["stats"], was["stats"])
                agree, old_agree = metric["agree"], was["agree"]
                agree["vs_baseline"] = baseline_difference(agree["score"], binomial_se(agree["score"], agree),
                                                           old_agree["score"], binomial_se(old_agree["score"], old_agree))


def compute_report(questionnaire_path, inputs, by=(), min_n=0, baseline=None):
    with open(questionnaire_path, encoding="utf-8") as handle:
        q = json.load(handle)
    compiled = compile_questionnaire(q)
    acc = read_rows(compiled, inputs, by)
    coded = code_rows(compiled, acc["used"])
    invalid = []
    columns = []
    for i, item in enumerate(compiled["items"]):
        for key in ("expectation", "perception", "adequate", "desired"):
            if key in item["cols"]:
                columns.append((item["cols"][key].name, lambda row, i=i, key=key: row["items"][i][key]))
    for d in compiled["dims"]:
        if d["importance"]:
            columns.append((d["importance"], lambda row, d=d: row["importance"][d["id"]]))
    for m, metric in enumerate(compiled["metrics"]):
        columns.append((metric["col"].name, lambda row, m=m: row["metrics"][m]))
    for f, feature in enumerate(compiled["kano"]):
        columns.append((feature["f"].name, lambda row, f=f: row["kano"][f][0]))
        columns.append((feature["d"].name, lambda row, f=f: row["kano"][f][1]))
    for name, get in columns:
        for reason in REASON_ORDER:
            count = sum(1 for row in coded if get(row)[1] == reason)
            if count:
                invalid.append({"column": name, "reason": reason, "count": count})
    rejected = [{"reason": r, "count": acc["rejected"][r]} for r in REJECT_ORDER if r in acc["rejected"]]
    report = {"gapscore_report": 1, "questionnaire": {"title": q.get("title", "")},
              "input": {"files": acc["files"], "rows_read": acc["rows_read"], "rows_used": acc["rows_used"],
                        "rows_rejected": sum(r["count"] for r in rejected), "rejected": rejected,
                        "invalid_cells": invalid},
              "results": []}
    whole = {"segment": {}}
    weights = acc["weights"]

    def weights_of(rows):
        return None if weights is None else [weights[i] for i in rows]

    units = (len(coded), len(coded) if weights is None else sum(1 for w in weights if w != 0))
    whole.update(segment_result(compiled, coded, len(coded), weights, units))
    report["results"].append(whole)
    for spec in by:
        cols = [c.strip() for c in spec.split(",")]
        groups = {}
        for index, (cells, row) in enumerate(zip(acc["used"], coded)):
            key = tuple(label(cells[c].strip(" \t") or "(missing)") for c in cols)
            groups.setdefault(key, []).append(index)
        families = {}
        for key in sorted(groups, key=lambda k: [v.encode("utf-8") for v in k]):
            members = groups[key]
            entry = {"segment": dict(zip(cols, key))}
            if len(members) < min_n:
                entry.update({"rows": len(members), "suppressed": True})
            else:
                rows = [coded[i] for i in members]
                inside = set(members)
                outside = [i for i in range(len(coded)) if i not in inside]
                rest = [coded[i] for i in outside]
                entry.update(segment_result(compiled, rows, len(rows), weights_of(members), units))
                compare_with_rest(entry, segment_result(compiled, rest, len(rest), weights_of(outside), units),
                                  compiled["importance"], families)
            report["results"].append(entry)
        for family in families.values():
            holm(family)
    if baseline is not None:
        compare_with_baseline(report, baseline)
    return report


def design_t(a, b):
    """Two domains of one design: linearised se, the design's df."""
    out = {"test": "design_t", "difference": None, "t": None, "df": None, "p": None, "p_holm": None, "flag": None}
    if a["mean"] is not None and b["mean"] is not None:
        out["difference"] = a["mean"] - b["mean"]
    if out["difference"] is None or a["se"] is None or b["se"] is None or a["se"] ** 2 + b["se"] ** 2 <= 0:
        return out
    t = out["difference"] / math.sqrt(a["se"] ** 2 + b["se"] ** 2)
    df = min(a["df"], b["df"])
    out.update({"t": t, "df": df, "p": float(2 * scipy_stats.t.sf(abs(t), df))})
    return out


def welch(a, b):
    if "df" in a and "df" in b:
        return design_t(a, b)
    out = {"test": "welch", "difference": None, "t": None, "df": None, "p": None, "p_holm": None, "flag": None}
    if a["mean"] is not None and b["mean"] is not None:
        out["difference"] = a["mean"] - b["mean"]
    if a["sd"] is None or b["sd"] is None:
        return out
    na, nb = a.get("n_eff", a["n"]), b.get("n_eff", b["n"])
    va, vb = a["sd"] ** 2 / na, b["sd"] ** 2 / nb
    if va + vb <= 0:
        return out
    t = out["difference"] / math.sqrt(va + vb)
    df = (va + vb) ** 2 / (va ** 2 / (na - 1) + vb ** 2 / (nb - 1))
    out.update({"t": t, "df": df, "p": float(2 * scipy_stats.t.sf(abs(t), df))})
    return out


def normal_p(z):
    return float(2 * scipy_stats.norm.sf(abs(z)))


def share_design_t(a, b):
    """Two domains' weighted shares or NPS: linearised se, the design's df."""
    out = {"test": "design_t", "difference": None, "t": None, "df": None, "p": None, "p_holm": None, "flag": None}
    if a["score"] is not None and b["score"] is not None:
        out["difference"] = a["score"] - b["score"]
    variance = a["se"] ** 2 + b["se"] ** 2
    if out["difference"] is None or variance <= 0:
        return out
    t = out["difference"] / math.sqrt(variance)
    out.update({"t": t, "df": a["df"], "p": float(2 * scipy_stats.t.sf(abs(t), a["df"]))})
    return out


def nps_z(a, b):
    if "df" in a and "df" in b:
        return share_design_t(a, b)
    out = {"test": "z", "difference": None, "z": None, "p": None, "p_holm": None, "flag": None}
    if a["score"] is not None and b["score"] is not None:
        out["difference"] = a["score"] - b["score"]
    if a["se"] is None or b["se"] is None:
        return out
    se = math.sqrt(a["se"] ** 2 + b["se"] ** 2)
    out["se"] = se
    if se > 0:
        out["z"] = out["difference"] / se
        out["p"] = normal_p(out["z"])
    return out


def two_proportions(a, b):
    if "df" in a and "df" in b:
        return share_design_t(a, b)
    out = {"test": "two_proportion", "difference": None, "z": None, "p": None, "p_holm": None, "flag": None}
    if not a["n"] or not b["n"]:
        return out
    if "n_eff" in a:
        # Survey weights: weighted shares over Kish's effective sizes.
        if a["score"] is None or b["score"] is None:
            return out
        pa, pb, na, nb = a["score"] / 100, b["score"] / 100, a["n_eff"], b["n_eff"]
        pooled = (pa * na + pb * nb) / (na + nb)
    else:
        pa, pb, na, nb = a["count"] / a["n"], b["count"] / b["n"], a["n"], b["n"]
        pooled = (a["count"] + b["count"]) / (a["n"] + b["n"])
    out["difference"] = 100 * (pa - pb)
    se = math.sqrt(pooled * (1 - pooled) * (1 / na + 1 / nb))
    if se > 0:
        out["z"] = (pa - pb) / se
        out["p"] = normal_p(out["z"])
    return out


def holm(family):
    tested = sorted([c for c in family if c["p"] is not None], key=lambda c: c["p"])
    running = 0.0
    for i, comparison in enumerate(tested):
        running = max(running, min(1.0, (len(tested) - i) * comparison["p"]))
        comparison["p_holm"] = running
        if running < 0.05 and comparison["difference"] is not None:
            comparison["flag"] = "above" if comparison["difference"] > 0 else "below"


def compare_with_rest(segment, rest, importance, families):
    def add(block, other, key, test=welch):
        block["vs_rest"] = test(block, other)
        families.setdefault(key, []).append(block["vs_rest"])

    sq, rq = segment.get("servqual"), rest.get("servqual")
    if sq:
        for item, other in zip(sq["items"], rq["items"]):
            for measure in ("expectation", "perception", "adequate", "desired", "gap", "msa", "mss"):
                if measure in item:
                    add(item[measure], other[measure], f"item/{item['id']}/{measure}")
        for dim, other in zip(sq["dimensions"], rq["dimensions"]):
            for measure in MEASURES:
                if measure in dim:
                    add(dim[measure], other[measure], f"dimension/{dim['id']}/{measure}")
            if "importance" in dim:
                add(dim["importance"], other["importance"], f"dimension/{dim['id']}/importance")
        for measure in list(sq["overall"]):
            if measure.endswith("_weighted") and importance:
                continue
            add(sq["overall"][measure], rq["overall"][measure], f"overall/{measure}")
    for metric, other in zip(segment["metrics"], rest["metrics"]):
        key = f"metric/{metric['id']}/"
        if metric["type"] == "nps":
            add(metric, other, key + "nps", nps_z)
        elif metric["type"] == "csat":
            def as_proportion(block):
                out = {"n": block["n"], "count": block["satisfied"], "score": block["score"]}
                for key in ("n_eff", "se", "df"):
                    if key in block:
                        out[key] = block[key]
                return out

            add(metric, as_proportion(other), key + "csat", lambda a, b: two_proportions(as_proportion(a), b))
            add(metric["rating"], other["rating"], key + "rating")
        else:
            add(metric["stats"], other["stats"], key + "ces")
            add(metric["agree"], other["agree"], key + "agree", two_proportions)


# ------------------------------------------------------------- tidy CSV

def tidy_rows(report):
    """FORMATS.md's tidy rows as {(segment, level, id, measure, stat): value}."""
    rows = {}

    def put(seg, level, ident, measure, stat, value):
        rows[(seg, level, ident, measure, stat)] = value

    def comparison(seg, level, ident, measure, block):
        for stem in ("vs_rest", "vs_baseline"):
            c = block.get(stem)
            if not c:
                continue
            put(seg, level, ident, measure, stem + "_difference", c["difference"])
            if "se" in c:
                put(seg, level, ident, measure, stem + "_se", c["se"])
            if c["test"] in ("welch", "design_t"):
                put(seg, level, ident, measure, stem + "_t", c["t"])
                put(seg, level, ident, measure, stem + "_df", c["df"])
            else:
                put(seg, level, ident, measure, stem + "_z", c["z"])
            put(seg, level, ident, measure, stem + "_p", c["p"])
            if stem == "vs_rest":
                put(seg, level, ident, measure, stem + "_p_holm", c["p_holm"])
            put(seg, level, ident, measure, stem + "_flag", {"above": 1, "below": -1, "up": 1, "down": -1}.get(c["flag"], 0))

    def stats(seg, level, ident, measure, block):
        comparison(seg, level, ident, measure, block)
        for key in ("n", "n_eff", "mean", "sd", "se", "deff", "df", "t", "p", "d"):
            if key in block:
                put(seg, level, ident, measure, key, block[key])
        ci = block["ci95"]
        put(seg, level, ident, measure, "ci95_low", ci[0] if ci else None)
        put(seg, level, ident, measure, "ci95_high", ci[1] if ci else None)
        dist = block.get("distribution")
        if dist:
            for key in ("median", "q1", "q3", "missing", "invalid"):
                put(seg, level, ident, measure, key, dist[key])
            for value, count in dist["freq"].items():
                put(seg, level, ident, measure, "freq_" + value, count)
            for value, weight in dist.get("freq_weighted", {}).items():
                put(seg, level, ident, measure, "freq_weighted_" + value, weight)

    inp = report["input"]
    for key in ("rows_read", "rows_used", "rows_rejected"):
        put("all", "input", "", "", key, inp[key])
    for r in inp["rejected"]:
        put("all", "input", "", r["reason"], "rows_rejected", r["count"])
    for c in inp["invalid_cells"]:
        put("all", "input", c["column"], c["reason"], "invalid_cells", c["count"])
    for result in report["results"]:
        seg = ";".join(f"{k}={v}" for k, v in result["segment"].items()) or "all"
        put(seg, "segment", "", "", "rows", result["rows"])
        put(seg, "segment", "", "", "suppressed", 1 if result["suppressed"] else 0)
        if result["suppressed"]:
            continue
        if "weight" in result:
            put(seg, "segment", "", "", "weight_sum", result["weight"]["sum"])
            put(seg, "segment", "", "", "n_eff", result["weight"]["n_eff"])
        sq = result.get("servqual")
        if sq:
            for item in sq["items"]:
                for measure in ("expectation", "perception", "adequate", "desired", "gap", "msa", "mss"):
                    if measure in item:
                        stats(seg, "item", item["id"], measure, item[measure])
            for item in sq["items"]:
                if "zone" in item:
                    for key, value in item["zone"].items():
                        put(seg, "item", item["id"], "zone", key, value)
            for dim in sq["dimensions"]:
                if "importance" in dim:
                    stats(seg, "dimension", dim["id"], "importance", dim["importance"])
                for measure, alpha in dim["alpha"].items():
                    stats(seg, "dimension", dim["id"], measure, dim[measure])
                    put(seg, "dimension", dim["id"], measure, "alpha", alpha["value"])
                    put(seg, "dimension", dim["id"], measure, "alpha_n", alpha["n"])
                    ci = alpha["ci95"]
                    put(seg, "dimension", dim["id"], measure, "alpha_ci95_low", ci[0] if ci else None)
                    put(seg, "dimension", dim["id"], measure, "alpha_ci95_high", ci[1] if ci else None)
                    put(seg, "dimension", dim["id"], measure, "alpha_standardized", alpha["standardized"])
                    for item in alpha["items"]:
                        put(seg, "item", item["id"], measure, "alpha_if_deleted", item["alpha_if_deleted"])
                        put(seg, "item", item["id"], measure, "item_rest_r", item["item_rest_r"])
            for measure, block in sq["overall"].items():
                stats(seg, "overall", "servqual", measure, block)
        drivers = result.get("drivers")
        if drivers:
            put(seg, "drivers", drivers["outcome"], "summary", "n", drivers["n"])
            put(seg, "drivers", drivers["outcome"], "summary", "r2", drivers["r2"])
            for dim in drivers["dimensions"]:
                for key in ("r", "beta", "performance"):
                    put(seg, "drivers", dim["id"], "perception", key, dim[key])
                if dim["quadrant"]:
                    put(seg, "drivers", dim["id"], "perception", "quadrant_" + dim["quadrant"], 1)
        for kano in result.get("kano", []):
            for name, category in kano["categories"].items():
                put(seg, "kano", kano["id"], name, "count", category["count"])
                put(seg, "kano", kano["id"], name, "pct", category["pct"])
                if "se" in category:
                    put(seg, "kano", kano["id"], name, "se", category["se"])
            put(seg, "kano", kano["id"], "summary", "n", kano["n"])
            if kano["dominant"]:
                put(seg, "kano", kano["id"], "summary", "dominant_" + kano["dominant"], 1)
            fong = kano["fong"]
            put(seg, "kano", kano["id"], "summary", "fong_difference", fong["difference"])
            put(seg, "kano", kano["id"], "summary", "fong_critical", fong["critical"])
            put(seg, "kano", kano["id"], "summary", "fong_significant",
                None if fong["significant"] is None else int(fong["significant"]))
            put(seg, "kano", kano["id"], "summary", "better", kano["better"])
            put(seg, "kano", kano["id"], "summary", "worse", kano["worse"])
        for metric in result["metrics"]:
            mid = metric["id"]
            if metric["type"] == "nps":
                for key in ("n", "n_eff", "promoters", "passives", "detractors", "promoters_pct", "passives_pct",
                            "detractors_pct", "score", "se", "deff", "df", "promoters_se", "passives_se",
                            "detractors_se"):
                    if key in metric:
                        put(seg, "metric", mid, "nps", key, metric[key])
                ci = metric["ci95"]
                put(seg, "metric", mid, "nps", "ci95_low", ci[0] if ci else None)
                put(seg, "metric", mid, "nps", "ci95_high", ci[1] if ci else None)
                stats(seg, "metric", mid, "nps", {"ci95": None, "distribution": metric["distribution"]})
                del rows[(seg, "metric", mid, "nps", "ci95_low")]
                del rows[(seg, "metric", mid, "nps", "ci95_high")]
                put(seg, "metric", mid, "nps", "ci95_low", ci[0] if ci else None)
                put(seg, "metric", mid, "nps", "ci95_high", ci[1] if ci else None)
                comparison(seg, "metric", mid, "nps", metric)
            elif metric["type"] == "csat":
                for key in ("n", "n_eff", "satisfied", "score", "se", "deff", "df"):
                    if key in metric:
                        put(seg, "metric", mid, "csat", key, metric[key])
                ci = metric["ci95"]
                put(seg, "metric", mid, "csat", "ci95_low", ci[0] if ci else None)
                put(seg, "metric", mid, "csat", "ci95_high", ci[1] if ci else None)
                comparison(seg, "metric", mid, "csat", metric)
                stats(seg, "metric", mid, "rating", metric["rating"])
            else:
                stats(seg, "metric", mid, "ces", metric["stats"])
                agree = metric["agree"]
                for key in ("n", "n_eff", "count", "score", "se", "deff", "df"):
                    if key in agree:
                        put(seg, "metric", mid, "agree", key, agree[key])
                ci = agree["ci95"]
                put(seg, "metric", mid, "agree", "ci95_low", ci[0] if ci else None)
                put(seg, "metric", mid, "agree", "ci95_high", ci[1] if ci else None)
                comparison(seg, "metric", mid, "agree", agree)
    return rows
