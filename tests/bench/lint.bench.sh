#!/bin/sh
# make bench: the wall time of one `dockertutor lint FILE` process on a
# 100-line Dockerfile (start-up, configuration lookup, parse, rules,
# output), the median of 200 runs.  Figures only.
set -u
: "${DT_BIN:?}"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/dt-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
{
	echo "FROM debian:12-slim AS build"
	echo "WORKDIR /src"
	i=0
	while [ $i -lt 45 ]; do
		echo "RUN apt-get update && apt-get install -y --no-install-recommends pkg$i=1.$i \\"
		echo " && rm -rf /var/lib/apt/lists/*"
		i=$((i + 1))
	done
	echo "FROM debian:12-slim"
	echo "COPY --from=build /src /app"
	echo "USER 10001"
	echo "CMD [\"/app/run\"]"
} >"$tmp/Dockerfile"
if ! command -v python3 >/dev/null 2>&1; then
	echo "lint one file: python3 is needed to time the runs"
	exit 1
fi
python3 - "$DT_BIN" "$tmp/Dockerfile" <<'PY'
import statistics, subprocess, sys, time
binary, path = sys.argv[1], sys.argv[2]
times = []
for _ in range(200):
    t = time.perf_counter()
    subprocess.run([binary, "lint", "--no-shellcheck", path],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    times.append((time.perf_counter() - t) * 1000)
lines = sum(1 for _ in open(path))
print(f"lint one file: median {statistics.median(times):.2f} ms per process on a "
      f"{lines}-line Dockerfile (target <= 2 ms; fastest {min(times):.2f} ms)")
PY
