"$CO2CALC" sacct ../../data/sacct/ga4hpc/legacy-s13-300.log --cluster ../../data/sacct/ga4hpc/cluster_info.yaml --group-by partition
