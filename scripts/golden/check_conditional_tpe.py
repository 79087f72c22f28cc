#!/usr/bin/python3
# Run: /usr/bin/python3 scripts/golden/check_conditional_tpe.py  (Debian python3-optuna 3.1.0); its output is pinned in
# tests/HyperSearch.Core.Tests/Space/ConditionalTpeOptunaTests.cs.
"""Optuna 3.1's TPE on a define-by-run pytorch_simple objective with a fixed history: which trials each
conditional parameter's l(x) and g(x) are fitted on, and the kernels. Prints one JSON document."""
import json, math
import optuna
from optuna.distributions import IntDistribution, FloatDistribution
from optuna.samplers._tpe.sampler import _get_observation_pairs, _split_observation_pairs, default_gamma
from optuna.samplers._tpe.parzen_estimator import _ParzenEstimator, _ParzenEstimatorParameters
from optuna.samplers._tpe.sampler import default_weights

optuna.logging.set_verbosity(optuna.logging.WARNING)
N = 40
def trial_params(i):
    layers = 1 + (i * 7) % 3
    p = {"n_layers": layers}
    for k in range(layers):
        p[f"n_units_l{k}"] = 4 + (i * 37 + k * 11) % 125
        p[f"dropout_l{k}"] = 0.2 + ((i * 13 + k * 5) % 31) / 100
    return p
def dists(p):
    d = {"n_layers": IntDistribution(1, 3)}
    for k in range(p["n_layers"]):
        d[f"n_units_l{k}"] = IntDistribution(4, 128, log=True)
        d[f"dropout_l{k}"] = FloatDistribution(0.2, 0.5)
    return d
def value(i, p):
    return abs(p["n_layers"] - 2) + sum(math.log2(p[f"n_units_l{k}"] / 64) ** 2 for k in range(p["n_layers"])) + ((i * 17) % 10) / 100

study = optuna.create_study()
for i in range(1, N + 1):
    p = trial_params(i)
    study.add_trial(optuna.trial.create_trial(params=p, distributions=dists(p), value=value(i, p)))
params = _ParzenEstimatorParameters(consider_prior=True, prior_weight=1.0, consider_magic_clip=True, consider_endpoints=False, weights=default_weights, multivariate=False)
out = {}
for name, dist in [("n_units_l2", IntDistribution(4, 128, log=True)), ("dropout_l1", FloatDistribution(0.2, 0.5))]:
    values, scores, violations = _get_observation_pairs(study, [name])
    n = sum(s < float("inf") for s, v in scores)
    below_idx, above_idx = _split_observation_pairs(scores, default_gamma(n), violations)
    import numpy as np
    cv = np.asarray(values[name], dtype=float)
    mask = ~np.isnan(cv)
    below = cv[below_idx[mask[below_idx]]]
    above = cv[above_idx[mask[above_idx]]]
    pe_b = _ParzenEstimator({name: below}, {name: dist}, params)
    pe_a = _ParzenEstimator({name: above}, {name: dist}, params)
    out[name] = {"belowTrials": [int(i) + 1 for i in below_idx[mask[below_idx]]], "aboveTrials": [int(i) + 1 for i in above_idx[mask[above_idx]]],
                 "belowMus": list(map(float, pe_b._mus[name])), "belowSigmas": list(map(float, pe_b._sigmas[name])),
                 "aboveMus": list(map(float, pe_a._mus[name])), "aboveSigmas": list(map(float, pe_a._sigmas[name]))}
print(json.dumps(out))
