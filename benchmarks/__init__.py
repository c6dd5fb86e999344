"""pkedu's performance benchmarks: ``python3 course.py bench`` runs ``benchmarks/run.py``.

One module per section (notebooks, interactions, data, sizes, imports), each
with a ``bench_<section>`` function that measures and returns a table of rows;
config.py holds the paths and budgets, report.py the rows and tables,
stats.py the statistics, machine.py what the machine
is. README.md in this folder says how to run it; docs/performance.md gives
the budgets, their reasons and the latest results.
"""
