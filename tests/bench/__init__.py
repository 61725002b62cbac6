"""Benchmarks, run by ``make bench``, never by ``make test``.

Speed is measured here and written to ``docs/benchmarks.md``; it is never asserted
in the test suite. No module here is named ``test_*.py``, so pytest collects none.
"""
