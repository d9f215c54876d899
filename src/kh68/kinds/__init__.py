"""Kinds: each kind of target, of task timing and of reporting period is one module, registered in one table.

A plan writes its targets ("ít nhất 30%", "giảm 10% so với năm 2025"), its task
timings ("Quý II/2026", "Hằng năm") and its reporting periods ("trước ngày 20
hằng tháng") in words. Each kind reads its own words, says itself back in
Vietnamese and answers what the engine asks of it; the tables in
``kinds.targets``, ``kinds.timings`` and ``kinds.periods`` are the only places
that list them, so a new kind is one module, one registration line and its tests.

This package sits just above ``kh68.core``: the models of ``kh68.reading``
validate a plan's words with these parsers, so a phrase kh68 cannot read is an
error at the file and line where it is written.
"""
