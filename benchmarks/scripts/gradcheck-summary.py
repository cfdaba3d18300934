#!/usr/bin/env python3
"""Summarises the GradientCheck reports of a test run (issue 3 accuracy figures).

Usage:
  mvn -B -pl core,autodiff test -DargLine=-Dfixpoint.gradcheck=DEBUG 2>&1 | python3 benchmarks/scripts/gradcheck-summary.py

Checks whose name marks a deliberately planted fault (GradientCheckTest's self-tests: "faulty",
"inconsistent", "slow", "wrong", "planted") are left out: they exist to show the checker fails.
"""
import re
import sys

text = sys.stdin.read()
blocks = re.split(r'\n(?=\d\d:\d\d:\d\d\.\d+ DEBUG)', text)
rows = {'reverse mode vs finite differences': [], 'forward mode (JVP) vs finite differences': [],
        'dot-product test <w,Jv> vs <J^T w,v>': [], 'Hessian-vector vs differences of gradients': []}
rates, infinite = [], 0
for b in blocks:
    head = b.split('\n')[0]
    if 'GradientCheck' not in head or re.search(r'faulty|inconsistent|planted|slow|wrong', head):
        continue
    for key, pattern in [('reverse mode vs finite differences', r'reverse mode vs differences: max relative error (\S+)'),
                         ('forward mode (JVP) vs finite differences', r'forward mode vs differences: max relative error (\S+)'),
                         ('dot-product test <w,Jv> vs <J^T w,v>', r'dot-product test .*?relative error (\S+)'),
                         ('Hessian-vector vs differences of gradients', r'Hessian-vector check of .*?max relative error (\S+)')]:
        m = re.search(pattern, b)
        if m:
            rows[key].append(float(m.group(1)))
    m = re.search(r'Taylor remainder rate (\S+)', b)
    if m:
        if m.group(1) in ('∞', 'Infinity', 'inf'):
            infinite += 1
        else:
            rates.append(float(m.group(1)))
for key, values in rows.items():
    if values:
        print(f'{key}: {len(values)} checks, max relative error {max(values):.3e}')
if rates:
    print(f'Taylor remainder rate: {len(rates)} checks, min {min(rates):.3f}, max {max(rates):.3f}; '
          f'{infinite} checks of linear or piecewise-linear ops have remainders at rounding level (no rate)')
