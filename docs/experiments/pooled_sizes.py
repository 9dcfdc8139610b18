# Experiment helper for docs/expected-fill.md (issue 15, branch honest2): writes every non-zero
# demand of each series training part (the series without its last 12 periods) divided by that
# series mean non-zero demand, one a line: the pooled, scaled size distribution of variant "pool".
# python3 pooled_sizes.py raf-validation.csv pool-raf.txt
# pooled sizes / line mean size over the training part (each series without its last 12 periods)
import csv, sys
src, dst = sys.argv[1], sys.argv[2]
series = {}
for r in csv.DictReader(open(src)):
    series.setdefault((r['part_no'], r['region']), []).append((r['period'], float(r['quantity'])))
out = []
for k, v in series.items():
    v.sort(); q = [x for _, x in v[:-12] if x > 0]
    if len(q) >= 1:
        m = sum(q) / len(q)
        out += [x / m for x in q]
open(dst, 'w').write('\n'.join(f'{x:.6g}' for x in out) + '\n')
import statistics
out.sort(); n=len(out)
print(n, 'sizes; quantiles 0.5/0.9/0.99/max', out[n//2], out[int(n*.9)], out[int(n*.99)], out[-1])
