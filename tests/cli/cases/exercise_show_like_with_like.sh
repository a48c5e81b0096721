# Exercise 07 as a student sees it: the task, the run specs (same method and region, so
# the same PUE and intensity), the answers to give; not the answers themselves.
"$CO2CALC" exercise show 7
