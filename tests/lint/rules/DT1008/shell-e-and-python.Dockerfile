# expect-none: DT1008
FROM python:3.12-slim
RUN python3 <<EOF
print("one")
print("two")
EOF
SHELL ["/bin/bash", "-eo", "pipefail", "-c"]
RUN <<EOF
mkdir -p /app
cd /app
EOF
