# Exit codes of sacct and batch alike: a file that cannot be opened, is a directory or
# cannot be read at all is bad input (2); a read that fails in the middle of the file is the
# environment failing (1).
sacct() { "$CO2CALC" sacct "$@" --cluster ../../data/sacct/ga4hpc/cluster_info.yaml; }
sacct ../../data/sacct/no-such.log; echo "sacct, no such file: exit $?"
sacct ../../data/sacct; echo "sacct, a directory: exit $?"
sacct - <../../data/sacct; echo "sacct, a directory as standard input: exit $?"
sacct /proc/self/mem; echo "sacct, a file that cannot be read at all: exit $?"
"$CO2CALC" batch ../../data/batch/no-such.csv; echo "batch, no such file: exit $?"
"$CO2CALC" batch ../../data/batch; echo "batch, a directory: exit $?"
"$CO2CALC" batch - <../../data/batch; echo "batch, a directory as standard input: exit $?"
"$CO2CALC" batch /proc/self/mem; echo "batch, a file that cannot be read at all: exit $?"
# The first whole pages of the input are read, then read() fails with EIO (see the script).
python3 ../read_fails_midway.py "$CO2CALC" sacct - --cluster ../../data/sacct/ga4hpc/cluster_info.yaml \
  <../../data/sacct/ga4hpc/modern-s15-1000.log
echo "sacct, a read error midway: exit $?"
{ echo name,hardware,hours,location; for i in $(seq 300); do echo "run$i,T4,2,FR"; done; } |
  python3 ../read_fails_midway.py "$CO2CALC" batch - --format csv >/dev/null
echo "batch, a read error midway: exit ${PIPESTATUS[1]}"
# A spec or cluster file read whole: the same.
printf 'hardware: T4\nhours: 2\nlocation: FR\n%5000s\n' "" |
  python3 ../read_fails_midway.py "$CO2CALC" estimate --spec - >/dev/null
echo "estimate --spec, a read error midway: exit ${PIPESTATUS[1]}"
