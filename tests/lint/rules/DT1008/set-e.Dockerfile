# expect-none: DT1008
FROM debian:12
RUN <<EOF
set -eux
apt-get update
apt-get install -y curl
EOF
RUN <<EOF
apt-get update && apt-get install -y curl
EOF
