# expect: DL3003:5
FROM debian:12
RUN <<EOF
set -e
cd /src
make
EOF
